import {
  booleanAt,
  isRecord,
  recordAt,
  requireName,
  requireNamespace,
  stringAt,
  stringMapAt,
  stringsAt,
} from '../kube/objects';
import { readBackupScope } from '../velero/backupSpec';
import { kroOwnerOf } from '../velero/kroOwner';
import {
  BACKUP_NAME_LABEL,
  PVC_UID_LABEL,
  SCHEDULE_NAME_LABEL,
} from '../velero/labels';
import { createInterner } from './intern';
import { timeAt } from './projectCore';
import type {
  EvidenceEntry,
  ProjectedBackup,
  ProjectedBsl,
  ProjectedConfigMap,
  ProjectedDeleteRequest,
  ProjectedSchedule,
} from './projections';
import type { ScheduleOwner } from '../model/coverage';

const intern = createInterner();

function numberAt(parent: unknown, key: string): number | undefined {
  if (!isRecord(parent)) return undefined;
  const value = parent[key];
  return typeof value === 'number' ? value : undefined;
}

function snapshotCounts(status: unknown): {
  csiSnapshots?: { attempted: number; completed: number };
} {
  const attempted = numberAt(status, 'csiVolumeSnapshotsAttempted') ?? 0;
  const completed = numberAt(status, 'csiVolumeSnapshotsCompleted') ?? 0;
  return attempted > 0 ? { csiSnapshots: { attempted, completed } } : {};
}

/** @public */
export function projectBackup(raw: unknown): ProjectedBackup {
  const name = requireName(raw);
  const namespace = requireNamespace(raw);
  const metadata = recordAt(raw, 'metadata');
  const status = recordAt(raw, 'status');
  return {
    namespace,
    name,
    uid: stringAt(metadata, 'uid'),
    scheduleName: stringMapAt(metadata, 'labels')[SCHEDULE_NAME_LABEL],
    phase: stringAt(status, 'phase'),
    scope: readBackupScope(recordAt(raw, 'spec')),
    createdAt: timeAt(metadata, 'creationTimestamp'),
    startedAt: timeAt(status, 'startTimestamp'),
    completedAt: timeAt(status, 'completionTimestamp'),
    expiresAt: timeAt(status, 'expiration'),
    failureReason: stringAt(status, 'failureReason') || undefined,
    validationErrors: stringsAt(status, 'validationErrors'),
    errors: numberAt(status, 'errors'),
    warnings: numberAt(status, 'warnings'),
    ...snapshotCounts(status),
    ...(isRecord(metadata) &&
    metadata.deletionTimestamp !== undefined &&
    metadata.deletionTimestamp !== null
      ? { deleting: true }
      : {}),
  };
}

/** @public */
export function projectSchedule(raw: unknown): ProjectedSchedule {
  const name = requireName(raw);
  const namespace = requireNamespace(raw);
  const spec = recordAt(raw, 'spec');
  const status = recordAt(raw, 'status');
  return {
    namespace,
    name,
    cron: stringAt(spec, 'schedule') ?? '',
    paused: booleanAt(spec, 'paused') === true,
    phase: stringAt(status, 'phase'),
    validationErrors: stringsAt(status, 'validationErrors'),
    template: readBackupScope(recordAt(spec, 'template')),
    lastBackup: timeAt(status, 'lastBackup'),
    lastSkipped: timeAt(status, 'lastSkipped'),
    createdAt: timeAt(recordAt(raw, 'metadata'), 'creationTimestamp'),
    ...ownerOf(recordAt(raw, 'metadata')),
  };
}

/** `{ owner }` when kro manages the object (kept off the projection otherwise). */
function ownerOf(metadata: Record<string, unknown> | undefined): {
  owner?: ScheduleOwner;
} {
  const owner = kroOwnerOf(stringMapAt(metadata, 'labels'));
  return owner ? { owner } : {};
}

/** @public */
export function projectBsl(raw: unknown): ProjectedBsl {
  const name = requireName(raw);
  const namespace = requireNamespace(raw);
  const spec = recordAt(raw, 'spec');
  const status = recordAt(raw, 'status');
  return {
    namespace,
    name,
    phase: stringAt(status, 'phase'),
    default: booleanAt(spec, 'default') === true,
    accessMode: stringAt(spec, 'accessMode'),
    provider: stringAt(spec, 'provider'),
    lastValidationTime: stringAt(status, 'lastValidationTime'),
    message: stringAt(status, 'message') || undefined,
  };
}

