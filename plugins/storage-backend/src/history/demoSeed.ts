import type {
  ClaimCoverage,
  Verdict,
} from '@gitops-storage/plugin-storage-common';
import type { HistoryRecorder } from './HistoryRecorder';
import type { HistoryStore } from './HistoryStore';

/** How many days of made-up past the demo gets. */
export const DEMO_DAYS = 28;

/** A stable number from a string (FNV-1a), so the demo's past is the same on every start. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A plausible verdict `daysAgo` days before now for a demo claim, ending in
 * its real current verdict: some protected volumes failed for a few days or
 * were late, failing ones were protected until lately, some volumes are
 * newer than the demo's past (undefined: not there yet).
 */
export function demoVerdict(
  claim: ClaimCoverage,
  daysAgo: number,
): Verdict | undefined {
  const h = hash(`${claim.cluster}/${claim.namespace}/${claim.name}`);
  if (h % 5 === 0 && daysAgo > 18) return undefined;
  switch (claim.verdict) {
    case 'protected':
      if (h % 4 === 0 && daysAgo >= 9 && daysAgo <= 12) return 'failing';
      if (h % 4 === 1 && daysAgo >= 3 && daysAgo <= 5) return 'stale';
      return 'protected';
    case 'failing':
      return daysAgo > 2 + (h % 10) ? 'protected' : 'failing';
    case 'stale':
      return daysAgo > 3 ? 'protected' : 'stale';
    default:
      return claim.verdict;
  }
}

/**
 * Seeds the demo's history: one recording a day for the last DEMO_DAYS
 * days, each marked demo (the API says so, the UI labels it). Only into an
 * empty history, before any real recording. Returns the transitions
 * seeded, 0 when the history was not empty, or undefined when no cluster
 * was listed yet (try again next run).
 */
export async function seedDemoHistory(deps: {
  store: HistoryStore;
  recorder: HistoryRecorder;
  now?: Date;
}): Promise<number | undefined> {
  const { store, recorder } = deps;
  const now = deps.now ?? new Date();
  if (!(await store.isEmpty())) return 0;
  let seeded = 0;
  for (let daysAgo = DEMO_DAYS; daysAgo >= 1; daysAgo--) {
    const at = new Date(now.getTime() - daysAgo * 86_400_000);
    const input = await recorder.input(at, claim =>
      demoVerdict(claim, daysAgo),
    );
    if (input.clusters.length === 0) return undefined;
    seeded += (await store.record({ ...input, demo: true })).length;
  }
  return seeded;
}
