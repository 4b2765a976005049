import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { storageApiRef, StorageClient } from './api';
import {
  entityContentRouteRef,
  rootRouteRef,
  scaffolderRouteRef,
} from './routes';
import { StorageTierPicker } from './components/TierPicker/StorageTierPicker';
import {
  STORAGE_TIER_PICKER,
  storageTierPickerSchema,
} from './components/TierPicker/extension';
import { validateStorageTier } from './components/TierPicker/validation';

/**
 * The storage frontend plugin (legacy frontend system).
 * @public
 */
export const storagePlugin = createPlugin({
  id: 'storage',
  apis: [
    createApiFactory({
      api: storageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new StorageClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef, entityContent: entityContentRouteRef },
  externalRoutes: { scaffolder: scaffolderRouteRef },
});

/**
 * The fleet-wide backup coverage page.
 * @public
 */
export const StorageCoveragePage = storagePlugin.provide(
  createRoutableExtension({
    name: 'StorageCoveragePage',
    component: () =>
      import('./components/CoveragePage').then(
        m => m.LegacyStorageCoveragePage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Storage tab of a catalog entity.
 * @public
 */
export const EntityStorageContent = storagePlugin.provide(
  createRoutableExtension({
    name: 'EntityStorageContent',
    component: () =>
      import('./components/EntityStorage').then(m => m.EntityStorageContent),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * An overview card: volumes per verdict and the worst volumes.
 * @public
 */
export const EntityStorageCard = storagePlugin.provide(
  createComponentExtension({
    name: 'EntityStorageCard',
    component: {
      lazy: () =>
        import('./components/EntityStorageCard').then(m => m.EntityStorageCard),
    },
  }),
);

/**
 * Scaffolder field `StorageTierPicker`, for `<ScaffolderFieldExtensions>`.
 * @public
 */
export const StorageTierPickerFieldExtension = storagePlugin.provide(
  createScaffolderFieldExtension({
    name: STORAGE_TIER_PICKER,
    component: StorageTierPicker,
    validation: validateStorageTier,
    schema: storageTierPickerSchema.schema,
  }),
);
