/**
 * Builders of raw Kubernetes and Velero objects for tests, shaped like
 * `kubectl get -o yaml` output but with only the fields that matter.
 */

type Labels = Record<string, string>;

export const NOW = '2026-11-26T06:00:00Z';

/** RFC 3339 time `hours` before NOW. */
export function hoursAgo(hours: number): string {
  return new Date(Date.parse(NOW) - hours * 3600_000)
    .toISOString()
    .replace('.000Z', 'Z');
}

export interface ClaimOptions {
  namespace?: string;
  name?: string;
  uid?: string;
  storageClass?: string;
  volume?: string | null;
  phase?: string;
  capacity?: string;
  accessModes?: string[];
  labels?: Labels;
  annotations?: Labels;
  created?: string;
}

export function pvc(o: ClaimOptions = {}) {
  const name = o.name ?? 'data';
  const namespace = o.namespace ?? 'app';
  const volume = o.volume === undefined ? `pv-${name}` : o.volume;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace,
      uid: o.uid ?? `uid-${namespace}-${name}`,
      creationTimestamp: o.created ?? hoursAgo(24 * 30),
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.annotations ? { annotations: o.annotations } : {}),
    },
    spec: {
      accessModes: o.accessModes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: o.capacity ?? '10Gi' } },
      storageClassName: o.storageClass ?? 'storage-fast',
      ...(volume ? { volumeName: volume } : {}),
    },
    status: volume
      ? {
          phase: o.phase ?? 'Bound',
          accessModes: o.accessModes ?? ['ReadWriteOnce'],
          capacity: { storage: o.capacity ?? '10Gi' },
        }
      : { phase: o.phase ?? 'Pending' },
  };
}

export type SourceType = 'local' | 'nfs' | 'hostPath' | 'csi' | 'none';

export function pv(
  o: {
    name?: string;
    source?: SourceType;
    storageClass?: string;
    claim?: { namespace: string; name: string; uid?: string };
  } = {},
) {
  const source = o.source ?? 'local';
  const sources: Record<SourceType, Record<string, unknown>> = {
    local: { local: { path: '/mnt/fast/disk1' } },
    nfs: { nfs: { server: 'nas.lan', path: '/export/x' } },
    hostPath: {
      hostPath: {
        path: '/opt/local-path-provisioner/x',
        type: 'DirectoryOrCreate',
      },
    },
    csi: { csi: { driver: 'rbd.csi.ceph.com', volumeHandle: 'h-1' } },
    none: {},
  };
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: o.name ?? 'pv-data' },
    spec: {
      capacity: { storage: '10Gi' },
      storageClassName: o.storageClass ?? 'storage-fast',
      ...(o.claim
        ? { claimRef: { kind: 'PersistentVolumeClaim', ...o.claim } }
        : {}),
      ...sources[source],
    },
    status: { phase: 'Bound' },
  };
}

export function storageClass(
  o: {
    name?: string;
    provisioner?: string;
    tier?: string;
    annotations?: Labels;
  } = {},
) {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: o.name ?? 'storage-fast',
      ...(o.tier ? { labels: { 'gitops-storage.dev/tier': o.tier } } : {}),
      ...(o.annotations ? { annotations: o.annotations } : {}),
    },
    provisioner: o.provisioner ?? 'kubernetes.io/no-provisioner',
  };
}

