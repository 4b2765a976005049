import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { ClusterLayout } from './ClusterLayout';
import { VELERO_NAMESPACE, type FleetSize } from './FleetSize';

/** The layouts of every cluster: what the bench knows about the fleet it generated. */
export function fleetLayouts(size: FleetSize, now: number): ClusterLayout[] {
  return Array.from(
    { length: size.clusters },
    (_, c) => new ClusterLayout(size, c, now),
  );
}

/** One catalog Component per service, found by its pods' kubernetes-id label. */
export function fleetEntities(layouts: readonly ClusterLayout[]): Entity[] {
  return layouts.flatMap(layout =>
    Array.from({ length: layout.size.services }, (_, service) => {
      const id = layout.serviceId(service);
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: id,
          namespace: 'default',
          annotations: { 'backstage.io/kubernetes-id': id },
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: `group:default/${layout.namespaceName(
            layout.namespaceOfService(service),
          )}`,
        },
      };
    }),
  );
}

export function entityPath(id: string): string {
  return `/api/storage/entities/default/component/${id}`;
}

/** The plugin's app-config: the seed's four tiers (RPO 26 h: daily backups) and every cluster. */
export function storageAppConfig(
  clusterNames: readonly string[],
  kubeconfig: string,
  pageSize: number,
): JsonObject {
  const tier = (name: string) => ({
    name,
    storageClasses: [`storage-${name}`],
    rpo: 'PT26H',
  });
  return {
    storage: {
      tiers: ['fast', 'bulk', 'nfs', 'local'].map(tier),
      veleroNamespace: VELERO_NAMESPACE,
      sync: { pageSize },
      clusters: clusterNames.map(name => ({
        name,
        authProvider: 'kubeconfig',
        kubeconfigPath: kubeconfig,
        context: name,
      })),
    },
  };
}
