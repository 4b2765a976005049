import { resolve } from 'node:path';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  kubernetesClusterSupplierExtensionPoint,
  type ClusterDetails,
} from '@backstage/plugin-kubernetes-node';
import {
  FakeKubeApiServer,
  InMemoryResourceStore,
  loadObjects,
} from '@gitops-storage/fake-kube-apiserver';
import { readSnapshotObjects } from '@gitops-storage/plugin-storage-common/node';

/** A snapshot cluster of storage.clusters. */
export interface SnapshotCluster {
  name: string;
  path: string;
  timeShift: boolean;
}

/**
 * The snapshot clusters the storage plugin reads, when Backstage's
 * Kubernetes plugin has no cluster of its own (the embedded defaults): then
 * the Kubernetes tab reads the same snapshots and shows the workloads whose
 * volumes the Storage tab lists, instead of "no resources". Empty as soon as
 * any Kubernetes cluster is configured.
 */
export function snapshotClustersForKubernetes(
  config: Config,
): SnapshotCluster[] {
  const locators =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  const ownClusters = locators.some(
    l =>
      l.getString('type') !== 'config' ||
      (l.getOptionalConfigArray('clusters') ?? []).length > 0,
  );
  if (ownClusters) return [];
  return (config.getOptionalConfigArray('storage.clusters') ?? [])
    .filter(c => c.getOptionalString('type') === 'snapshot')
    .map(c => ({
      name: c.getString('name'),
      // Relative to the backend's working directory, as the storage plugin reads it.
      path: resolve(c.getString('path')),
      timeShift: c.getOptionalBoolean('timeShift') ?? false,
    }));
}

/**
 * Kinds Backstage's Kubernetes plugin lists by default, beyond those the
 * snapshot has: served as empty lists so the tab shows no errors for them.
 */
const KUBERNETES_PLUGIN_KINDS = [
  ['', 'v1', 'services'],
  ['', 'v1', 'limitranges'],
  ['', 'v1', 'resourcequotas'],
  ['apps', 'v1', 'deployments'],
  ['apps', 'v1', 'replicasets'],
  ['apps', 'v1', 'statefulsets'],
  ['apps', 'v1', 'daemonsets'],
  ['autoscaling', 'v1', 'horizontalpodautoscalers'],
  ['autoscaling', 'v2', 'horizontalpodautoscalers'],
  ['batch', 'v1', 'jobs'],
  ['batch', 'v1', 'cronjobs'],
  ['networking.k8s.io', 'v1', 'ingresses'],
] as const;

/** Serves one snapshot over the Kubernetes API on 127.0.0.1 (a free port). */
export async function serveSnapshot(
  cluster: SnapshotCluster,
): Promise<{ server: FakeKubeApiServer; details: ClusterDetails }> {
  const store = new InMemoryResourceStore();
  for (const [group, version, resource] of KUBERNETES_PLUGIN_KINDS) {
    store.defineResource({ group, version, resource });
  }
  loadObjects(
    store,
    await readSnapshotObjects(cluster.path, { timeShift: cluster.timeShift }),
  );
  const server = await FakeKubeApiServer.start({ store });
  return {
    server,
    details: {
      name: cluster.name,
      title: `${cluster.name} (snapshot)`,
      url: server.url,
      authMetadata: {
        'kubernetes.io/auth-provider': 'serviceAccount',
        serviceAccountToken: 'snapshot',
      },
      skipTLSVerify: true,
      skipMetricsLookup: true,
    },
  };
}

/** The Kubernetes plugin's clusters: the storage plugin's snapshots, served locally. */
export const kubernetesSnapshotModule = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'storage-snapshots',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        clusters: kubernetesClusterSupplierExtensionPoint,
      },
      async init({ config, logger, lifecycle, clusters }) {
        const snapshots = snapshotClustersForKubernetes(config);
        if (snapshots.length === 0) return;
        const served = await Promise.all(snapshots.map(serveSnapshot));
        lifecycle.addShutdownHook(async () => {
          await Promise.all(served.map(s => s.server.close()));
        });
        for (const { details } of served) {
          logger.info(
            `Kubernetes plugin reads the ${details.name} snapshot, served on ${details.url}`,
          );
        }
        const details = served.map(s => s.details);
        clusters.addClusterSupplier({ getClusters: async () => details });
      },
    });
  },
});
