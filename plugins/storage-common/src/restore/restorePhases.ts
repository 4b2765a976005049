/**
 * Velero 1.18 restore phases, grouped by what they mean for a volume's data
 * (pkg/apis/velero/v1/restore_types.go, pod_volume_restore_type.go and
 * v2alpha1/data_download_types.go).
 */

/** @public */
export type RestoreOutcome =
  | 'completed'
  | 'partially-failed'
  | 'failed'
  | 'in-progress'
  | 'unrecognized';

const RESTORE_PHASES: Record<string, RestoreOutcome> = {
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
};

/** What a Restore's `status.phase` means. @public */
export function restoreOutcome(phase: string | undefined): RestoreOutcome {
  return RESTORE_PHASES[phase ?? ''] ?? 'unrecognized';
}

const COPY_PHASES: Record<string, 'completed' | 'failed' | 'in-progress'> = {
  '': 'in-progress',
  New: 'in-progress',
  Accepted: 'in-progress',
  Prepared: 'in-progress',
  InProgress: 'in-progress',
  Canceling: 'in-progress',
  // Velero's restorer counts a canceled PodVolumeRestore as an error.
  Canceled: 'failed',
  Completed: 'completed',
  Failed: 'failed',
};

/**
 * What a PodVolumeRestore's or DataDownload's `status.phase` means
 * (the phases both kinds share); unknown phases are not a success.
 * @public
 */
export function restoreCopyOutcome(
  phase: string | undefined,
): 'completed' | 'failed' | 'in-progress' {
  return COPY_PHASES[phase ?? ''] ?? 'in-progress';
}
