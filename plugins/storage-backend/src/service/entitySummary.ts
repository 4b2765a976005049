import {
  emptyVerdictCounts,
  worstVerdict,
  type ClaimCoverage,
  type EntityStorageSummary,
} from '@gitops-storage/plugin-storage-common';

/** Worst verdict, tiers, total capacity and oldest last success of some claims. */
export function entitySummary(
  claims: readonly ClaimCoverage[],
): EntityStorageSummary {
  const byVerdict = emptyVerdictCounts();
  const tiers = new Set<string>();
  let totalCapacityBytes = 0;
  let oldest: EntityStorageSummary['oldestLastSuccess'];
  for (const claim of claims) {
    byVerdict[claim.verdict] += 1;
    tiers.add(claim.tier);
    totalCapacityBytes += claim.capacityBytes ?? 0;
    const last = claim.lastSuccessfulBackup;
    if (last && (!oldest || Date.parse(last.time) < Date.parse(oldest.time))) {
      oldest = last;
    }
  }
  return {
    total: claims.length,
    byVerdict,
    worstVerdict: worstVerdict(claims.map(c => c.verdict)),
    tiers: [...tiers].sort(),
    totalCapacityBytes,
    oldestLastSuccess: oldest,
  };
}
