import { InputError } from '@backstage/errors';
import {
  isRestoreStatus,
  isVerdict,
  type CoverageQuery,
  type Verdict,
} from '@gitops-storage/plugin-storage-common';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

type QueryValue =
  | undefined
  | string
  | string[]
  | Record<string, unknown>
  | unknown[];

/** Repeated (`?a=x&a=y`) and comma-separated (`?a=x,y`) values alike. */
function list(value: QueryValue): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value])
    .flatMap(v => (typeof v === 'string' ? v.split(',') : []))
    .map(v => v.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

function integer(
  value: QueryValue,
  name: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < min || n > max) {
    throw new InputError(`${name} must be an integer from ${min} to ${max}`);
  }
  return n;
}

/** Reads and validates the query of `GET /coverage`. */
export function parseCoverageQuery(
  query: Record<string, QueryValue>,
): CoverageQuery {
  const verdicts = list(query.verdict);
  const unknown = verdicts?.filter(v => !isVerdict(v));
  if (unknown?.length) {
    throw new InputError(`unknown verdict ${unknown.join(', ')}`);
  }
  const restore = list(query.restore);
  const badRestore = restore?.filter(v => v !== 'none' && !isRestoreStatus(v));
  if (badRestore?.length) {
    throw new InputError(
      `unknown restore status ${badRestore.join(
        ', ',
      )} (verified, overdue, never-verified, unknown or none)`,
    );
  }
  const search =
    typeof query.search === 'string' ? query.search.trim() : undefined;
  return {
    cluster: list(query.cluster),
    namespace: list(query.namespace),
    tier: list(query.tier),
    verdict: verdicts as Verdict[] | undefined,
    owner: list(query.owner),
    ...(restore
      ? { restore: restore as NonNullable<CoverageQuery['restore']> }
      : {}),
    search: search || undefined,
    offset: integer(query.offset, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    limit: integer(query.limit, 'limit', 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
  };
}
