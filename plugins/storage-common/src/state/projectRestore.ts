import {
  InvalidObjectError,
  describeObject,
  recordAt,
  requireName,
  requireNamespace,
  stringAt,
  stringMapAt,
} from '../kube/objects';
import { PVC_UID_LABEL, RESTORE_NAME_LABEL } from '../velero/labels';
import { createInterner } from './intern';
import { timeAt } from './projectCore';
import type { ProjectedRestore, ProjectedRestoreCopy } from './projections';

const intern = createInterner();

/** @public */
export function projectRestore(raw: unknown): ProjectedRestore {
  const name = requireName(raw);
  const namespace = requireNamespace(raw);
  const metadata = recordAt(raw, 'metadata');
  const spec = recordAt(raw, 'spec');
  const status = recordAt(raw, 'status');
  return {
    namespace,
    name,
    uid: stringAt(metadata, 'uid'),
    backupName: stringAt(spec, 'backupName') || undefined,
    scheduleName: stringAt(spec, 'scheduleName') || undefined,
    namespaceMapping: stringMapAt(spec, 'namespaceMapping'),
    phase: stringAt(status, 'phase'),
    createdAt: timeAt(metadata, 'creationTimestamp'),
    startedAt: timeAt(status, 'startTimestamp'),
    completedAt: timeAt(status, 'completionTimestamp'),
    failureReason: stringAt(status, 'failureReason') || undefined,
  };
}

function restoreLabel(raw: unknown): string {
  const restore = stringAt(
    recordAt(recordAt(raw, 'metadata'), 'labels'),
    RESTORE_NAME_LABEL,
  );
  if (!restore) {
    throw new InvalidObjectError(
      `${describeObject(
        raw,
      )}: metadata.labels["${RESTORE_NAME_LABEL}"] is required`,
    );
  }
  return restore;
}

function required(raw: unknown, value: string | undefined, field: string) {
  if (!value) {
    throw new InvalidObjectError(
      `${describeObject(raw)}: ${field} is required`,
    );
  }
  return value;
}

function common(raw: unknown) {
  const metadata = recordAt(raw, 'metadata');
  const status = recordAt(raw, 'status');
  return {
    name: requireName(raw),
    veleroNamespace: intern(requireNamespace(raw)),
    restore: intern(restoreLabel(raw)),
    phase: intern(stringAt(status, 'phase') ?? ''),
    startedAt:
      timeAt(status, 'startTimestamp') ?? timeAt(metadata, 'creationTimestamp'),
    finishedAt: timeAt(status, 'completionTimestamp'),
    message: stringAt(status, 'message') || undefined,
  };
}

/**
 * A PodVolumeRestore, as Velero's newPodVolumeRestore (pkg/podvolume/restorer.go)
 * writes it: `spec.pod` is the restored pod (same name as the backed-up pod,
 * in the namespace restored into), `spec.sourceNamespace` the namespace it
 * was backed up from, `spec.volume` the pod volume.
 * @public
 */
export function projectPodVolumeRestore(raw: unknown): ProjectedRestoreCopy {
  const spec = recordAt(raw, 'spec');
  const pod = recordAt(spec, 'pod');
  const podName = required(raw, stringAt(pod, 'name'), 'spec.pod.name');
  const targetNamespace = required(
    raw,
    stringAt(pod, 'namespace'),
    'spec.pod.namespace',
  );
  const volume = required(raw, stringAt(spec, 'volume'), 'spec.volume');
  const restoredClaimUid = stringAt(
    recordAt(recordAt(raw, 'metadata'), 'labels'),
    PVC_UID_LABEL,
  );
  return {
    ...common(raw),
    method: 'fs-backup',
    // Velero leaves sourceNamespace empty only for PVRs older than the field.
    sourceNamespace: intern(
      stringAt(spec, 'sourceNamespace') || targetNamespace,
    ),
    targetNamespace: intern(targetNamespace),
    pod: { name: podName, volume },
    ...(restoredClaimUid ? { restoredClaimUid } : {}),
  };
}

/**
 * A DataDownload, as Velero's newDataDownload (pkg/restore/actions/csi/pvc_action.go)
 * writes it: `spec.targetVolume` is the restored claim (same name as the
 * backed-up claim, in the namespace restored into), `spec.sourceNamespace`
 * the namespace it was backed up from.
 * @public
 */
export function projectDataDownload(raw: unknown): ProjectedRestoreCopy {
  const spec = recordAt(raw, 'spec');
  const target = recordAt(spec, 'targetVolume');
  const claimName = required(
    raw,
    stringAt(target, 'pvc'),
    'spec.targetVolume.pvc',
  );
  const targetNamespace = required(
    raw,
    stringAt(target, 'namespace'),
    'spec.targetVolume.namespace',
  );
  return {
    ...common(raw),
    method: 'data-mover',
    sourceNamespace: intern(
      stringAt(spec, 'sourceNamespace') || targetNamespace,
    ),
    targetNamespace: intern(targetNamespace),
    claimName,
  };
}
