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

/**
 * What `table` says a phase means (no status yet is the phase ''), or
 * `unknown` for a phase it does not list: the phases a newer Velero adds
 * are not guessed at.
 */
export function phaseOutcome<T, U>(
  table: Readonly<Record<string, T>>,
  phase: string | undefined,
  unknown: U,
): T | U {
  return table[phase ?? ''] ?? unknown;
}

/**
 * The phases a Backup and a Restore share (their request lifecycle:
 * backup_types.go, restore_types.go).
 */
export const REQUEST_PHASES = {
  // A request with no status yet has not been picked up by the controller.
  '': 'in-progress',
  New: 'in-progress',
  InProgress: 'in-progress',
  WaitingForPluginOperations: 'in-progress',
  WaitingForPluginOperationsPartiallyFailed: 'in-progress',
  Finalizing: 'in-progress',
  FinalizingPartiallyFailed: 'in-progress',
  Completed: 'completed',
  PartiallyFailed: 'partially-failed',
  Failed: 'failed',
  FailedValidation: 'failed',
} as const satisfies Record<string, BackupOutcome>;

const BACKUP_PHASES: Record<string, BackupOutcome> = {
  ...REQUEST_PHASES,
  // Queued and ReadyToStart are new in 1.18 (concurrent backups).
  Queued: 'in-progress',
  ReadyToStart: 'in-progress',
  Deleting: 'deleting',
};

/** What a Backup's `status.phase` means. @public */
export function backupOutcome(phase: string | undefined): BackupOutcome {
  return phaseOutcome(BACKUP_PHASES, phase, 'unrecognized');
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

/**
 * The phases of a data copy, the same for PodVolumeBackup, DataUpload,
 * PodVolumeRestore and DataDownload (Accepted, Prepared, Canceling and
 * Canceled are new in 1.17). Velero counts a canceled copy as an error: it
 * did not protect (or restore) the data.
 */
export const DATA_COPY_PHASES = {
  '': 'in-progress',
  New: 'in-progress',
  Accepted: 'in-progress',
  Prepared: 'in-progress',
  InProgress: 'in-progress',
  Canceling: 'in-progress',
  Canceled: 'failed',
  Completed: 'completed',
  Failed: 'failed',
} as const satisfies Record<string, VolumeBackupOutcome>;

/**
 * What a PodVolumeBackup's or DataUpload's `status.phase` means. A canceled
 * copy did not protect the data, so it counts as failed.
 * @public
 */
export function volumeBackupOutcome(
  phase: string | undefined,
): VolumeBackupOutcome {
  return phaseOutcome(DATA_COPY_PHASES, phase, 'unrecognized');
}
