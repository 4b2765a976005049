import type { Config } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  veleroServerDefaults,
  type StorageEngineConfig,
} from '@gitops-storage/plugin-storage-common';
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
import { readSyncConfig, type SyncConfig } from './syncConfig';
import { warnInsecureClusters } from './warnInsecureClusters';
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
  /** Verdicts recomputed after events of a cluster (metrics). */
  onVerdicts?: (cluster: string, eventToVerdictMs: number) => void;
}

/** Builds a cluster cache per configured cluster, live or snapshot. */
export function createFleet(options: FleetOptions): FleetStore {
  const { config, engine, logger } = options;
  const veleroNamespace =
    config.getOptionalString('storage.veleroNamespace') ??
    DEFAULT_VELERO_NAMESPACE;
  const sync = readSyncConfig(config);
  const clusters = readClusterConfigs(config);
  warnInsecureClusters(clusters, logger);
  const caches = clusters.map(cluster => {
    const source = createSource(cluster, veleroNamespace, sync, options);
    return new ClusterCache({
      source,
      tiers: engine.tiers,
      // Snapshot data does not age; live data must be confirmed in time.
      staleAfterSeconds:
        cluster.type === 'kubernetes' ? sync.staleAfterSeconds : undefined,
      veleroNamespace:
        cluster.type === 'kubernetes'
          ? cluster.veleroNamespace ?? veleroNamespace
          : veleroNamespace,
      defaultVolumesToFsBackup: engine.defaultVolumesToFsBackup,
      serverDefaults: veleroServerDefaults(engine),
      onVerdicts: ({ eventToVerdictMs }) =>
        options.onVerdicts?.(cluster.name, eventToVerdictMs),
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
  sync: SyncConfig,
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
      createClientNodeTransport(await kubeConfigFor(cluster), {
        requestTimeoutMs: sync.requestTimeoutSeconds * 1000,
        maxMessageBytes: sync.maxMessageBytes,
      }),
    logger,
    pageSize: sync.pageSize,
    watchTimeoutSeconds: sync.watchTimeoutSeconds,
    watchIdleMs: sync.watchIdleSeconds * 1000,
    staleAfterMs: sync.staleAfterSeconds * 1000,
  });
}
