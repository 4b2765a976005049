import { formatRfc3339 } from '../kube/time';
import type { BackupMethod, Reason, VolumeBackupRef } from '../model';
import type { ClusterState } from '../state/ClusterState';
import type {
  ClaimKey,
  EvidenceEntry,
  ProjectedBackup,
  ProjectedClaim,
} from '../state/projections';
import { backupOutcome, volumeBackupOutcome } from '../velero/phases';
import {
  backupValidity,
  isSyncedFromElsewhere,
  trustedTime,
  type EvidenceWorld,
} from './evidenceValidity';
import type { SchedulePlan } from './schedulePlan';
import { allSnapshotsCompleted } from './backupHealth';

/** A schedule that copies a claim's data, and how. */
export interface Covering {
  plan: SchedulePlan;
  method: BackupMethod;
}

/** One attempt or success, with the Backup it belongs to. */
export interface HistoryItem {
  ref: VolumeBackupRef;
  /** When it started (for "latest attempt") or finished (for "latest success"). */
  at: number;
  backup?: ProjectedBackup;
  /** Per-volume evidence (PodVolumeBackup/DataUpload) or inferred from the Backup. */
  perVolume: boolean;
}

/** What is known about the copies of one volume. */
export interface VolumeHistory {
  /** The newest copy that still exists and can be restored. */
  lastSuccess?: HistoryItem;
  /** The newest Backup that should have included the volume, with its outcome for it. */
  lastAttempt?: HistoryItem;
  /** Backups that hold a per-volume copy (any phase) of this volume. */
  backupsWithCopy: ReadonlySet<string>;
  /** Why newer copies do not count (expired, deleted, location gone), newest first. */
  discarded: Reason[];
  /** Clock skew found in the records. */
  skew: Reason[];
  /** A Backup of a covering schedule is running and started after the claim existed. */
  running?: ProjectedBackup;
}

function backupStart(backup: ProjectedBackup): number {
  return backup.startedAt ?? backup.createdAt ?? 0;
}

function refFor(
  backup: ProjectedBackup | undefined,
  name: string,
  method: BackupMethod,
  time: number,
  phase: string,
  outcome: VolumeBackupRef['outcome'],
  message?: string,
): VolumeBackupRef {
  return {
    time: formatRfc3339(time),
    backup: name,
    phase: phase || 'New',
    ...(backup?.scheduleName ? { schedule: backup.scheduleName } : {}),
    method,
    ...(outcome ? { outcome } : {}),
    ...(message ? { message } : {}),
  };
}

function entryOutcome(entry: EvidenceEntry): VolumeBackupRef['outcome'] {
  switch (volumeBackupOutcome(entry.phase)) {
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    default:
      return 'in-progress';
  }
}

/** Whether the claim existed when the Backup started (unknown: assume it did). */
export function existedAt(
  claim: ProjectedClaim,
  backup: ProjectedBackup,
): boolean {
  return claim.createdAt === undefined || claim.createdAt < backupStart(backup);
}

/**
 * The newest Backup of the covering schedules that this cluster ran and that
 * should have included the claim, with the outcome for this volume: its own
 * record's phase, "not-attempted" when the Backup failed before reaching it
 * (or finished without a record of it), or the Backup's own phase for
 * snapshots (which leave no per-volume record).
 */
function attemptOf(
  state: ClusterState,
  claim: ProjectedClaim,
  covering: readonly Covering[],
  records: ReadonlyMap<string, EvidenceEntry>,
): HistoryItem | undefined {
  // Find the newest Backup first; build its ref once (formatting times is
  // the costly part when thousands of claims are evaluated).
  let newest: { backup: ProjectedBackup; method: BackupMethod } | undefined;
  for (const { plan, method } of covering) {
    const { schedule } = plan;
    const backup = state
      .backupsOfSchedule(schedule.namespace, schedule.name)
      .find(b => !isSyncedFromElsewhere(b) && existedAt(claim, b));
    if (!backup) continue;
    if (newest && backupStart(newest.backup) >= backupStart(backup)) continue;
    newest = { backup, method };
  }
  if (!newest) return undefined;
  const { backup, method } = newest;
  const at = backupStart(backup);
  const record = records.get(backup.name);
  if (record) {
    return {
      ref: refFor(
        backup,
        backup.name,
        record.method,
        record.finishedAt ?? record.startedAt,
        record.phase,
        entryOutcome(record),
        record.message,
      ),
      at,
      backup,
      perVolume: true,
    };
  }
  const backupState = backupOutcome(backup.phase);
  let outcome: VolumeBackupRef['outcome'];
  if (backupState === 'in-progress') outcome = 'in-progress';
  else if (method !== 'snapshot') outcome = 'not-attempted';
  else outcome = backupState === 'completed' ? 'completed' : 'failed';
  return {
    ref: refFor(
      backup,
      backup.name,
      method,
      backup.completedAt ?? at,
      backup.phase ?? '',
      outcome,
      backup.failureReason,
    ),
    at,
    backup,
    perVolume: false,
  };
}

