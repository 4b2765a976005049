import { formatRfc3339 } from '../kube/time';
import type { Reason } from '../model';
import type { ClusterState } from '../state/ClusterState';
import type { ProjectedBackup, ProjectedBsl } from '../state/projections';
import { isRestorableBackup } from '../velero/phases';
import {
  chooseStorageLocation,
  isLocationAvailable,
} from '../velero/storageLocation';
import * as more from './decisionMessages';

/** What decides whether a recorded copy still protects a volume. */
export interface EvidenceWorld {
  state: ClusterState;
  nowMs: number;
  /** BackupStorageLocations by namespace. */
  bslsByNamespace: ReadonlyMap<string, readonly ProjectedBsl[]>;
  /** `namespace/backup` of every Backup a DeleteBackupRequest names. */
  deleteRequested: ReadonlySet<string>;
  defaultBackupLocation?: string;
  /** Validity by Backup, filled as claims are evaluated (many share a Backup). */
  validity?: Map<ProjectedBackup, BackupValidity>;
}

export type BackupValidity = { valid: true } | { valid: false; reason: Reason };

/**
 * The Backups that unprocessed DeleteBackupRequests name (phase "", New or
 * InProgress, as `gc_controller` counts them). A processed request whose
 * Backup still exists failed; the Backup then stays in phase Deleting.
 */
export function deleteRequestedBackups(state: ClusterState): Set<string> {
  const out = new Set<string>();
  for (const request of state.deleteBackupRequests()) {
    if (request.phase === 'Processed' || !request.backupName) continue;
    out.add(`${request.namespace}/${request.backupName}`);
  }
  return out;
}

/**
 * Whether a Backup created here was synced from a shared bucket rather than
 * run by this cluster's Velero: `backup_sync_controller` creates the object
 * after the Backup finished, so its creationTimestamp is later than its
 * completion (a Backup that ran here is created before it starts).
 */
export function isSyncedFromElsewhere(backup: ProjectedBackup): boolean {
  const finished = backup.completedAt ?? backup.startedAt;
  return (
    backup.createdAt !== undefined &&
    finished !== undefined &&
    backup.createdAt > finished
  );
}

/**
 * Whether a Backup can still serve a restore of its copies: restorable
 * phase (Completed or PartiallyFailed), not past `status.expiration`
 * (`gc_controller` deletes it), not being deleted (deletionTimestamp, phase
 * Deleting, or a DeleteBackupRequest), and stored in a location that exists
 * and is Available.
 */
export function backupValidity(
  world: EvidenceWorld,
  backup: ProjectedBackup,
): BackupValidity {
  const cached = world.validity?.get(backup);
  if (cached) return cached;
  const validity = judgeBackup(world, backup);
  world.validity?.set(backup, validity);
  return validity;
}

function judgeBackup(
  world: EvidenceWorld,
  backup: ProjectedBackup,
): BackupValidity {
  if (
    backup.deleting ||
    backup.phase === 'Deleting' ||
    world.deleteRequested.has(`${backup.namespace}/${backup.name}`)
  ) {
    return { valid: false, reason: more.backupBeingDeleted(backup.name) };
  }
  if (!isRestorableBackup(backup.phase)) {
    return {
      valid: false,
      reason: {
        code: 'backup-failed',
        message: `Backup "${backup.name}" is ${backup.phase ?? 'New'}.`,
      },
    };
  }
  if (backup.expiresAt !== undefined && backup.expiresAt <= world.nowMs) {
    return {
      valid: false,
      reason: more.backupExpired(backup.name, formatRfc3339(backup.expiresAt)),
    };
  }
  const location = chooseStorageLocation(
    backup.scope.storageLocation,
    world.bslsByNamespace.get(backup.namespace) ?? [],
    world.defaultBackupLocation,
  );
  if (!isLocationAvailable(location.bsl)) {
    return {
      valid: false,
      reason: more.storageLocationMissing(
        backup.name,
        location.name,
        location.bsl !== undefined,
      ),
    };
  }
  return { valid: true };
}

/** A record's time, bounded by its Backup and by now. */
export interface TrustedTime {
  at: number;
  skew?: Reason;
}

/**
 * A per-volume record's finish time bounded by its Backup's own start and
 * completion (node clocks skew; the Backup's times come from the Velero
 * server), and never later than now. A later time is clamped and reported.
 */
export function trustedTime(
  source: string,
  recorded: number,
  backup: ProjectedBackup | undefined,
  nowMs: number,
): TrustedTime {
  let at = recorded;
  const upper = Math.min(backup?.completedAt ?? nowMs, nowMs);
  const lower = backup?.startedAt ?? backup?.createdAt;
  let skew: Reason | undefined;
  if (at > upper) {
    skew = more.clockSkew(source, (at - upper) / 1000);
    at = upper;
  }
  if (lower !== undefined && at < lower) at = lower;
  return { at, ...(skew ? { skew } : {}) };
}
