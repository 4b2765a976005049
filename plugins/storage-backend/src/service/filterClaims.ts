import type {
  ClaimCoverage,
  CoverageQuery,
} from '@gitops-storage/plugin-storage-common';
import type { ClaimOwnership } from '../entities/EntityOwnership';

/**
 * The claims a coverage query selects, in the order given. Ownership is
 * looked up per claim rather than copied into every row first: the fleet can
 * hold tens of thousands of claims and a page shows a hundred.
 */
export function filterClaims(
  claims: readonly ClaimCoverage[],
  ownerOf: (claim: ClaimCoverage) => ClaimOwnership,
  query: CoverageQuery,
): ClaimCoverage[] {
  const sets = {
    cluster: query.cluster && new Set(query.cluster),
    namespace: query.namespace && new Set(query.namespace),
    tier: query.tier && new Set(query.tier),
    verdict: query.verdict && new Set<string>(query.verdict),
    restore: query.restore && new Set<string>(query.restore),
  };
  const owners = query.owner?.map(lower);
  const needle = query.search && lower(query.search);
  return claims.filter(
    claim =>
      (!sets.cluster || sets.cluster.has(claim.cluster)) &&
      (!sets.namespace || sets.namespace.has(claim.namespace)) &&
      (!sets.tier || sets.tier.has(claim.tier)) &&
      (!sets.verdict || sets.verdict.has(claim.verdict)) &&
      (!sets.restore || sets.restore.has(claim.restore?.status ?? 'none')) &&
      (!owners || ownerOf(claim).owners.some(o => owners.includes(lower(o)))) &&
      (!needle || searchText(claim, ownerOf(claim)).includes(needle)),
  );
}

function lower(text: string): string {
  return text.toLocaleLowerCase('en-US');
}

function searchText(claim: ClaimCoverage, ownership: ClaimOwnership): string {
  return lower(
    [
      claim.cluster,
      claim.namespace,
      claim.name,
      claim.tier,
      claim.storageClass ?? '',
      claim.verdict,
      ...ownership.owners,
      ...ownership.entityRefs,
      ...claim.reasons.map(r => `${r.code} ${r.message}`),
    ].join('\n'),
  );
}