/** @public */
export function projectDeleteRequest(raw: unknown): ProjectedDeleteRequest {
  const name = requireName(raw);
  const namespace = requireNamespace(raw);
  return {
    namespace,
    name,
    backupName: stringAt(recordAt(raw, 'spec'), 'backupName') ?? '',
    phase: stringAt(recordAt(raw, 'status'), 'phase'),
  };
}

/** @public */
export function projectConfigMap(raw: unknown): ProjectedConfigMap {
  return {
    namespace: requireNamespace(raw),
    name: requireName(raw),
    data: stringMapAt(raw, 'data'),
  };
}

/**
 * Where a copy of a volume belongs: the PVC uid (set by Velero on both
 * PodVolumeBackups and DataUploads of PVC volumes); otherwise the pod and its
 * volume name (`namespace/pod/volume`, PodVolumeBackup) or the source claim
 * (`namespace/name`, DataUpload).
 * @public
 */
export interface EvidenceKey {
  by: 'uid' | 'pod' | 'pvc';
  id: string;
}

/** A folded copy of a volume and the key it belongs under. */
export interface ProjectedEvidence {
  key: EvidenceKey;
  entry: EvidenceEntry;
}

function startTime(metadata: unknown, status: unknown): number {
  return (
    timeAt(status, 'startTimestamp') ??
    timeAt(metadata, 'creationTimestamp') ??
    0
  );
}

/**
 * A PodVolumeBackup as evidence, or undefined when it does not say which
 * volume it copied.
 * @public
 */
export function projectPodVolumeBackup(
  raw: unknown,
): ProjectedEvidence | undefined {
  // Called for every PodVolumeBackup ever listed or watched: reads fields
  // directly instead of copying label and tag maps.
  const name = requireName(raw);
  const namespace = requireNamespace(raw);
  const metadata = recordAt(raw, 'metadata');
  const labels = recordAt(metadata, 'labels');
  const spec = recordAt(raw, 'spec');
  const status = recordAt(raw, 'status');
  const tags = recordAt(spec, 'tags');
  // The tag holds the full name; the label is cut to 63 characters.
  const backup =
    stringAt(tags, 'backup') || stringAt(labels, BACKUP_NAME_LABEL);
  if (!backup) return undefined;
  const pvcUid = stringAt(labels, PVC_UID_LABEL) || stringAt(tags, 'pvc-uid');
  const pod = recordAt(spec, 'pod');
  const podName = stringAt(pod, 'name');
  const podNamespace = stringAt(pod, 'namespace');
  const volume = stringAt(spec, 'volume');
  let key: EvidenceKey;
  if (pvcUid) key = { by: 'uid', id: pvcUid };
  else if (podName && podNamespace && volume) {
    key = { by: 'pod', id: `${podNamespace}/${podName}/${volume}` };
  } else return undefined;
  return {
    key,
    entry: {
      source: name,
      method: 'fs-backup',
      veleroNamespace: intern(namespace),
      backup: intern(backup),
      phase: intern(stringAt(status, 'phase') ?? ''),
      startedAt: startTime(metadata, status),
      finishedAt: timeAt(status, 'completionTimestamp'),
      message: stringAt(status, 'message') || undefined,
    },
  };
}

/**
 * A DataUpload (CSI snapshot data mover) as evidence, or undefined when it
 * does not say which claim it copied.
 * @public
 */
export function projectDataUpload(raw: unknown): ProjectedEvidence | undefined {
  const name = requireName(raw);
  const namespace = requireNamespace(raw);
  const metadata = recordAt(raw, 'metadata');
  const labels = recordAt(metadata, 'labels');
  const spec = recordAt(raw, 'spec');
  const status = recordAt(raw, 'status');
  const backup = stringAt(labels, BACKUP_NAME_LABEL);
  if (!backup) return undefined;
  const pvcUid = stringAt(labels, PVC_UID_LABEL);
  const sourcePvc = stringAt(spec, 'sourcePVC');
  const sourceNamespace = stringAt(spec, 'sourceNamespace');
  let key: EvidenceKey;
  if (pvcUid) key = { by: 'uid', id: pvcUid };
  else if (sourcePvc && sourceNamespace) {
    key = { by: 'pvc', id: `${sourceNamespace}/${sourcePvc}` };
  } else return undefined;
  return {
    key,
    entry: {
      source: name,
      method: 'data-mover',
      veleroNamespace: intern(namespace),
      backup: intern(backup),
      phase: intern(stringAt(status, 'phase') ?? ''),
      startedAt: startTime(metadata, status),
      finishedAt: timeAt(status, 'completionTimestamp'),
      message: stringAt(status, 'message') || undefined,
    },
  };
}
