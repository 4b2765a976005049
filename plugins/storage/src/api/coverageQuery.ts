import {
  isRestoreStatus,
  isVerdict,
  type CoverageQuery,
} from '@gitops-storage/plugin-storage-common';

const LIST_PARAMS = [
  'cluster',
  'namespace',
  'tier',
  'verdict',
  'owner',
  'restore',
] as const;

/**
 * The query string of `GET /coverage`: list filters as repeated parameters
 * (`verdict=failing&verdict=stale`), empty values left out.
 */
export function coverageQueryToSearchParams(
  query: CoverageQuery,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of LIST_PARAMS) {
    for (const value of query[name] ?? []) {
      if (value) params.append(name, value);
    }
  }
  if (query.search?.trim()) params.set('search', query.search.trim());
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  return params;
}

/**
 * Reads a coverage query back from a query string (the coverage page keeps
 * its filters in the URL). Unknown verdicts and malformed numbers are dropped
 * rather than sent to the backend.
 */
export function coverageQueryFromSearchParams(
  params: URLSearchParams,
): CoverageQuery {
  const query: CoverageQuery = {};
  const list = (name: string) => params.getAll(name).filter(v => v !== '');
  const clusters = list('cluster');
  const namespaces = list('namespace');
  const tiers = list('tier');
  const verdicts = list('verdict').filter(isVerdict);
  const owners = list('owner');
  if (clusters.length) query.cluster = clusters;
  if (namespaces.length) query.namespace = namespaces;
  if (tiers.length) query.tier = tiers;
  if (verdicts.length) query.verdict = verdicts;
  if (owners.length) query.owner = owners;
  const restores = list('restore').filter(
    (v): v is NonNullable<CoverageQuery['restore']>[number] =>
      v === 'none' || isRestoreStatus(v),
  );
  if (restores.length) query.restore = restores;
  const search = params.get('search')?.trim();
  if (search) query.search = search;
  const offset = nonNegativeInteger(params.get('offset'));
  if (offset !== undefined) query.offset = offset;
  const limit = nonNegativeInteger(params.get('limit'));
  if (limit !== undefined && limit > 0) query.limit = limit;
  return query;
}

function nonNegativeInteger(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}
