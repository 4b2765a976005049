import type {
  HistoryTransition,
  HistoryVolume,
  Verdict,
} from '@gitops-storage/plugin-storage-common';

/** A stretch of time with one verdict (null: the volume did not exist, or before history). */
export interface Segment {
  start: number;
  end: number;
  verdict: Verdict | null;
}

const sameVolume = (a: HistoryVolume, b: HistoryVolume) =>
  a.cluster === b.cluster &&
  a.namespace === b.namespace &&
  a.name === b.name &&
  a.uid === b.uid;

/**
 * A volume's verdicts over [start, end] (ms), from its transitions in that
 * window and its current verdict: before its first transition it had that
 * transition's `from` (null when it was first seen then).
 */
export function volumeSegments(
  volume: HistoryVolume & { verdict: Verdict },
  transitions: readonly HistoryTransition[],
  start: number,
  end: number,
): Segment[] {
  const own = transitions
    .filter(t => sameVolume(t.volume, volume))
    .map(t => ({ ...t, time: Date.parse(t.at) }))
    .filter(t => t.time >= start && t.time <= end)
    .sort((a, b) => a.time - b.time);
  const segments: Segment[] = [];
  let from = start;
  let verdict: Verdict | null = own.length ? own[0].from : volume.verdict;
  for (const t of own) {
    if (t.time > from) segments.push({ start: from, end: t.time, verdict });
    from = t.time;
    verdict = t.to;
  }
  if (end > from) segments.push({ start: from, end, verdict });
  return segments;
}
