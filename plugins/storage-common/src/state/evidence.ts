import { volumeBackupOutcome } from '../velero/phases';
import type { EvidenceEntry, EvidenceMethod } from './projections';

/**
 * How many copies of each kind to keep per volume. More than one, so that
 * when the newest copy's Backup turns out to have failed (or is still
 * running, or gets deleted) the previous good copy is still known. A
 * constant, so memory grows with volumes, not with backups.
 */
export const EVIDENCE_DEPTH = 3;

/**
 * The folded backup history of one volume: its newest attempts (any phase)
 * and its newest completed copies.
 * @public
 */
export interface VolumeEvidence {
  /** Newest first by start time, at most EVIDENCE_DEPTH. */
  recent: EvidenceEntry[];
  /** Completed copies, newest first by finish time, at most EVIDENCE_DEPTH. */
  completed: EvidenceEntry[];
}

function finishTime(entry: EvidenceEntry): number {
  return entry.finishedAt ?? entry.startedAt;
}

/** Insert into a list sorted newest first and cut it to EVIDENCE_DEPTH. */
function insertNewestFirst(
  list: EvidenceEntry[],
  entry: EvidenceEntry,
  time: (e: EvidenceEntry) => number,
): boolean {
  const t = time(entry);
  let i = 0;
  while (i < list.length && time(list[i]) >= t) i++;
  if (i >= EVIDENCE_DEPTH) return false;
  list.splice(i, 0, entry);
  if (list.length > EVIDENCE_DEPTH) list.length = EVIDENCE_DEPTH;
  return true;
}

export function emptyEvidence(): VolumeEvidence {
  return { recent: [], completed: [] };
}

/** Remove a PodVolumeBackup's or DataUpload's copy. Returns whether it was there. */
export function removeEvidence(
  evidence: VolumeEvidence,
  copy: Pick<EvidenceEntry, 'source' | 'veleroNamespace' | 'method'>,
): boolean {
  const same = (e: EvidenceEntry) =>
    e.source === copy.source &&
    e.veleroNamespace === copy.veleroNamespace &&
    e.method === copy.method;
  const inRecent = evidence.recent.some(same);
  const inCompleted = evidence.completed.some(same);
  // Most folds are of new copies: avoid allocating when there is nothing to remove.
  if (inRecent) evidence.recent = evidence.recent.filter(e => !same(e));
  if (inCompleted)
    evidence.completed = evidence.completed.filter(e => !same(e));
  return inRecent || inCompleted;
}

/**
 * Fold a new or changed copy into a volume's history. Returns whether the
 * history changed (a copy older than everything kept changes nothing).
 */
export function foldEvidence(
  evidence: VolumeEvidence,
  entry: EvidenceEntry,
): boolean {
  const removed = removeEvidence(evidence, entry);
  const inRecent = insertNewestFirst(evidence.recent, entry, e => e.startedAt);
  const inCompleted =
    volumeBackupOutcome(entry.phase) === 'completed' &&
    insertNewestFirst(evidence.completed, entry, finishTime);
  return removed || inRecent || inCompleted;
}

/** Drop every copy made by one method (before a relist of that kind). */
export function dropMethod(
  evidence: VolumeEvidence,
  method: EvidenceMethod,
): void {
  evidence.recent = evidence.recent.filter(e => e.method !== method);
  evidence.completed = evidence.completed.filter(e => e.method !== method);
}

export function isEmptyEvidence(evidence: VolumeEvidence): boolean {
  return evidence.recent.length === 0 && evidence.completed.length === 0;
}
