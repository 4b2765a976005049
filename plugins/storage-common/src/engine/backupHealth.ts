import type { Reason } from '../model';
import type { ClusterState } from '../state/ClusterState';
import type { ProjectedBackup, ProjectedClaim } from '../state/projections';
import {
  backupOutcome,
  isFinishedBackup,
  volumeBackupOutcome,
} from '../velero/phases';
import { existedAt, type Covering, type VolumeHistory } from './backupHistory';
import { isSyncedFromElsewhere } from './evidenceValidity';
import * as more from './decisionMessages';
import * as reasons from './messages';

function backupDetail(backup: ProjectedBackup): string | undefined {
  if (backup.failureReason) return backup.failureReason;
  if (backup.validationErrors.length > 0) {
    return backup.validationErrors.join('; ');
  }
  return undefined;
}

/** Every CSI snapshot the Backup attempted completed (`status.csiVolumeSnapshots*`). */
export function allSnapshotsCompleted(backup: ProjectedBackup): boolean {
  const counts = backup.csiSnapshots;
  return !!counts && counts.completed === counts.attempted;
}

/** The newest finished Backup this cluster ran for a covering schedule. */
function latestFinished(
  state: ClusterState,
  { plan }: Covering,
): ProjectedBackup | undefined {
  return state
    .backupsOfSchedule(plan.schedule.namespace, plan.schedule.name)
    .find(b => isFinishedBackup(b.phase) && !isSyncedFromElsewhere(b));
}

/**
 * Why a covered claim is failing (DESIGN.md): every Backup of its schedule
 * fails validation (the template, the cron expression, the volume policy,
 * or the storage location: missing, read-only or Unavailable), its
 * schedule's latest backup failed (or partially failed without copying this
 * volume), or the latest copy of this volume failed. Backups synced from
 * another cluster are never attempts here. Empty when none holds.
 */
export function failingReasons(
  state: ClusterState,
  claim: ProjectedClaim,
  covering: readonly Covering[],
  history: VolumeHistory,
): Reason[] {
  const found: Reason[] = [];
  for (const cover of covering) {
    const { plan, method } = cover;
    const { schedule } = plan;
    if (plan.invalid.length > 0 || schedule.phase === 'FailedValidation') {
      found.push(
        reasons.scheduleFailedValidation(
          schedule.name,
          plan.invalid.length > 0 ? plan.invalid : schedule.validationErrors,
        ),
      );
    }
    if (plan.locationErrors.length > 0) {
      found.push(
        reasons.bslUnavailable(
          schedule.name,
          plan.location.name,
          plan.location.bsl,
        ),
      );
    }
    const latest = latestFinished(state, cover);
    if (!latest || !existedAt(claim, latest)) continue;
    const outcome = backupOutcome(latest.phase);
    if (outcome === 'failed') {
      found.push(
        reasons.backupFailed(
          latest.name,
          latest.phase ?? 'Failed',
          backupDetail(latest),
        ),
      );
    } else if (outcome === 'partially-failed') {
      if (method === 'snapshot') {
        // Velero does not record which snapshot failed; only when all the
        // CSI snapshots it attempted completed did this one not fail.
        if (!allSnapshotsCompleted(latest)) {
          found.push(
            reasons.backupFailed(
              latest.name,
              'PartiallyFailed',
              'Velero does not record which snapshots failed',
            ),
          );
        }
      } else if (!history.backupsWithCopy.has(latest.name)) {
        found.push(reasons.backupLostVolume(latest.name));
      }
    }
  }
  const attempt = history.lastAttempt;
  if (
    attempt?.perVolume &&
    volumeBackupOutcome(attempt.ref.phase) === 'failed'
  ) {
    found.push(reasons.volumeBackupFailed(attempt.ref));
  }
  return found;
}

/**
 * The newest Completed backup of a covering schedule that copies per volume
 * (file-system backup or data mover) but holds no copy of this volume,
 * although the claim already existed: a "green" backup that skipped it.
 */
export function missedBy(
  state: ClusterState,
  claim: ProjectedClaim,
  covering: readonly Covering[],
  history: VolumeHistory,
): string | undefined {
  for (const cover of covering) {
    if (cover.method === 'snapshot') continue;
    const latest = latestFinished(state, cover);
    if (!latest || backupOutcome(latest.phase) !== 'completed') continue;
    if (existedAt(claim, latest) && !history.backupsWithCopy.has(latest.name)) {
      return latest.name;
    }
  }
  return undefined;
}

/**
 * Notes for the newest Backup of a covering schedule when it was synced in
 * from a location shared with another cluster and failed there: it is not
 * an attempt of this cluster, so it does not make the volume failing.
 */
export function foreignAttemptReasons(
  state: ClusterState,
  covering: readonly Covering[],
): Reason[] {
  const found: Reason[] = [];
  for (const { plan } of covering) {
    const newest = state.backupsOfSchedule(
      plan.schedule.namespace,
      plan.schedule.name,
    )[0];
    if (!newest || !isSyncedFromElsewhere(newest)) continue;
    const outcome = backupOutcome(newest.phase);
    if (outcome === 'failed' || outcome === 'partially-failed') {
      found.push(more.foreignBackupIgnored(newest.name));
    }
  }
  return found;
}

/** A note that a backup that should include the volume is still running. */
export function inProgressReason(history: VolumeHistory): Reason | undefined {
  const running = history.running;
  if (running)
    return reasons.backupInProgress(running.name, running.phase || 'New');
  const attempt = history.lastAttempt;
  if (attempt?.ref.outcome === 'in-progress') {
    return reasons.backupInProgress(attempt.ref.backup, attempt.ref.phase);
  }
  return undefined;
}
