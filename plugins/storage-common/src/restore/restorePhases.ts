/**
 * Velero 1.18 restore phases, grouped by what they mean for a volume's data
 * (pkg/apis/velero/v1/restore_types.go, pod_volume_restore_type.go and
 * v2alpha1/data_download_types.go): a Restore has the request phases of a
 * Backup (without the queue and deletion), a PodVolumeRestore or
 * DataDownload the phases of any data copy.
 */

import {
  DATA_COPY_PHASES,
  phaseOutcome,
  REQUEST_PHASES,
} from '../velero/phases';

/** @public */
export type RestoreOutcome =
  | 'completed'
  | 'partially-failed'
  | 'failed'
  | 'in-progress'
  | 'unrecognized';

/** What a Restore's `status.phase` means. @public */
export function restoreOutcome(phase: string | undefined): RestoreOutcome {
  return phaseOutcome(REQUEST_PHASES, phase, 'unrecognized');
}

/**
 * What a PodVolumeRestore's or DataDownload's `status.phase` means
 * (the phases both kinds share); unknown phases are not a success.
 * @public
 */
export function restoreCopyOutcome(
  phase: string | undefined,
): 'completed' | 'failed' | 'in-progress' {
  return phaseOutcome(DATA_COPY_PHASES, phase, 'in-progress');
}
