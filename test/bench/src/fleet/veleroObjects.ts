import type { StoredObject } from '@gitops-storage/fake-kube-apiserver';
import { ClusterLayout, Purpose, STORAGE_CLASSES } from './ClusterLayout';
import { VELERO_NAMESPACE } from './FleetSize';
import { managedFields, owned, rfc3339 } from './kubeFields';
import { hexString, nameSuffix } from './random';

/*
 * Velero's objects as its CRDs serve them (items of custom resources carry
 * apiVersion and kind), following velero v1.18's types (domain.md §2).
 */

const API_VERSION = 'velero.io/v1';
const RESOURCE_VERSION = '1000';
const DAY = 86_400_000;
const TTL = '720h0m0s';

export function storageLocationObject(layout: ClusterLayout): StoredObject {
  const created = rfc3339(layout.now - 400 * DAY);
  const validated = rfc3339(layout.now - 30_000);
  return {
    apiVersion: API_VERSION,
    kind: 'BackupStorageLocation',
    metadata: {
      name: 'default',
      namespace: VELERO_NAMESPACE,
      uid: layout.uid(Purpose.BslUid, 0),
      resourceVersion: RESOURCE_VERSION,
      generation: 1,
      creationTimestamp: created,
      labels: { component: 'velero' },
      managedFields: [
        managedFields('argocd-controller', API_VERSION, created, {
          'f:spec': owned(
            'config',
            'credential',
            'default',
            'objectStorage',
            'provider',
          ),
        }),
        managedFields(
          'velero-server',
          API_VERSION,
          validated,
          {
            'f:status': owned('lastSyncedTime', 'lastValidationTime', 'phase'),
          },
          'status',
        ),
      ],
    },
    spec: {
      default: true,
      provider: 'aws',
      objectStorage: { bucket: `velero-${layout.name}`, prefix: 'backups' },
      config: {
        region: 'minio',
        s3ForcePathStyle: 'true',
        s3Url: 'http://minio.storage.lan:9000',
      },
      credential: { name: 'velero-credentials', key: 'cloud' },
    },
    status: {
      phase: 'Available',
      lastValidationTime: validated,
      lastSyncedTime: validated,
    },
  };
}

function backupTemplate(layout: ClusterLayout, schedule: number) {
  const namespaces: string[] = [];
  for (
    let n = schedule;
    n < layout.namespaceCount;
    n += layout.size.schedules
  ) {
    namespaces.push(layout.namespaceName(n));
  }
  return {
    includedNamespaces: namespaces,
    storageLocation: 'default',
    ttl: TTL,
    snapshotVolumes: false,
    defaultVolumesToFsBackup: false,
    csiSnapshotTimeout: '10m0s',
    itemOperationTimeout: '4h0m0s',
    hooks: {},
    metadata: {},
  };
}

export function scheduleObject(
  layout: ClusterLayout,
  schedule: number,
): StoredObject {
  const created = rfc3339(layout.now - 200 * DAY);
  const latest = layout.latestBackupStart[schedule];
  return {
    apiVersion: API_VERSION,
    kind: 'Schedule',
    metadata: {
      name: layout.scheduleName(schedule),
      namespace: VELERO_NAMESPACE,
      uid: layout.uid(Purpose.ScheduleUid, schedule),
      resourceVersion: RESOURCE_VERSION,
      generation: 1,
      creationTimestamp: created,
      labels: { 'app.kubernetes.io/managed-by': 'argocd' },
      managedFields: [
        managedFields('argocd-controller', API_VERSION, created, {
          'f:spec': owned('schedule', 'template'),
        }),
        managedFields(
          'velero-server',
          API_VERSION,
          rfc3339(latest),
          { 'f:status': owned('lastBackup', 'phase') },
          'status',
        ),
      ],
    },
    spec: {
      schedule: `0 ${new Date(latest).getUTCHours()} * * *`,
      template: backupTemplate(layout, schedule),
      useOwnerReferencesInBackup: false,
    },
    status: { phase: 'Enabled', lastBackup: rfc3339(latest) },
  };
}

