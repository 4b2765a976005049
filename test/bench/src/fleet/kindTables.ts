import type {
  ResourcePath,
  StoredObject,
} from '@gitops-storage/fake-kube-apiserver';
import type { ClusterLayout } from './ClusterLayout';
import {
  claimObject,
  namespaceObject,
  podObject,
  storageClassCount,
  storageClassObject,
  volumeObject,
} from './coreObjects';
import { VELERO_NAMESPACE } from './FleetSize';
import {
  backupObject,
  scheduleObject,
  storageLocationObject,
  volumeBackupJson,
  volumeBackupObject,
} from './veleroObjects';

/**
 * One resource type of a generated cluster: how many objects it has, how to
 * generate object `i`, and the index lookups a real API server's watch cache
 * would answer without a scan (a namespace's objects; a label value's objects).
 */
export interface KindTable {
  path: Omit<ResourcePath, 'namespace'>;
  count: number;
  object(index: number): StoredObject;
  /** Object `index` as JSON text, when the table can write it faster than JSON.stringify. */
  json?(index: number): string;
  /** `[first, end)` of a namespace's objects; empty when it has none. */
  namespaceRange(namespace: string): [number, number];
  /** Indices (ascending) of objects whose `key` label is one of `values`; undefined: not indexed. */
  withLabel?(key: string, values: readonly string[]): number[] | undefined;
}

const NONE: [number, number] = [0, 0];
const KUBERNETES_ID = 'backstage.io/kubernetes-id';

/**
 * A table whose objects never carry Backstage's kubernetes-id label answers
 * a selector on it with nothing, without generating every object to look:
 * a real API server filters its watch cache in a tight loop, which costs
 * far less per object than generating one here, so a scan would make the
 * fake, not the client, the slow part of a Kubernetes-plugin request.
 */
function neverLabelled(table: KindTable): KindTable {
  const { withLabel } = table;
  return {
    ...table,
    withLabel: (key, values) =>
      key === KUBERNETES_ID ? [] : withLabel?.(key, values),
  };
}

function clusterScoped(
  path: KindTable['path'],
  count: number,
  object: (index: number) => StoredObject,
): KindTable {
  return { path, count, object, namespaceRange: () => NONE };
}

function inVeleroNamespace(
  path: KindTable['path'],
  count: number,
  object: (index: number) => StoredObject,
  extra: Pick<KindTable, 'withLabel' | 'json'> = {},
): KindTable {
  return {
    path,
    count,
    object,
    namespaceRange: ns => (ns === VELERO_NAMESPACE ? [0, count] : NONE),
    ...extra,
  };
}

/** PVCs and pods: one per PVC index, grouped by namespace, labelled by service. */
function perClaim(
  layout: ClusterLayout,
  path: KindTable['path'],
  object: (index: number) => StoredObject,
): KindTable {
  return {
    path,
    count: layout.size.pvcs,
    object,
    namespaceRange: ns => {
      const n = layout.namespaceIndex(ns);
      return n === undefined ? NONE : layout.namespacePvcRange(n);
    },
    withLabel: (key, values) => {
      if (key !== KUBERNETES_ID) return undefined;
      const indices: number[] = [];
      for (const id of values) {
        const service = layout.serviceOfId(id);
        if (service === undefined) continue;
        const [first, end] = layout.pvcRange(service);
        for (let i = first; i < end; i++) indices.push(i);
      }
      return indices.sort((a, b) => a - b);
    },
  };
}

/** Every resource type the storage plugin reads, generated from the layout. */
export function kindTables(layout: ClusterLayout): KindTable[] {
  const { days, schedules } = layout.size;
  const velero = (resource: string, version = 'v1') => ({
    group: 'velero.io',
    version,
    resource,
  });
  const labelled = [
    perClaim(
      layout,
      { group: '', version: 'v1', resource: 'persistentvolumeclaims' },
      i => claimObject(layout, i),
    ),
    perClaim(layout, { group: '', version: 'v1', resource: 'pods' }, i =>
      podObject(layout, i),
    ),
  ];
  const unlabelled = [
    clusterScoped(
      { group: '', version: 'v1', resource: 'namespaces' },
      layout.namespaceCount,
      n => namespaceObject(layout, n),
    ),
    clusterScoped(
      { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' },
      storageClassCount(),
      i => storageClassObject(layout, i),
    ),
    clusterScoped(
      { group: '', version: 'v1', resource: 'persistentvolumes' },
      layout.size.pvcs,
      i => volumeObject(layout, i),
    ),
    inVeleroNamespace(velero('backupstoragelocations'), 1, () =>
      storageLocationObject(layout),
    ),
    inVeleroNamespace(velero('schedules'), schedules, k =>
      scheduleObject(layout, k),
    ),
    inVeleroNamespace(
      velero('backups'),
      layout.backupCount,
      i => backupObject(layout, i),
      {
        withLabel: (key, values) => {
          if (key !== 'velero.io/schedule-name') return undefined;
          const wanted = new Set(values);
          const indices: number[] = [];
          for (let day = 0; day < days; day++) {
            for (let k = 0; k < schedules; k++) {
              if (wanted.has(layout.scheduleName(k)))
                indices.push(day * schedules + k);
            }
          }
          return indices;
        },
      },
    ),
    inVeleroNamespace(
      velero('podvolumebackups'),
      layout.volumeBackupCount,
      i => volumeBackupObject(layout, i),
      {
        json: i => volumeBackupJson(layout, i),
        withLabel: (key, values) => {
          if (key !== 'velero.io/pvc-uid') return undefined;
          const indices: number[] = [];
          for (const uid of values) {
            const pvc = layout.pvcByUid(uid);
            if (pvc === undefined) continue;
            for (let day = 0; day < days; day++) {
              const index = layout.volumeBackupIndex(day, pvc);
              if (index >= 0) indices.push(index);
            }
          }
          return indices.sort((a, b) => a - b);
        },
      },
    ),
    inVeleroNamespace(velero('datauploads', 'v2alpha1'), 0, () => {
      throw new Error('no DataUploads in the generated fleet');
    }),
    // Read so that volume policies can be resolved; the fleet's schedules
    // reference none, and nobody deletes backups by hand.
    inVeleroNamespace(
      { group: '', version: 'v1', resource: 'configmaps' },
      0,
      () => {
        throw new Error('no ConfigMaps in the generated fleet');
      },
    ),
    inVeleroNamespace(velero('deletebackuprequests'), 0, () => {
      throw new Error('no DeleteBackupRequests in the generated fleet');
    }),
    // Nobody restores in the generated fleet.
    ...(
      [
        ['restores', 'v1'],
        ['podvolumerestores', 'v1'],
        ['datadownloads', 'v2alpha1'],
      ] as const
    ).map(([resource, version]) =>
      inVeleroNamespace(velero(resource, version), 0, () => {
        throw new Error(`no ${resource} in the generated fleet`);
      }),
    ),
  ];
  return [...labelled, ...unlabelled.map(neverLabelled)];
}