export function pod(
  o: {
    namespace?: string;
    name?: string;
    phase?: string;
    labels?: Labels;
    annotations?: Labels;
    /** pod volume name → claim name */
    mounts?: Record<string, string>;
    /** `spec.nodeName`; null for an unscheduled pod. */
    nodeName?: string | null;
    /** Pod volumes no container mounts (declared only). */
    unmounted?: string[];
    /** Pod volumes a container attaches as raw block devices. */
    devices?: string[];
    deleting?: boolean;
  } = {},
) {
  const name = o.name ?? 'app-0';
  const namespace = o.namespace ?? 'app';
  const volumes = Object.keys(o.mounts ?? { data: 'data' });
  const devices = o.devices ?? [];
  const hidden = new Set([...(o.unmounted ?? []), ...devices]);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: `uid-pod-${namespace}-${name}`,
      labels: o.labels ?? { app: 'app' },
      ...(o.annotations ? { annotations: o.annotations } : {}),
      ...(o.deleting ? { deletionTimestamp: '2026-11-26T05:59:00Z' } : {}),
    },
    spec: {
      ...(o.nodeName === null ? {} : { nodeName: o.nodeName ?? 'node-1' }),
      containers: [
        {
          name: 'main',
          image: 'example/app:1',
          volumeMounts: volumes
            .filter(v => !hidden.has(v))
            .map(v => ({ name: v, mountPath: `/mnt/${v}` })),
          ...(devices.length > 0
            ? {
                volumeDevices: devices.map(v => ({
                  name: v,
                  devicePath: `/dev/${v}`,
                })),
              }
            : {}),
        },
      ],
      volumes: [
        ...Object.entries(o.mounts ?? { data: 'data' }).map(
          ([volume, claimName]) => ({
            name: volume,
            persistentVolumeClaim: { claimName },
          }),
        ),
        { name: 'kube-api-access', projected: { sources: [] } },
      ],
    },
    status: { phase: o.phase ?? 'Running' },
  };
}

export function schedule(
  o: {
    name?: string;
    namespace?: string;
    cron?: string;
    paused?: boolean;
    phase?: string;
    validationErrors?: string[];
    template?: Record<string, unknown>;
  } = {},
) {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: { name: o.name ?? 'daily', namespace: o.namespace ?? 'velero' },
    spec: {
      schedule: o.cron ?? '0 2 * * *',
      ...(o.paused !== undefined ? { paused: o.paused } : {}),
      template: o.template ?? {
        includedNamespaces: ['app'],
        defaultVolumesToFsBackup: true,
        ttl: '720h0m0s',
      },
    },
    status: {
      phase: o.phase ?? 'Enabled',
      ...(o.validationErrors ? { validationErrors: o.validationErrors } : {}),
    },
  };
}

export function backup(o: {
  name: string;
  namespace?: string;
  schedule?: string;
  phase?: string;
  started?: string;
  completed?: string;
  spec?: Record<string, unknown>;
  failureReason?: string;
  /** `status.expiration`; default 30 days after the start (Velero's 720h TTL). */
  expires?: string;
  /** `metadata.creationTimestamp`; default the start time. */
  created?: string;
  deleting?: boolean;
}) {
  const started = o.started ?? hoursAgo(4);
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name: o.name,
      namespace: o.namespace ?? 'velero',
      creationTimestamp: o.created ?? started,
      labels: o.schedule ? { 'velero.io/schedule-name': o.schedule } : {},
      ...(o.deleting ? { deletionTimestamp: hoursAgo(0.1) } : {}),
    },
    spec: o.spec ?? {
      includedNamespaces: ['app'],
      defaultVolumesToFsBackup: true,
      storageLocation: 'default',
    },
    status: {
      phase: o.phase ?? 'Completed',
      startTimestamp: started,
      expiration:
        o.expires ??
        new Date(Date.parse(started) + 30 * 24 * 3600_000)
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
      ...(o.completed !== undefined || (o.phase ?? 'Completed') === 'Completed'
        ? { completionTimestamp: o.completed ?? hoursAgo(3.5) }
        : {}),
      ...(o.failureReason ? { failureReason: o.failureReason } : {}),
    },
  };
}