/** `index` = day × schedules + schedule; day 0 is the oldest kept. */
export function backupObject(
  layout: ClusterLayout,
  index: number,
): StoredObject {
  const { schedules } = layout.size;
  const day = Math.floor(index / schedules);
  const schedule = index % schedules;
  const name = layout.backupName(day, schedule);
  const start = layout.backupStart(day, schedule);
  const volumes =
    layout.scheduleStart[schedule + 1] - layout.scheduleStart[schedule];
  const failures = layout.failuresPerBackup[index];
  const completed = start + 20_000 + volumes * 3_000 + 300_000;
  const items = 40 + volumes * 6;
  return {
    apiVersion: API_VERSION,
    kind: 'Backup',
    metadata: {
      name,
      namespace: VELERO_NAMESPACE,
      uid: layout.backupUid(day, schedule),
      resourceVersion: RESOURCE_VERSION,
      generation: 9,
      creationTimestamp: rfc3339(start),
      labels: {
        'velero.io/schedule-name': layout.scheduleName(schedule),
        'velero.io/storage-location': 'default',
      },
      annotations: {
        'velero.io/resource-timeout': '10m0s',
        'velero.io/source-cluster-k8s-gitversion': 'v1.31.4',
        'velero.io/source-cluster-k8s-major-version': '1',
        'velero.io/source-cluster-k8s-minor-version': '31',
      },
      managedFields: [
        managedFields('velero-server', API_VERSION, rfc3339(completed), {
          'f:metadata': {
            'f:labels': {
              '.': {},
              ...owned('velero.io/schedule-name', 'velero.io/storage-location'),
            },
          },
          'f:spec': owned(
            'includedNamespaces',
            'storageLocation',
            'ttl',
            'snapshotVolumes',
          ),
          'f:status': owned(
            'completionTimestamp',
            'expiration',
            'phase',
            'progress',
            'startTimestamp',
          ),
        }),
      ],
    },
    spec: backupTemplate(layout, schedule),
    status: {
      phase: failures > 0 ? 'PartiallyFailed' : 'Completed',
      version: 1,
      formatVersion: '1.1.0',
      startTimestamp: rfc3339(start),
      completionTimestamp: rfc3339(completed),
      expiration: rfc3339(start + 30 * DAY),
      progress: { totalItems: items, itemsBackedUp: items },
      ...(failures > 0 ? { errors: failures } : {}),
      hookStatus: {},
    },
  };
}

const VOLUME_BACKUP_SPEC_FIELDS = JSON.stringify({
  'f:metadata': {
    'f:annotations': { '.': {}, ...owned('velero.io/pvc-name') },
    'f:generateName': {},
    'f:labels': {
      '.': {},
      ...owned(
        'velero.io/backup-name',
        'velero.io/backup-uid',
        'velero.io/pvc-uid',
      ),
    },
  },
  'f:spec': owned(
    'backupStorageLocation',
    'node',
    'pod',
    'repoIdentifier',
    'tags',
    'uploaderType',
    'volume',
  ),
});
const VOLUME_BACKUP_STATUS_FIELDS = JSON.stringify({
  'f:status': owned(
    'completionTimestamp',
    'path',
    'phase',
    'progress',
    'snapshotID',
    'startTimestamp',
  ),
});
const FAILURE_MESSAGE =
  'error to initialize data path: error exposing host path for pod volume: context deadline exceeded';

/**
 * A PodVolumeBackup as the JSON text the API server sends. The fleet has
 * about 1.5 million of them, so they are written as text directly (every
 * value is a name, uid, number or time: nothing needs escaping) rather than
 * built as objects and serialized; `volumeBackupObject` parses this text.
 * `index` = day × volume backups per day + position of the PVC.
 */
