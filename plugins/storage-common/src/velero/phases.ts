/**
 * Velero phases (v1.17 and v1.18), grouped by what they mean for a volume's
 * protection.
 */

/** @public */
export type BackupOutcome =
  | 'completed'
  | 'partially-failed'
  | 'failed'
  | 'in-progress'
  | 'deleting'
  | 'unrecognized';

const BACKUP_PHASES: Record<string, BackupOutcome> = {
  // A Backup with no status yet has not been picked up by the controller.
  '': 'in-progress',
  New: 'in-progress',
  // Queued and ReadyToStart are new in 1.18 (concurrent backups).
  Queued: 'in-progress',
  ReadyToStart: 'in-progress',
  InProgress: 'in-progress',
  WaitingForPluginOperations: 'in-progress',
  WaitingForPluginOperationsPartiallyFailed: 'in-progress',
  Finalizing: 'in-progress',
  FinalizingPartiallyFailed: 'in-progress',
  Completed: 'completed',
  PartiallyFailed: 'partially-failed',
  Failed: 'failed',
  FailedValidation: 'failed',
  Deleting: 'deleting',
};

/** What a Backup's `status.phase` means. @public */
export function backupOutcome(phase: string | undefined): BackupOutcome {
  return BACKUP_PHASES[phase ?? ''] ?? 'unrecognized';
}

/** Whether Velero can restore from a Backup in this phase. */
export function isRestorableBackup(phase: string | undefined): boolean {
  const outcome = backupOutcome(phase);
  return outcome === 'completed' || outcome === 'partially-failed';
}

/** Whether a Backup in this phase has finished, one way or another. */
export function isFinishedBackup(phase: string | undefined): boolean {
  const outcome = backupOutcome(phase);
  return (
    outcome === 'completed' ||
    outcome === 'partially-failed' ||
    outcome === 'failed'
  );
}

/** @public */
export type VolumeBackupOutcome =
  | 'completed'
  | 'failed'
  | 'in-progress'
  | 'unrecognized';

const VOLUME_PHASES: Record<string, VolumeBackupOutcome> = {
  '': 'in-progress',
  New: 'in-progress',
  // Accepted, Prepared, Canceling and Canceled are new in 1.17.
  Accepted: 'in-progress',
  Prepared: 'in-progress',
  InProgress: 'in-progress',
  Canceling: 'in-progress',
  Canceled: 'failed',
  Completed: 'completed',
  Failed: 'failed',
};

/**
 * What a PodVolumeBackup's or DataUpload's `status.phase` means. A canceled
 * copy did not protect the data, so it counts as failed.
 * @public
 */
export function volumeBackupOutcome(
  phase: string | undefined,
): VolumeBackupOutcome {
  return VOLUME_PHASES[phase ?? ''] ?? 'unrecognized';
}
