import type { Reason } from '../model';
import type { FsSkip } from '../velero/podVolumeBackup';
import type { SnapshotSkip } from '../velero/snapshotDecision';
import { formatSeconds } from './humanize';

/**
 * Reasons for Velero's per-volume decisions and for evidence that no longer
 * counts. Each names the rule so a platform engineer can find it in
 * docs/coverage-rules.md.
 */

const POLICY_FIX =
  "Change the schedule's volume policy ConfigMap (spec.template.resourcePolicy) so that an earlier policy matches this volume with fs-backup or snapshot.";

function policySkip(schedule: string): Reason {
  return {
    code: 'volume-policy-skip',
    schedule,
    message: `A volume policy of schedule "${schedule}" matches this volume with action "skip", so neither file-system backup nor a snapshot copies it. ${POLICY_FIX}`,
  };
}

export function namespaceExcludedByLabel(
  schedule: string,
  namespace: string,
  explicitlyIncluded: boolean,
): Reason {
  return {
    code: 'namespace-excluded-by-label',
    schedule,
    message: explicitlyIncluded
      ? `Namespace "${namespace}" carries velero.io/exclude-from-backup=true and schedule "${schedule}" lists it in includedNamespaces: Velero rejects every such Backup (FailedValidation). Remove the label or the namespace from the schedule.`
      : `Namespace "${namespace}" carries velero.io/exclude-from-backup=true, so Velero adds it to the excluded namespaces of schedule "${schedule}". Remove the label to back it up.`,
  };
}

export function excludedByLabel(schedule: string, what: string): Reason {
  return {
    code: 'excluded-by-label',
    schedule,
    message: `The ${what} carries velero.io/exclude-from-backup=true, so schedule "${schedule}" skips it. Remove the label to back the volume up.`,
  };
}

export function podVolumeSkipped(
  schedule: string,
  pod: string,
  volume: string,
  skip: FsSkip,
): Reason | undefined {
  const where = `pod volume "${volume}" of pod "${pod}"`;
  switch (skip.kind) {
    case 'policy':
      return skip.action === 'skip' ? policySkip(schedule) : undefined;
    case 'block-volume':
      return {
        code: 'block-volume-unsupported',
        schedule,
        message: `${where} is a raw block device; Velero's file-system backup skips block volumes. Use a CSI snapshot (with the data mover) for it.`,
      };
    case 'not-mounted':
      return {
        code: 'volume-not-mounted',
        schedule,
        message: `${where} is declared but no container mounts it, so Velero's file-system backup skips it. Mount it in a container (init containers do not count).`,
      };
    default:
      return undefined;
  }
}

export function snapshotSkipped(
  schedule: string,
  skip: SnapshotSkip,
): Reason | undefined {
  switch (skip.kind) {
    case 'policy':
      return skip.action === 'skip' ? policySkip(schedule) : undefined;
    case 'csi-disabled':
      return {
        code: 'csi-snapshots-disabled',
        schedule,
        message: `Schedule "${schedule}" would take a CSI snapshot, but the Velero server runs without --features=EnableCSI, so Velero skips its CSI actions. Enable the feature (storage.velero.csiFeature tells this plugin) or use file-system backup.`,
      };
    case 'fs-backup-instead':
      return {
        code: 'snapshot-skipped-for-fs-backup',
        schedule,
        message: `A pod using this claim opts it into file-system backup, so Velero does not snapshot it (ShouldPerformSnapshot), yet schedule "${schedule}" does not back that pod up either. Select the pod in the schedule, or opt the volume out of file-system backup (backup.velero.io/backup-volumes-excludes).`,
      };
    case 'no-storage-class':
      return {
        code: 'snapshot-needs-storage-class',
        schedule,
        message: `The claim has no storageClassName, so Velero's CSI plugin cannot pick a VolumeSnapshotClass and reports an error for it in every backup of "${schedule}".`,
      };
    default:
      return undefined;
  }
}

export function policySnapshotImpossible(
  schedule: string,
  source: string,
): Reason {
  return {
    code: 'volume-policy-snapshot',
    schedule,
    message: `A volume policy of schedule "${schedule}" chooses "snapshot" for this ${source} volume, which Velero cannot snapshot, and the policy also stops file-system backup. ${POLICY_FIX}`,
  };
}

export function evidenceContradictsModel(backup: string): Reason {
  return {
    code: 'evidence-contradicts-model',
    message: `Backup "${backup}" holds a completed copy of this volume, although by this plugin's model of Velero no enabled schedule would copy it. The copy counts; tell the platform team, since the model and Velero disagree here.`,
  };
}

export function awaitingFirstBackup(
  schedules: string[],
  runAt: string,
): Reason {
  return {
    code: 'awaiting-first-backup',
    message: `This volume is new: its first scheduled backup (${schedules
      .map(s => `"${s}"`)
      .join(', ')}) runs at ${runAt}. Nothing to do yet.`,
  };
}

export function backupExpired(backup: string, expiredAt: string): Reason {
  return {
    code: 'backup-expired',
    message: `Backup "${backup}" expired at ${expiredAt} (its TTL) and Velero's garbage collection deletes it, so it no longer counts as a copy of this volume.`,
  };
}

export function backupBeingDeleted(backup: string): Reason {
  return {
    code: 'backup-being-deleted',
    message: `Backup "${backup}" is being deleted (a DeleteBackupRequest or deletion is in progress), so it no longer counts as a copy of this volume.`,
  };
}

export function storageLocationMissing(
  backup: string,
  location: string,
  exists: boolean,
): Reason {
  return {
    code: 'storage-location-missing',
    message: exists
      ? `Backup "${backup}" is stored in BackupStorageLocation "${location}", which is not Available, so it cannot be restored now and does not count.`
      : `Backup "${backup}" is stored in BackupStorageLocation "${location}", which no longer exists, so it cannot be restored and does not count. Recreate the location or take a new backup.`,
  };
}

export function clockSkew(source: string, aheadSeconds: number): Reason {
  return {
    code: 'clock-skew',
    message: `The record "${source}" claims a time ${formatSeconds(
      aheadSeconds,
    )} later than its Backup (or than now): a node clock is ahead. Its time was clamped to its Backup's, and it never extends protection.`,
  };
}

export function ttlShorterThanRpo(
  schedule: string,
  ttlSeconds: number,
  neededSeconds: number,
): Reason {
  return {
    code: 'ttl-shorter-than-rpo',
    schedule,
    message: `Schedule "${schedule}" keeps backups for ${formatSeconds(
      ttlSeconds,
    )}, less than this tier's RPO plus the schedule's interval (${formatSeconds(
      neededSeconds,
    )}): coverage will lapse by design between runs. Raise the schedule's TTL.`,
  };
}

export function foreignBackupIgnored(backup: string): Reason {
  return {
    code: 'foreign-backup-ignored',
    message: `Backup "${backup}" was synced from a storage location shared with another cluster (Velero created it here after it ran), so it is not an attempt to back up this cluster's volume.`,
  };
}
