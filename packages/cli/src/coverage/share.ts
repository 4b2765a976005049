import type { VerdictCounts } from '@gitops-storage/plugin-storage-common';

/**
 * The coverage the CLI prints and `--fail-under` compares: protected +
 * waived claims in percent, rounded down to one decimal (so that a fleet with
 * any gap never reads "100.0%"), 100 when there are no claims. The UI's
 * `protectedShare` (plugins/storage) uses the same rule, so both show 26.6%
 * for 8 of 30. Integer arithmetic: 57 of 100 is 57.0, not 56.9.
 */
export function coverageShare(counts: VerdictCounts): number {
  if (counts.total <= 0) return 100;
  const ok = counts.byVerdict.protected + counts.byVerdict.waived;
  return Math.floor((ok * 1000) / counts.total) / 10;
}

/** `26.6%`: the share as the table and the --fail-under message print it. */
export function formatShare(share: number): string {
  return `${share.toFixed(1)}%`;
}
