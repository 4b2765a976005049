import type { Config } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { StorageEngineConfig } from '@gitops-storage/plugin-storage-common';
import path from 'node:path';
import {
  readClusterConfigs,
  type ClusterConfig,
} from '../config/clusterConfig';
import { kubeConfigFor } from '../config/kubeConfigFor';
import type { ClusterSource } from '../sources/ClusterSource';
import { createClientNodeTransport } from '../sources/kubernetes/clientNodeTransport';
import { KubernetesClusterSource } from '../sources/kubernetes/KubernetesClusterSource';
import {
  SnapshotClusterSource,
  type SnapshotContents,
  type SnapshotReader,
} from '../sources/snapshot/SnapshotClusterSource';
import { ClusterCache } from './ClusterCache';
import { FleetStore } from './FleetStore';

export const DEFAULT_VELERO_NAMESPACE = 'velero';

export interface FleetOptions {
  config: Config;
  engine: StorageEngineConfig;
  logger: LoggerService;
  readSnapshot: (
    directory: string,
    options: { timeShift: boolean },
  ) => Promise<SnapshotContents>;
}

/** Builds a cluster cache per configured cluster, live or snapshot. */
export function createFleet(options: FleetOptions): FleetStore {
  const { config, engine, logger } = options;
  const veleroNamespace =
    config.getOptionalString('storage.veleroNamespace') ??
    DEFAULT_VELERO_NAMESPACE;
  const sync = {
    pageSize: config.getOptionalNumber('storage.sync.pageSize'),
    watchTimeoutSeconds: config.getOptionalNumber(
      'storage.sync.watchTimeoutSeconds',
    ),
    staleAfterMs: seconds(
      config.getOptionalNumber('storage.sync.staleAfterSeconds'),
    ),
  };
  const caches = readClusterConfigs(config).map(cluster => {
    const source = createSource(cluster, veleroNamespace, sync, options);
    return new ClusterCache({
      source,
      tiers: engine.tiers,
      veleroNamespace:
        cluster.type === 'kubernetes'
          ? cluster.veleroNamespace ?? veleroNamespace
          : veleroNamespace,
      defaultVolumesToFsBackup: engine.defaultVolumesToFsBackup,
    });
  });
  if (caches.length === 0) {
    logger.warn(
      'storage: no clusters configured (storage.clusters or kubernetes.clusterLocatorMethods); every view will be empty',
    );
  }
  return new FleetStore(caches, logger);
}

function createSource(
  cluster: ClusterConfig,
  veleroNamespace: string,
  sync: {
    pageSize?: number;
    watchTimeoutSeconds?: number;
    staleAfterMs?: number;
  },
  options: FleetOptions,
): ClusterSource {
  const logger = options.logger.child({ cluster: cluster.name });
  if (cluster.type === 'snapshot') {
    const read: SnapshotReader = directory =>
      options.readSnapshot(directory, {
        timeShift: cluster.timeShift ?? false,
      });
    return new SnapshotClusterSource({
      name: cluster.name,
      directory: path.resolve(cluster.path),
      read,
      logger,
    });
  }
  return new KubernetesClusterSource({
    name: cluster.name,
    veleroNamespace: cluster.veleroNamespace ?? veleroNamespace,
    transport: async () =>
      createClientNodeTransport(await kubeConfigFor(cluster)),
    logger,
    ...sync,
  });
}

function seconds(value: number | undefined): number | undefined {
  return value === undefined ? undefined : value * 1000;
}
