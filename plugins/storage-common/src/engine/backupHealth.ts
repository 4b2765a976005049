import type { Reason } from '../model';
import type { ClusterState } from '../state/ClusterState';
import type {
  ProjectedBackup,
  ProjectedBsl,
  ProjectedClaim,
} from '../state/projections';
import {
  backupOutcome,
  isFinishedBackup,
  volumeBackupOutcome,
} from '../velero/phases';
import type { Covering, VolumeHistory } from './backupHistory';
import * as reasons from './messages';

/** What the failure rules look at besides the claim and its history. */
export interface HealthInputs {
  state: ClusterState;
  /** Storage locations by `namespace/name`. */
  bsls: ReadonlyMap<string, ProjectedBsl>;
}

function backupDetail(backup: ProjectedBackup): string | undefined {
  if (backup.failureReason) return backup.failureReason;
  if (backup.validationErrors.length > 0) {
    return backup.validationErrors.join('; ');
  }
  return undefined;
}

/** Whether the claim existed when a backup started (unknown: assume it did). */
function existedAt(claim: ProjectedClaim, backup: ProjectedBackup): boolean {
  return (
    claim.createdAt === undefined ||
    claim.createdAt < (backup.startedAt ?? backup.createdAt ?? 0)
  );
}

function latestFinished(
  state: ClusterState,
  { schedule }: Covering,
): ProjectedBackup | undefined {
  return state
    .backupsOfSchedule(schedule.namespace, schedule.name)
    .find(b => isFinishedBackup(b.phase));
}

/**
 * Why a covered claim is failing (DESIGN.md): its schedule failed
 * validation, its storage location is Unavailable (or missing), its
 * schedule's latest backup failed (or partially failed without copying this
 * volume), or the latest copy of this volume failed. Empty when none holds.
 */
export function failingReasons(
  { state, bsls }: HealthInputs,
  claim: ProjectedClaim,
  covering: readonly Covering[],
  history: VolumeHistory,
): Reason[] {
  const found: Reason[] = [];
  for (const cover of covering) {
    const { schedule, method, storageLocation } = cover;
    if (schedule.phase === 'FailedValidation') {
      found.push(
        reasons.scheduleFailedValidation(
          schedule.name,
          schedule.validationErrors,
        ),
      );
    }
    const bsl = storageLocation
      ? bsls.get(`${schedule.namespace}/${storageLocation}`)
      : undefined;
    if (!bsl || bsl.phase === 'Unavailable') {
      found.push(reasons.bslUnavailable(schedule.name, storageLocation, bsl));
    }
    const latest = latestFinished(state, cover);
    if (!latest) continue;
    const outcome = backupOutcome(latest.phase);
    if (outcome === 'failed') {
      found.push(
        reasons.backupFailed(
          latest.name,
          latest.phase ?? 'Failed',
          backupDetail(latest),
        ),
      );
    } else if (outcome === 'partially-failed' && existedAt(claim, latest)) {
      if (method === 'snapshot') {
        found.push(
          reasons.backupFailed(
            latest.name,
            'PartiallyFailed',
            'Velero does not record which snapshots failed',
          ),
        );
      } else if (!history.backupsWithCopy.has(latest.name)) {
        found.push(reasons.backupLostVolume(latest.name));
      }
    }
  }
  const attempt = history.lastAttempt;
  if (attempt?.perVolume) {
    if (volumeBackupOutcome(attempt.ref.phase) === 'failed') {
      found.push(reasons.volumeBackupFailed(attempt.ref));
    } else if (
      attempt.backup &&
      backupOutcome(attempt.backup.phase) === 'failed'
    ) {
      found.push(
        reasons.backupFailed(
          attempt.backup.name,
          attempt.backup.phase ?? 'Failed',
          backupDetail(attempt.backup),
        ),
      );
    }
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

/** A note that the volume's latest backup is still running, if it is. */
export function inProgressReason(history: VolumeHistory): Reason | undefined {
  const attempt = history.lastAttempt;
  if (!attempt) return undefined;
  if (attempt.backup && backupOutcome(attempt.backup.phase) === 'in-progress') {
    return reasons.backupInProgress(
      attempt.backup.name,
      attempt.backup.phase || 'New',
    );
  }
  if (
    attempt.perVolume &&
    volumeBackupOutcome(attempt.ref.phase) === 'in-progress'
  ) {
    return reasons.backupInProgress(attempt.ref.backup, attempt.ref.phase);
  }
  return undefined;
}
