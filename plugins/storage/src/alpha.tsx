import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import { RiDatabase2Line } from '@remixicon/react';
import { storageApiRef, StorageClient } from './api';
import { storageAvailableFilter } from './annotations';
import {
  entityContentRouteRef,
  rootRouteRef,
  scaffolderRouteRef,
} from './routes';

/** The storage API client. @alpha */
export const storageApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: storageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new StorageClient({ discoveryApi, fetchApi }),
    }),
});

/** The Storage tab, on entities whose workloads the backend can find. @alpha */
export const storageEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'storage',
    title: 'Storage',
    routeRef: entityContentRouteRef,
    filter: storageAvailableFilter,
    loader: () =>
      import('./components/EntityStorage').then(m => (
        <m.EntityStorageContent />
      )),
  },
});

/** The overview card. @alpha */
export const storageEntityCard = EntityCardBlueprint.make({
  params: {
    filter: storageAvailableFilter,
    loader: () =>
      import('./components/EntityStorageCard').then(m => (
        <m.EntityStorageCard />
      )),
  },
});

/** The fleet-wide coverage page, with its navigation item. @alpha */
export const storageCoveragePage = PageBlueprint.make({
  params: {
    path: '/storage-coverage',
    title: 'Storage coverage',
    icon: <RiDatabase2Line size="1em" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/CoveragePage').then(m => <m.CoveragePageContent />),
  },
});

/** Scaffolder field `StorageTierPicker`. @alpha */
export const storageTierPickerFormField = FormFieldBlueprint.make({
  name: 'tier-picker',
  params: {
    field: () =>
      import('./components/TierPicker').then(m =>
        createFormField({
          name: m.STORAGE_TIER_PICKER,
          component: m.StorageTierPicker,
          validation: m.validateStorageTier,
          schema: m.storageTierPickerSchema,
        }),
      ),
  },
});

/**
 * The storage plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'storage',
  title: 'Storage',
  icon: <RiDatabase2Line size="1em" />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef, entityContent: entityContentRouteRef },
  externalRoutes: { scaffolder: scaffolderRouteRef },
  extensions: [
    storageApi,
    storageEntityContent,
    storageEntityCard,
    storageCoveragePage,
    storageTierPickerFormField,
  ],
});
