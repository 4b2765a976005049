import type { ScheduleOwner } from './coverage';

/**
 * Stable, kebab-case reason codes. Every reason a verdict carries has one of
 * these codes plus a sentence for humans that says what to do.
 * @public
 */
export const REASON_CODES = [
  'no-matching-schedule',
  'namespace-excluded',
  'label-selector-mismatch',
  'resource-filter-excludes',
  'hostpath-volume-unsupported',
  'not-opted-in-fs-backup',
  'excluded-by-annotation',
  'no-running-pod',
  'snapshot-unsupported-volume',
  'schedule-paused',
  'schedule-failed-validation',
  'bsl-unavailable',
  'backup-failed',
  'volume-backup-failed',
  'stale-backup',
  'never-backed-up',
  'waiver-expired',
  'waived',
  'velero-unreadable',
  'cluster-unreachable',
  'volume-unbound',
  'backup-in-progress',
  // Velero's own decisions, one code per rule (docs/coverage-rules.md).
  'namespace-excluded-by-label',
  'excluded-by-label',
  'volume-policy-skip',
  'volume-policy-snapshot',
  'block-volume-unsupported',
  'volume-not-mounted',
  'csi-snapshots-disabled',
  'snapshot-needs-storage-class',
  'snapshot-skipped-for-fs-backup',
  'evidence-contradicts-model',
  // Evidence that still exists.
  'awaiting-first-backup',
  'backup-expired',
  'backup-being-deleted',
  'storage-location-missing',
  'clock-skew',
  'ttl-shorter-than-rpo',
  'foreign-backup-ignored',
  // Data the plugin could not refresh within storage.sync.staleAfterSeconds.
  'data-stale',
] as const;

/** @public */
export type ReasonCode = (typeof REASON_CODES)[number];

/** One reason behind a verdict. @public */
export interface Reason {
  code: ReasonCode;
  /** What is wrong and what to do about it, for a service owner. */
  message: string;
  /** The schedule the reason is about, when it is about one. */
  schedule?: string;
  /** The kro instance that manages that schedule, when kro does. */
  scheduleOwner?: ScheduleOwner;
}