export function volumeBackupJson(layout: ClusterLayout, index: number): string {
  const perDay = layout.volumeBackupsPerDay;
  const day = Math.floor(index / perDay);
  const position = index % perDay;
  const pvc = layout.backedUp[position];
  const schedule = layout.scheduleOfPosition(position);
  const backup = layout.backupName(day, schedule);
  const backupUid = layout.backupUid(day, schedule);
  const started =
    layout.backupStart(day, schedule) +
    20_000 +
    (position - layout.scheduleStart[schedule]) * 3_000;
  const finished =
    started + 5_000 + (layout.hash(Purpose.Duration, day, pvc) % 235_000);
  const failed = layout.volumeBackupFails(day, pvc);
  const startedAt = rfc3339(started);
  const finishedAt = rfc3339(finished);
  const namespace = layout.namespaceOfClaim(pvc);
  const pvcUid = layout.pvcUid(pvc);
  const podUid = layout.podUid(pvc);
  const podName = layout.podName(pvc);
  const volumeType =
    STORAGE_CLASSES[layout.tierOf(pvc)].source === 'nfs'
      ? 'nfs'
      : 'local-volume';
  const bytes =
    1_000_000 + (layout.hash(Purpose.Bytes, day, pvc) % 4_000_000_000);
  const suffix = nameSuffix(
    layout.size.seed,
    layout.index,
    Purpose.PvbSuffix,
    day,
    pvc,
  );
  const node = `node-${String(
    1 + (layout.hash(Purpose.Node, pvc) % 12),
  ).padStart(2, '0')}`;
  const outcome = failed
    ? `"progress":{"totalBytes":${bytes},"bytesDone":${Math.floor(
        bytes / 3,
      )}},"message":"${FAILURE_MESSAGE}"`
    : `"progress":{"totalBytes":${bytes},"bytesDone":${bytes}},"snapshotID":"${hexString(
        32,
        layout.size.seed,
        layout.index,
        Purpose.Snapshot,
        day,
        pvc,
      )}"`;
  return (
    `{"apiVersion":"${API_VERSION}","kind":"PodVolumeBackup","metadata":{` +
    `"name":"${backup}-${suffix}","generateName":"${backup}-","namespace":"${VELERO_NAMESPACE}",` +
    `"uid":"${layout.uid(
      Purpose.PvbUid,
      day,
      pvc,
    )}","resourceVersion":"${RESOURCE_VERSION}","generation":4,` +
    `"creationTimestamp":"${startedAt}",` +
    `"labels":{"velero.io/backup-name":"${backup}","velero.io/backup-uid":"${backupUid}","velero.io/pvc-uid":"${pvcUid}"},` +
    `"annotations":{"velero.io/pvc-name":"${layout.pvcName(pvc)}"},` +
    `"ownerReferences":[{"apiVersion":"${API_VERSION}","kind":"Backup","name":"${backup}","uid":"${backupUid}","controller":true}],` +
    `"managedFields":[` +
    `{"manager":"velero-server","operation":"Update","apiVersion":"${API_VERSION}","time":"${startedAt}","fieldsType":"FieldsV1","fieldsV1":${VOLUME_BACKUP_SPEC_FIELDS}},` +
    `{"manager":"node-agent-server","operation":"Update","apiVersion":"${API_VERSION}","time":"${finishedAt}","fieldsType":"FieldsV1","fieldsV1":${VOLUME_BACKUP_STATUS_FIELDS},"subresource":"status"}]},` +
    `"spec":{"backupStorageLocation":"default","node":"${node}",` +
    `"pod":{"kind":"Pod","name":"${podName}","namespace":"${namespace}","uid":"${podUid}"},` +
    `"repoIdentifier":"s3:http://minio.storage.lan:9000/velero-${layout.name}/backups/kopia/${namespace}",` +
    `"tags":{"backup":"${backup}","backup-uid":"${backupUid}","ns":"${namespace}","pod":"${podName}","pod-uid":"${podUid}","pvc-uid":"${pvcUid}","volume":"data"},` +
    `"uploaderType":"kopia","volume":"data"},` +
    `"status":{"phase":"${failed ? 'Failed' : 'Completed'}",` +
    `"path":"/host_pods/${podUid}/volumes/kubernetes.io~${volumeType}/${layout.pvName(
      pvc,
    )}",` +
    `"startTimestamp":"${startedAt}","completionTimestamp":"${finishedAt}",${outcome}}}`
  );
}

export function volumeBackupObject(
  layout: ClusterLayout,
  index: number,
): StoredObject {
  return JSON.parse(volumeBackupJson(layout, index));
}
