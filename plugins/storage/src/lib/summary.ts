import type { VerdictCounts } from '@gitops-storage/plugin-storage-common';

/**
 * The share of volumes that are protected or waived, in percent, rounded
 * down to one decimal so that a fleet with any gap never reads "100%".
 * Undefined when there are no volumes.
 */
export function protectedShare(counts: VerdictCounts): number | undefined {
  if (counts.total <= 0) return undefined;
  const ok = counts.byVerdict.protected + counts.byVerdict.waived;
  return Math.floor((ok / counts.total) * 1000) / 10;
}
