import {
  emptyVerdictCounts,
  type HistoryPoint,
  type Verdict,
} from '@gitops-storage/plugin-storage-common';
import { utcDay } from './dailyRollup';
import type { StoredVolume } from './diffVolumes';
import type { DailyCount } from './HistoryStore';
import type { VolumeTransition } from './types';

/** The first day of a window of `days` days ending today (UTC). */
export function firstDay(now: Date, days: number): string {
  return utcDay(new Date(now.getTime() - (days - 1) * 86_400_000));
}

/**
 * The fleet's series from the daily counts, narrowed the way `/coverage`
 * narrows rows: a volume used by entities counts only when the caller may
 * read one of them (one used by none counts, the route having required
 * `storage.coverage.read`); an owner filter matches the owners of the
 * entities the caller may read.
 */
export function fleetSeries(
  counts: readonly DailyCount[],
  readable: ReadonlySet<string>,
  ownerFilter?: readonly string[],
): { series: HistoryPoint[]; demo: boolean } {
  const wanted = ownerFilter?.map(lower);
  const byDay = new Map<string, HistoryPoint>();
  let demo = false;
  for (const c of counts) {
    const visibleRefs = c.entityRefs
      .map((ref, i) => ({ ref, owner: c.owners[i] ?? '' }))
      .filter(e => readable.has(e.ref));
    if (c.entityRefs.length > 0 && visibleRefs.length === 0) continue;
    if (
      wanted &&
      !visibleRefs.some(e => e.owner && wanted.includes(lower(e.owner)))
    ) {
      continue;
    }
    const point = pointOf(byDay, c.day);
    point.byVerdict[c.verdict] += c.count;
    point.total += c.count;
    demo ||= c.demo;
  }
  return { series: sortedPoints(byDay), demo };
}

/**
 * An entity's series from its volumes' stored states and transitions (at
 * or after the window's first day): each volume's verdict at the end of each
 * day is the `from` of its first transition after that moment, or its
 * current verdict when there is none. Walking back from the present works
 * even when retention removed older transitions. Days without any volume
 * are left out.
 */
export function entitySeries(
  states: readonly StoredVolume[],
  transitions: readonly VolumeTransition[],
  now: Date,
  days: number,
): HistoryPoint[] {
  const byVolume = new Map<
    string,
    { current: Verdict | null; changes: VolumeTransition[] }
  >();
  const key = (v: {
    cluster: string;
    namespace: string;
    name: string;
    uid: string;
  }) => `${v.cluster}\u0000${v.namespace}\u0000${v.name}\u0000${v.uid}`;
  for (const s of states) {
    byVolume.set(key(s), { current: s.verdict, changes: [] });
  }
  for (const t of transitions) {
    const k = key(t.volume);
    let entry = byVolume.get(k);
    if (!entry) {
      entry = { current: null, changes: [] };
      byVolume.set(k, entry);
    }
    entry.changes.push(t);
  }
  for (const entry of byVolume.values()) {
    entry.changes.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
  }
  const points = new Map<string, HistoryPoint>();
  const today = utcDay(now);
  for (let d = days - 1; d >= 0; d--) {
    const day = utcDay(new Date(now.getTime() - d * 86_400_000));
    const end = day === today ? now.toISOString() : `${day}T23:59:59.999Z`;
    for (const { current, changes } of byVolume.values()) {
      const next = changes.find(t => t.at > end);
      const verdict = next ? next.from : current;
      if (!verdict) continue;
      const point = pointOf(points, day);
      point.byVerdict[verdict] += 1;
      point.total += 1;
    }
  }
  return sortedPoints(points);
}

function pointOf(map: Map<string, HistoryPoint>, day: string): HistoryPoint {
  let point = map.get(day);
  if (!point) {
    point = { date: day, byVerdict: emptyVerdictCounts(), total: 0 };
    map.set(day, point);
  }
  return point;
}

function sortedPoints(map: Map<string, HistoryPoint>): HistoryPoint[] {
  return [...map.values()].sort((a, b) => a.date.localeCompare(b.date));
}

function lower(text: string): string {
  return text.toLocaleLowerCase('en-US');
}