/**
 * The history of a claim's volume, counting only copies that still exist,
 * can be restored, belong to this claim and this cluster, and carry a time
 * that can be trusted (see evidenceValidity).
 *
 * Per-volume records (PodVolumeBackups, DataUploads) are the evidence of
 * file-system backup and the data mover. CSI snapshots without data
 * movement leave none, so for them a Completed Backup of a covering
 * schedule stands in.
 */
export function volumeHistory(
  world: EvidenceWorld,
  key: ClaimKey,
  claim: ProjectedClaim,
  covering: readonly Covering[],
  veleroNamespace: string | undefined,
): VolumeHistory {
  const { state, nowMs } = world;
  const evidence = state.evidenceFor(key);
  // evidenceFor keeps only this claim's own copies (by uid, or newer than it).
  const usable = (e: EvidenceEntry) =>
    veleroNamespace === undefined || e.veleroNamespace === veleroNamespace;

  const recent = evidence.recent.filter(usable);
  const records = new Map<string, EvidenceEntry>();
  for (const entry of [...recent].reverse()) records.set(entry.backup, entry);

  const discarded: Reason[] = [];
  const skew: Reason[] = [];
  let lastSuccess: HistoryItem | undefined;
  for (const entry of evidence.completed) {
    if (!usable(entry)) continue;
    const backup = state.backup(entry.veleroNamespace, entry.backup);
    if (!backup) {
      discarded.push({
        code: 'backup-being-deleted',
        message: `Backup "${entry.backup}" of copy "${entry.source}" no longer exists, so the copy does not count.`,
      });
      continue;
    }
    const validity = backupValidity(world, backup);
    if (!validity.valid) {
      if (validity.reason.code !== 'backup-failed')
        discarded.push(validity.reason);
      continue;
    }
    const time = trustedTime(
      entry.source,
      entry.finishedAt ?? entry.startedAt,
      backup,
      nowMs,
    );
    if (time.skew) skew.push(time.skew);
    lastSuccess = {
      ref: refFor(
        backup,
        entry.backup,
        entry.method,
        time.at,
        entry.phase,
        'completed',
        entry.message,
      ),
      at: time.at,
      backup,
      perVolume: true,
    };
    break;
  }

  let running: ProjectedBackup | undefined;
  for (const { plan, method } of covering) {
    const backups = state.backupsOfSchedule(
      plan.schedule.namespace,
      plan.schedule.name,
    );
    const inProgress = backups.find(
      b => backupOutcome(b.phase) === 'in-progress' && existedAt(claim, b),
    );
    if (inProgress && !running) running = inProgress;
    if (method !== 'snapshot') continue;
    for (const backup of backups) {
      const snapshotsOk =
        backup.phase === 'Completed' ||
        (backup.phase === 'PartiallyFailed' && allSnapshotsCompleted(backup));
      if (!snapshotsOk || !existedAt(claim, backup)) continue;
      if (isSyncedFromElsewhere(backup)) continue;
      const validity = backupValidity(world, backup);
      if (!validity.valid) {
        discarded.push(validity.reason);
        continue;
      }
      const at = Math.min(backup.completedAt ?? backupStart(backup), nowMs);
      if (!lastSuccess || at > lastSuccess.at) {
        lastSuccess = {
          ref: refFor(
            backup,
            backup.name,
            method,
            at,
            backup.phase ?? '',
            'completed',
          ),
          at,
          backup,
          perVolume: false,
        };
      }
      break;
    }
  }

  let lastAttempt = attemptOf(state, claim, covering, records);
  if (!lastAttempt && recent[0]) {
    const entry = recent[0];
    const backup = state.backup(entry.veleroNamespace, entry.backup);
    lastAttempt = {
      ref: refFor(
        backup,
        entry.backup,
        entry.method,
        entry.finishedAt ?? entry.startedAt,
        entry.phase,
        entryOutcome(entry),
        entry.message,
      ),
      at: entry.startedAt,
      backup,
      perVolume: true,
    };
  }

  return {
    lastSuccess,
    lastAttempt,
    backupsWithCopy: new Set(recent.map(e => e.backup)),
    discarded,
    skew,
    ...(running ? { running } : {}),
  };
}
