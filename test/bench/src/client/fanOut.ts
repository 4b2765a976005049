import type { KubeConfig } from '@kubernetes/client-node';
import {
  claimKey,
  ClusterState,
  createClaimEvaluator,
  RESOURCE_KIND_INFO,
  type ClaimCoverage,
  type ClaimKey,
  type ResourceKind,
  type StorageEngineConfig,
} from '@gitops-storage/plugin-storage-common';
import { listItems, type WireCounter } from './kubeList';

/** A cluster as the fan-out handler knows it: a name and a client configuration. */
export interface FanOutCluster {
  name: string;
  kc: KubeConfig;
}

type Raw = {
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
  };
  spec?: {
    volumes?: Array<{ persistentVolumeClaim?: { claimName?: string } }>;
  };
};

const ID_LABEL = 'backstage.io/kubernetes-id';

function pathOf(kind: ResourceKind, namespace?: string): string {
  const { group, version, plural } = RESOURCE_KIND_INFO[kind];
  const prefix = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return namespace
    ? `${prefix}/namespaces/${namespace}/${plural}`
    : `${prefix}/${plural}`;
}

/** List items of built-in kinds carry no apiVersion/kind; the engine needs them. */
function withKind(kind: ResourceKind, items: unknown[]): unknown[] {
  const { group, version } = RESOURCE_KIND_INFO[kind];
  const apiVersion = group ? `${group}/${version}` : version;
  return items.map(item =>
    (item as { kind?: string }).kind
      ? item
      : { ...(item as object), apiVersion, kind },
  );
}

/**
 * An entity's volumes and verdicts answered the fan-out way: on every request,
 * list from every cluster what the verdicts need, then run the same engine.
 * As generous to fan-out as list calls allow: pods and PVCs by the entity's
 * label (server-side), PodVolumeBackups and DataUploads by the claims' uids
 * (`velero.io/pvc-uid in (…)`), and only the kinds that carry no such label
 * in full (PVs, StorageClasses, Schedules, Backups, BackupStorageLocations).
 */
export async function fanOutEntity(
  clusters: readonly FanOutCluster[],
  kubernetesId: string,
  engine: StorageEngineConfig,
  veleroNamespace: string,
): Promise<{ claims: ClaimCoverage[]; wire: WireCounter }> {
  const wire: WireCounter = { requests: 0, bytes: 0 };
  const perCluster = await Promise.all(
    clusters.map(cluster =>
      entityInCluster(cluster, kubernetesId, engine, veleroNamespace, wire),
    ),
  );
  return { claims: perCluster.flat(), wire };
}

async function entityInCluster(
  cluster: FanOutCluster,
  id: string,
  engine: StorageEngineConfig,
  veleroNamespace: string,
  wire: WireCounter,
): Promise<ClaimCoverage[]> {
  const list = (
    kind: ResourceKind,
    query: Record<string, string> = {},
    namespace?: string,
  ) => listItems(cluster.kc, pathOf(kind, namespace), query, wire);
  const byId = { labelSelector: `${ID_LABEL}=${id}` };
  const [
    pods,
    labelledClaims,
    volumes,
    classes,
    schedules,
    backups,
    locations,
  ] = await Promise.all([
    list('Pod', byId),
    list('PersistentVolumeClaim', byId),
    list('PersistentVolume'),
    list('StorageClass'),
    list('Schedule', {}, veleroNamespace),
    list('Backup', {}, veleroNamespace),
    list('BackupStorageLocation', {}, veleroNamespace),
  ]);

  // The claims the pods mount that the label did not find.
  const claims = new Map<ClaimKey, unknown>();
  const keyOf = (o: unknown) =>
    claimKey((o as Raw).metadata!.namespace!, (o as Raw).metadata!.name!);
  for (const claim of labelledClaims) claims.set(keyOf(claim), claim);
  const mounted = new Set<ClaimKey>();
  for (const pod of pods as Raw[]) {
    for (const volume of pod.spec?.volumes ?? []) {
      const name = volume.persistentVolumeClaim?.claimName;
      if (name) mounted.add(claimKey(pod.metadata!.namespace!, name));
    }
  }
  const missing = [...mounted].filter(key => !claims.has(key));
  const namespaces = [...new Set(missing.map(key => key.split('/')[0]))];
  for (const inNamespace of await Promise.all(
    namespaces.map(ns => list('PersistentVolumeClaim', {}, ns)),
  )) {
    for (const claim of inNamespace)
      if (mounted.has(keyOf(claim))) claims.set(keyOf(claim), claim);
  }
  if (claims.size === 0) return [];

  const uids = [...claims.values()]
    .map(c => (c as Raw).metadata?.uid)
    .filter(Boolean);
  const byClaimUid = {
    labelSelector: `velero.io/pvc-uid in (${uids.join(',')})`,
  };
  const [volumeBackups, uploads] = await Promise.all([
    list('PodVolumeBackup', byClaimUid, veleroNamespace),
    list('DataUpload', byClaimUid, veleroNamespace),
  ]);

  const state = new ClusterState();
  const listed: Array<[ResourceKind, unknown[]]> = [
    ['PersistentVolumeClaim', [...claims.values()]],
    ['PersistentVolume', volumes],
    ['StorageClass', classes],
    ['Pod', pods],
    ['Schedule', schedules],
    ['Backup', backups],
    ['BackupStorageLocation', locations],
    ['PodVolumeBackup', volumeBackups],
    ['DataUpload', uploads],
  ];
  for (const [kind, items] of listed)
    state.replaceAll(kind, withKind(kind, items));
  const evaluate = createClaimEvaluator(state, {
    cluster: cluster.name,
    tiers: engine.tiers,
    now: new Date(),
    veleroNamespace,
    defaultVolumesToFsBackup: engine.defaultVolumesToFsBackup,
  });
  return [...claims.keys()]
    .map(key => evaluate(key))
    .filter((c): c is ClaimCoverage => c !== undefined);
}
