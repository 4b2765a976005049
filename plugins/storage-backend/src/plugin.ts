import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  readStorageEngineConfig,
  storagePermissions,
} from '@gitops-storage/plugin-storage-common';
import { EntityOwnership } from './entities/EntityOwnership';
import { setupHistory } from './history/setupHistory';
import { createStorageMetrics } from './metrics/storageMetrics';
import { readNotificationConfig } from './notifications/notificationConfig';
import { StorageNotifier } from './notifications/StorageNotifier';
import { createRouter } from './service/router';
import { readSnapshot } from './sources/snapshot/readSnapshot';
import { createFleet } from './store/createFleet';

/**
 * The `storage` backend plugin: reads every configured cluster (list + watch,
 * or a snapshot directory) into a projected in-memory store, and serves each
 * entity's volumes and the fleet's backup coverage from it.
 * @public
 */
export const storagePlugin = createBackendPlugin({
  pluginId: 'storage',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        lifecycle: coreServices.lifecycle,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { config, logger, httpRouter, lifecycle } = deps;
        const engine = readStorageEngineConfig(config.getOptional() ?? {});
        const notificationConfig = readNotificationConfig(config);
        // OpenTelemetry instruments on the global meter provider
        // (docs/storage-operations.md#metrics); gauges read the fleet.
        const fleet: { store?: ReturnType<typeof createFleet> } = {};
        const metrics = createStorageMetrics({ source: () => fleet.store });
        const store = createFleet({
          config,
          engine,
          logger,
          readSnapshot,
          onVerdicts: (cluster, ms) => metrics.verdictsComputed(cluster, ms),
        });
        fleet.store = store;
        deps.permissionsRegistry.addPermissions(storagePermissions);

        // Clusters sync in the background: the API answers at once, with
        // each cluster's status saying how far it got.
        const started = store.start();
        lifecycle.addShutdownHook(async () => {
          await started;
          await store.stop();
        });

        const ownership = new EntityOwnership({
          catalog: deps.catalog,
          auth: deps.auth,
          store,
          logger,
        });
        // Coverage history (docs/storage-history.md). Notifications
        // subscribe to the transitions it stores: history.recorder.addListener.
        const history = await setupHistory({
          config,
          database: deps.database,
          scheduler: deps.scheduler,
          logger,
          fleet: store,
          ownership,
          ready: started,
        });
        // Owner notifications follow the transitions the (global) recording
        // task stores, so each is sent once across replicas.
        history.recorder?.addListener(
          new StorageNotifier({
            config: notificationConfig,
            notifications: deps.notifications,
            catalog: deps.catalog,
            auth: deps.auth,
            logger,
            history: history.store,
            fleet: store,
            onSent: kind => metrics.notificationSent(kind),
          }),
        );
        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
            store,
            ownership,
            tiers: engine.tiers,
            logger,
            history: history.service,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
