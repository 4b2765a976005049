import type { Verdict } from '@gitops-storage/plugin-storage-common';

/** A row of the daily rollup: how many volumes had a verdict that day. */
export interface RollupRow {
  day: string;
  cluster: string;
  tier: string;
  verdict: Verdict;
  /** The entities using the volume, sorted: the caller's permissions filter on them. */
  entityRefs: string[];
  /** The owner of each entity in `entityRefs` (same order; '' for none). */
  owners: string[];
  count: number;
}

/** A volume as the rollup counts it. */
export interface RollupInput {
  cluster: string;
  tier: string;
  verdict: Verdict;
  entities: ReadonlyArray<{ ref: string; owner?: string }>;
}

/** `YYYY-MM-DD` of a time, in UTC. */
export function utcDay(time: Date | string): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Counts volumes per cluster × tier × verdict × entities (with their
 * owners). The entities are kept so the history answers only with volumes
 * the caller may read and owners of entities the caller may read, as
 * `/coverage` does.
 */
export function dailyRollup(
  day: string,
  volumes: Iterable<RollupInput>,
): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const v of volumes) {
    const entities = [
      ...new Map(v.entities.map(e => [e.ref, e.owner ?? ''])),
    ].sort(([a], [b]) => compareText(a, b));
    const entityRefs = entities.map(([ref]) => ref);
    const owners = entities.map(([, owner]) => owner);
    const key = [
      v.cluster,
      v.tier,
      v.verdict,
      entityRefs.join('\n'),
      owners.join('\n'),
    ].join('\u0000');
    const row = rows.get(key);
    if (row) row.count += 1;
    else {
      rows.set(key, {
        day,
        cluster: v.cluster,
        tier: v.tier,
        verdict: v.verdict,
        entityRefs,
        owners,
        count: 1,
      });
    }
  }
  return [...rows.values()];
}

/** Code-point order, the same on every machine (no locale). */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