export function pvb(o: {
  name?: string;
  backup: string;
  pvcUid?: string | null;
  podNamespace?: string;
  pod?: string;
  volume?: string;
  phase?: string;
  started?: string;
  completed?: string;
  message?: string;
  namespace?: string;
  podUid?: string;
}) {
  const labels: Labels = {
    'velero.io/backup-name': o.backup,
    'velero.io/backup-uid': 'buid',
  };
  const pvcUid = o.pvcUid === undefined ? 'uid-app-data' : o.pvcUid;
  if (pvcUid) labels['velero.io/pvc-uid'] = pvcUid;
  return {
    apiVersion: 'velero.io/v1',
    kind: 'PodVolumeBackup',
    metadata: {
      name: o.name ?? `${o.backup}-${o.volume ?? 'data'}`,
      namespace: o.namespace ?? 'velero',
      creationTimestamp: o.started ?? hoursAgo(4),
      labels,
    },
    spec: {
      node: 'worker-1',
      pod: {
        kind: 'Pod',
        namespace: o.podNamespace ?? 'app',
        name: o.pod ?? 'app-0',
        ...(o.podUid ? { uid: o.podUid } : {}),
      },
      volume: o.volume ?? 'data',
      uploaderType: 'kopia',
      repoIdentifier: '',
      backupStorageLocation: 'default',
    },
    status: {
      phase: o.phase ?? 'Completed',
      startTimestamp: o.started ?? hoursAgo(4),
      ...((o.phase ?? 'Completed') === 'Completed' || o.completed
        ? { completionTimestamp: o.completed ?? hoursAgo(3.9) }
        : {}),
      ...(o.message ? { message: o.message } : {}),
    },
  };
}

export function dataUpload(o: {
  name?: string;
  backup: string;
  pvcUid?: string | null;
  sourceNamespace?: string;
  sourcePVC?: string;
  phase?: string;
  started?: string;
  completed?: string;
}) {
  const labels: Labels = { 'velero.io/backup-name': o.backup };
  const pvcUid = o.pvcUid === undefined ? 'uid-app-data' : o.pvcUid;
  if (pvcUid) labels['velero.io/pvc-uid'] = pvcUid;
  return {
    apiVersion: 'velero.io/v2alpha1',
    kind: 'DataUpload',
    metadata: { name: o.name ?? `${o.backup}-du`, namespace: 'velero', labels },
    spec: {
      snapshotType: 'CSI',
      backupStorageLocation: 'default',
      operationTimeout: '10m0s',
      sourceNamespace: o.sourceNamespace ?? 'app',
      sourcePVC: o.sourcePVC ?? 'data',
      csiSnapshot: { volumeSnapshot: 'snap', storageClass: 'ceph-rbd' },
    },
    status: {
      phase: o.phase ?? 'Completed',
      startTimestamp: o.started ?? hoursAgo(4),
      ...((o.phase ?? 'Completed') === 'Completed'
        ? { completionTimestamp: o.completed ?? hoursAgo(3.9) }
        : {}),
    },
  };
}

export function bsl(
  o: {
    name?: string;
    namespace?: string;
    phase?: string;
    default?: boolean;
    message?: string;
    accessMode?: 'ReadWrite' | 'ReadOnly';
  } = {},
) {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: { name: o.name ?? 'default', namespace: o.namespace ?? 'velero' },
    spec: {
      provider: 'aws',
      default: o.default ?? true,
      objectStorage: { bucket: 'velero' },
      ...(o.accessMode ? { accessMode: o.accessMode } : {}),
    },
    status: {
      ...(o.phase !== '' ? { phase: o.phase ?? 'Available' } : {}),
      lastValidationTime: hoursAgo(0.1),
      ...(o.message ? { message: o.message } : {}),
    },
  };
}

export function namespaceObject(name: string, labels: Labels = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
    },
    status: { phase: 'Active' },
  };
}

/** A ConfigMap in Velero's namespace, e.g. a volume-policy ConfigMap. */
export function configMap(name: string, data: Record<string, string>) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'velero' },
    data,
  };
}

export function deleteBackupRequest(backupName: string, phase?: string) {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'DeleteBackupRequest',
    metadata: {
      name: `${backupName}-delete`,
      namespace: 'velero',
      labels: { 'velero.io/backup-name': backupName },
    },
    spec: { backupName },
    ...(phase ? { status: { phase } } : {}),
  };
}
