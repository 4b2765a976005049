import type { VerdictCounts } from '@gitops-storage/plugin-storage-common';

/**
 * The share of volumes that are protected or waived, in percent, rounded
 * down to one decimal so that a fleet with any gap never reads "100%".
 * Undefined when there are no volumes. The same rule as the CLI's
 * `coverageShare` (packages/cli), so both print 26.6% for 8 of 30; integer
 * arithmetic, so 57 of 100 is 57, not 56.9.
 */
export function protectedShare(counts: VerdictCounts): number | undefined {
  if (counts.total <= 0) return undefined;
  const ok = counts.byVerdict.protected + counts.byVerdict.waived;
  return Math.floor((ok * 1000) / counts.total) / 10;
}
