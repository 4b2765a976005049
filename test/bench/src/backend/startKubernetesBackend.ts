import type { Entity } from '@backstage/catalog-model';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogServiceRef,
  type CatalogService,
} from '@backstage/plugin-catalog-node';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import type { RunningBackend } from './startBackend';
import { IndexedCatalog } from './startBackend';

/**
 * What a platform team would ask Backstage's Kubernetes backend for to
 * answer "is this service's data backed up?": the pods, the claims and
 * volumes, their classes, and Velero's objects. Core-group kinds cannot be
 * named in `kubernetes.customResources` (Backstage's config reads an empty
 * `group` as missing, and `objectTypes` has no claims or volumes), so they
 * are asked for the way the Kubernetes frontend asks for custom resources:
 * in the body of POST /resources/custom/query, one request per entity view.
 */
export const PEER_CUSTOM_RESOURCES = [
  { group: '', apiVersion: 'v1', plural: 'pods' },
  { group: '', apiVersion: 'v1', plural: 'persistentvolumeclaims' },
  { group: '', apiVersion: 'v1', plural: 'persistentvolumes' },
  { group: 'storage.k8s.io', apiVersion: 'v1', plural: 'storageclasses' },
  { group: 'velero.io', apiVersion: 'v1', plural: 'schedules' },
  { group: 'velero.io', apiVersion: 'v1', plural: 'backups' },
  { group: 'velero.io', apiVersion: 'v1', plural: 'podvolumebackups' },
  { group: 'velero.io', apiVersion: 'v2alpha1', plural: 'datauploads' },
  { group: 'velero.io', apiVersion: 'v1', plural: 'backupstoragelocations' },
];

/** What a verdict needs, by kind, and why (for the report). */
export const VERDICT_NEEDS: Record<string, string> = {
  Pod: 'which claims a workload mounts, and whether a running pod can copy them',
  PersistentVolumeClaim: "the entity's volumes",
  PersistentVolume: 'the volume source (hostPath, NFS, CSI)',
  StorageClass: 'the tier',
  Schedule: 'which schedules cover the namespace',
  Backup: 'whether the last run completed',
  PodVolumeBackup: 'the copy of this volume and when it was made',
  BackupStorageLocation: 'whether the copies can be restored',
};

/**
 * The real @backstage/plugin-kubernetes-backend (the same Backstage release
 * as the storage plugin) in its own startTestBackend, with the same catalog
 * and the same clusters behind the same fake API servers. Per request it
 * lists each kind asked for, with the entity's label selector, from every
 * cluster.
 */
export async function startKubernetesBackend(
  clusters: ReadonlyArray<{ name: string; url: string }>,
  entities: Entity[],
): Promise<Omit<RunningBackend, 'floor'>> {
  const catalog = new IndexedCatalog(entities);
  const backend = await startTestBackend({
    features: [
      kubernetesPlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog as unknown as CatalogService,
      }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: clusters.map(c => ({
                  name: c.name,
                  url: c.url,
                  authProvider: 'serviceAccount',
                  // The fake servers accept any token.
                  serviceAccountToken: 'bench',
                  skipTLSVerify: true,
                  skipMetricsLookup: true,
                })),
              },
            ],
          },
        },
      }),
      mockServices.rootLogger.factory({ level: 'warn' }),
    ],
  });
  return {
    baseUrl: `http://127.0.0.1:${backend.server.port()}`,
    stop: () => backend.stop(),
  };
}
