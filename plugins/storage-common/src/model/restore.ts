/**
 * Restore verification: whether a volume's data was ever restored (a drill
 * into a scratch namespace counts), and how long ago. Its own status, next to
 * the backup verdict, which it never changes.
 */

/**
 * - `verified`: a successful restore of the volume's data within its tier's
 *   `restoreTestInterval` (or any, when the tier sets none).
 * - `overdue`: the last successful restore is older than the interval.
 * - `never-verified`: no successful restore of the volume's data is known
 *   (and the tier sets an interval, or a restore was attempted).
 * - `unknown`: restores could not be read.
 * Absent on a claim: its tier sets no interval and no restore is known.
 * @public
 */
export const RESTORE_STATUSES = [
  'verified',
  'overdue',
  'never-verified',
  'unknown',
] as const;

/** @public */
export type RestoreStatus = (typeof RESTORE_STATUSES)[number];

/** Whether a string is a restore status. @public */
export function isRestoreStatus(value: string): value is RestoreStatus {
  return (RESTORE_STATUSES as readonly string[]).includes(value);
}

/** Stable codes of restore reasons (not verdict reasons). @public */
export const RESTORE_REASON_CODES = [
  'restore-never-verified',
  'restore-test-overdue',
  'restore-failed',
  'restore-unreadable',
] as const;

/** @public */
export type RestoreReasonCode = (typeof RESTORE_REASON_CODES)[number];

/** @public */
export interface RestoreReason {
  code: RestoreReasonCode;
  message: string;
}

/** One restore of one volume's data. @public */
export interface VolumeRestoreRef {
  /** RFC 3339: completion time when it finished, else start. */
  time: string;
  /** Name of the velero.io Restore. */
  restore: string;
  /** The Backup it restored from, when the Restore is still there to say. */
  backup?: string;
  /** The Schedule whose latest backup the Restore asked for, when it did. */
  schedule?: string;
  /** The namespace the data was restored into. */
  namespace: string;
  /** Restored into another namespace than the volume's own (a drill). */
  drill: boolean;
  method: 'fs-backup' | 'data-mover';
  /** Phase of the PodVolumeRestore / DataDownload. */
  phase: string;
  /** Phase of its Restore, when known. */
  restorePhase?: string;
  outcome: 'completed' | 'failed' | 'in-progress';
  message?: string;
}

/** The restore verification of one claim. @public */
export interface ClaimRestoreVerification {
  status: RestoreStatus;
  lastSuccessfulRestore?: VolumeRestoreRef;
  /** The newest attempt, when it is not the last success. */
  lastAttempt?: VolumeRestoreRef;
  /** The tier's `restoreTestInterval` in seconds, when it sets one. */
  intervalSeconds?: number;
  reasons: RestoreReason[];
}
