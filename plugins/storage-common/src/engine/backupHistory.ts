import { formatRfc3339 } from '../kube/time';
import type { BackupMethod, VolumeBackupRef } from '../model';
import type { ClusterState } from '../state/ClusterState';
import type {
  ClaimKey,
  EvidenceEntry,
  ProjectedBackup,
  ProjectedSchedule,
} from '../state/projections';
import { isRestorableBackup } from '../velero/phases';

/** A schedule that copies a claim's data, and how. */
export interface Covering {
  schedule: ProjectedSchedule;
  method: BackupMethod;
  /** The location its backups go to; undefined when there is none. */
  storageLocation?: string;
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
  lastSuccess?: HistoryItem;
  lastAttempt?: HistoryItem;
  /** Backups that hold a per-volume copy (any phase) of this volume. */
  backupsWithCopy: ReadonlySet<string>;
}

function backupStart(backup: ProjectedBackup): number {
  return backup.startedAt ?? backup.createdAt ?? 0;
}

function fromEvidence(
  state: ClusterState,
  entry: EvidenceEntry,
  at: number,
): HistoryItem {
  const backup = state.backup(entry.veleroNamespace, entry.backup);
  return {
    ref: {
      time: formatRfc3339(entry.finishedAt ?? entry.startedAt),
      backup: entry.backup,
      phase: entry.phase || 'New',
      ...(backup?.scheduleName ? { schedule: backup.scheduleName } : {}),
      method: entry.method,
      ...(entry.message ? { message: entry.message } : {}),
    },
    at,
    backup,
    perVolume: true,
  };
}

function fromBackup(
  backup: ProjectedBackup,
  method: BackupMethod,
  at: number,
): HistoryItem {
  return {
    ref: {
      time: formatRfc3339(backup.completedAt ?? backupStart(backup)),
      backup: backup.name,
      phase: backup.phase || 'New',
      ...(backup.scheduleName ? { schedule: backup.scheduleName } : {}),
      method,
      ...(backup.failureReason ? { message: backup.failureReason } : {}),
    },
    at,
    backup,
    perVolume: false,
  };
}

function newer(
  a: HistoryItem | undefined,
  b: HistoryItem | undefined,
): HistoryItem | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.at > a.at ? b : a;
}

/**
 * The latest attempt and latest success for a claim's volume.
 *
 * File-system backups and data-mover uploads leave per-volume evidence. A
 * copy counts as a success once it is Completed and its Backup is restorable
 * (Completed or PartiallyFailed). Native/CSI snapshots without data movement
 * leave no per-volume object, so for them the schedule's Backups stand in:
 * a Completed Backup counts as a success.
 */
export function volumeHistory(
  state: ClusterState,
  key: ClaimKey,
  covering: readonly Covering[],
  veleroNamespace: string | undefined,
): VolumeHistory {
  const evidence = state.evidenceFor(key);
  const inNamespace = (e: EvidenceEntry) =>
    veleroNamespace === undefined || e.veleroNamespace === veleroNamespace;

  const recent = evidence.recent.filter(inNamespace);
  let lastAttempt = recent[0]
    ? fromEvidence(state, recent[0], recent[0].startedAt)
    : undefined;

  let lastSuccess: HistoryItem | undefined;
  for (const entry of evidence.completed) {
    if (!inNamespace(entry)) continue;
    const backup = state.backup(entry.veleroNamespace, entry.backup);
    if (backup && isRestorableBackup(backup.phase)) {
      lastSuccess = fromEvidence(
        state,
        entry,
        entry.finishedAt ?? entry.startedAt,
      );
      break;
    }
  }

  for (const { schedule, method } of covering) {
    if (method !== 'snapshot') continue;
    const backups = state.backupsOfSchedule(schedule.namespace, schedule.name);
    if (backups[0]) {
      lastAttempt = newer(
        lastAttempt,
        fromBackup(backups[0], method, backupStart(backups[0])),
      );
    }
    const completed = backups.find(b => b.phase === 'Completed');
    if (completed) {
      const at = completed.completedAt ?? backupStart(completed);
      lastSuccess = newer(lastSuccess, fromBackup(completed, method, at));
    }
  }

  return {
    lastSuccess,
    lastAttempt,
    backupsWithCopy: new Set(recent.map(e => e.backup)),
  };
}
