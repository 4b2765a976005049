/**
 * Builders of Velero restore objects for tests, shaped as Velero 1.18.1
 * writes them: the Restore a user (or drill job) creates, and the
 * PodVolumeRestores (newPodVolumeRestore, pkg/podvolume/restorer.go) and
 * DataDownloads (newDataDownload, pkg/restore/actions/csi/pvc_action.go) its
 * controller creates in Velero's namespace.
 */
import { hoursAgo } from './objects';

export interface RestoreOptions {
  name?: string;
  backup?: string;
  schedule?: string;
  /** `spec.namespaceMapping`: source → target. */
  mapping?: Record<string, string>;
  phase?: string;
  /** Hours before NOW it completed (started one hour earlier). */
  hoursAgo?: number;
  failureReason?: string;
}

export function restore(o: RestoreOptions = {}) {
  const name = o.name ?? 'restore-1';
  const ago = o.hoursAgo ?? 2;
  const phase = o.phase ?? 'Completed';
  const finished = !['New', 'InProgress', 'Finalizing'].includes(phase);
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Restore',
    metadata: {
      name,
      namespace: 'velero',
      uid: `uid-restore-${name}`,
      creationTimestamp: hoursAgo(ago + 1),
    },
    spec: {
      backupName: o.backup ?? 'daily-1',
      ...(o.schedule ? { scheduleName: o.schedule } : {}),
      ...(o.mapping ? { namespaceMapping: o.mapping } : {}),
    },
    status: {
      phase,
      startTimestamp: hoursAgo(ago + 1),
      ...(finished ? { completionTimestamp: hoursAgo(ago) } : {}),
      ...(o.failureReason ? { failureReason: o.failureReason } : {}),
    },
  };
}

export interface CopyOptions {
  name?: string;
  restore?: string;
  /** The namespace backed up from. */
  source?: string;
  /** The namespace restored into (default: the source). */
  target?: string;
  phase?: string;
  hoursAgo?: number;
  message?: string;
}

function copyMeta(kind: string, o: CopyOptions, extra: Record<string, string>) {
  const restoreName = o.restore ?? 'restore-1';
  const name = o.name ?? `${restoreName}-${kind.toLowerCase()}`;
  return {
    name,
    namespace: 'velero',
    uid: `uid-${kind}-${name}`,
    creationTimestamp: hoursAgo((o.hoursAgo ?? 2) + 0.5),
    labels: {
      'velero.io/restore-name': restoreName,
      'velero.io/restore-uid': `uid-restore-${restoreName}`,
      ...extra,
    },
    ownerReferences: [
      {
        apiVersion: 'velero.io/v1',
        kind: 'Restore',
        name: restoreName,
        uid: `uid-restore-${restoreName}`,
        controller: true,
      },
    ],
  };
}

function copyStatus(o: CopyOptions) {
  const phase = o.phase ?? 'Completed';
  const ago = o.hoursAgo ?? 2;
  return {
    phase,
    startTimestamp: hoursAgo(ago + 0.5),
    ...(['Completed', 'Failed', 'Canceled'].includes(phase)
      ? { completionTimestamp: hoursAgo(ago) }
      : {}),
    ...(o.message ? { message: o.message } : {}),
  };
}

export function podVolumeRestore(
  o: CopyOptions & {
    pod?: string;
    volume?: string;
    /** uid of the restored claim (`velero.io/pvc-uid`). */
    restoredClaimUid?: string;
  } = {},
) {
  const source = o.source ?? 'app';
  const target = o.target ?? source;
  const pod = o.pod ?? 'app-0';
  return {
    apiVersion: 'velero.io/v1',
    kind: 'PodVolumeRestore',
    metadata: copyMeta('PodVolumeRestore', o, {
      'velero.io/pod-uid': `uid-pod-${target}-${pod}`,
      ...(o.restoredClaimUid
        ? { 'velero.io/pvc-uid': o.restoredClaimUid }
        : {}),
    }),
    spec: {
      pod: {
        kind: 'Pod',
        namespace: target,
        name: pod,
        uid: `uid-pod-${target}-${pod}`,
      },
      volume: o.volume ?? 'data',
      backupStorageLocation: 'default',
      repoIdentifier: '',
      uploaderType: 'kopia',
      snapshotID: 'a1b2c3d4e5f6',
      sourceNamespace: source,
    },
    status: copyStatus(o),
  };
}

export function dataDownload(o: CopyOptions & { claim?: string } = {}) {
  const source = o.source ?? 'app';
  return {
    apiVersion: 'velero.io/v2alpha1',
    kind: 'DataDownload',
    metadata: copyMeta('DataDownload', o, {
      'velero.io/async-operation-id': `dd-${o.name ?? 'op'}`,
    }),
    spec: {
      targetVolume: {
        pvc: o.claim ?? 'data',
        pv: '',
        namespace: o.target ?? source,
      },
      backupStorageLocation: 'default',
      datamover: 'velero',
      snapshotID: 'f6e5d4c3b2a1',
      sourceNamespace: source,
      operationTimeout: '10m0s',
    },
    status: copyStatus(o),
  };
}
