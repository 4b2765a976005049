import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  type MockDirectory,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import request from 'supertest';
import { storagePlugin } from '../plugin';
import { eventually } from './RecordingSink';

/** The catalog component whose pod mounts the payments snapshot's `ledger`. */
export const paymentsApiEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'payments-api' },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

/** The tier of the payments snapshot's storage class. */
export const nfsTier = {
  name: 'nfs',
  storageClasses: ['storage-nfs'],
  rpo: { hours: 24 },
};

export interface StorageTestBackendOptions {
  /** Read as the snapshot cluster `demo`, unless `storage.clusters` is given. */
  snapshotDir?: MockDirectory;
  /**
   * Written to `cluster.yaml` of `snapshotDir` before the start; without it
   * the directory is read as the test left it.
   */
  snapshot?: string;
  /** The catalog; default: payments-api alone. */
  entities?: Entity[];
  /** Over the default `storage` config: the nfs tier and the demo cluster. */
  storage?: JsonObject;
  /** Root config keys other than `storage` (such as `app`). */
  config?: JsonObject;
  /** A permission policy that answers everything the same. */
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  /** More features and service factories (scheduler, database, …). */
  features?: Array<BackendFeature | Promise<{ default: BackendFeature }>>;
  /**
   * Wait until the first cluster reports synced; default true. Never with a
   * DENY policy, which also denies /clusters.
   */
  waitUntilSynced?: boolean;
}

/** The storage plugin in a test backend, reading the clusters it is given. */
export async function startStorageTestBackend(
  options: StorageTestBackendOptions = {},
) {
  const { snapshotDir, snapshot, permission } = options;
  if (snapshot !== undefined) {
    if (!snapshotDir) throw new Error('snapshot needs a snapshotDir');
    snapshotDir.setContent({ 'cluster.yaml': snapshot });
  }
  const backend = await startTestBackend({
    features: [
      storagePlugin,
      ...(options.features ?? []),
      catalogServiceMock.factory({
        entities: options.entities ?? [paymentsApiEntity],
      }),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          storage: {
            tiers: [nfsTier],
            clusters: snapshotDir
              ? [{ name: 'demo', type: 'snapshot', path: snapshotDir.path }]
              : [],
            ...options.storage,
          },
        },
      }),
      ...(permission
        ? [mockServices.permissions.factory({ result: permission })]
        : []),
    ],
  });
  if (
    (options.waitUntilSynced ?? true) &&
    permission !== AuthorizeResult.DENY
  ) {
    // Clusters sync in the background.
    await eventually(async () => {
      const res = await request(backend.server).get('/api/storage/clusters');
      expect(res.body.clusters[0].status).toBe('synced');
    });
  }
  return backend;
}
