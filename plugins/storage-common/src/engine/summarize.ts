import {
  emptyVerdictCounts,
  VERDICT_SEVERITY,
  type ClaimCoverage,
  type CoverageSummary,
  type VerdictCounts,
} from '../model';

function emptyCounts(): VerdictCounts {
  return { total: 0, byVerdict: emptyVerdictCounts() };
}

function count(
  groups: Record<string, VerdictCounts>,
  key: string,
  claim: ClaimCoverage,
) {
  const counts = (groups[key] ??= emptyCounts());
  counts.total++;
  counts.byVerdict[claim.verdict]++;
}

/**
 * Verdict counts over all claims, per tier, per cluster and per namespace.
 * Namespace keys are `cluster/namespace`, since namespaces repeat across
 * clusters.
 * @public
 */
export function summarize(claims: Iterable<ClaimCoverage>): CoverageSummary {
  const summary: CoverageSummary = {
    ...emptyCounts(),
    byTier: {},
    byCluster: {},
    byNamespace: {},
  };
  for (const claim of claims) {
    summary.total++;
    summary.byVerdict[claim.verdict]++;
    count(summary.byTier, claim.tier, claim);
    count(summary.byCluster, claim.cluster, claim);
    count(summary.byNamespace, `${claim.cluster}/${claim.namespace}`, claim);
  }
  return summary;
}

/**
 * Share of claims whose data is accounted for (protected or waived), in
 * percent; 100 when there are no claims.
 * @public
 */
export function coveragePercent(counts: VerdictCounts): number {
  if (counts.total === 0) return 100;
  return (
    ((counts.byVerdict.protected + counts.byVerdict.waived) / counts.total) *
    100
  );
}

/**
 * Order for "worst first" lists: most severe verdict, then cluster,
 * namespace and name.
 * @public
 */
export function compareWorstFirst(a: ClaimCoverage, b: ClaimCoverage): number {
  return (
    VERDICT_SEVERITY[b.verdict] - VERDICT_SEVERITY[a.verdict] ||
    a.cluster.localeCompare(b.cluster) ||
    a.namespace.localeCompare(b.namespace) ||
    a.name.localeCompare(b.name)
  );
}
