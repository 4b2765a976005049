import { InputError } from '@backstage/errors';

export const DEFAULT_HISTORY_DAYS = 30;
/** Ten years: more than any retention anyone keeps. */
export const MAX_HISTORY_DAYS = 3660;

type QueryValue = undefined | string | string[] | unknown;

const KNOWN = new Set(['days', 'cluster', 'tier', 'owner']);

function list(value: QueryValue, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  const raw = Array.isArray(value) ? value : [value];
  if (raw.some(v => typeof v !== 'string')) {
    throw new InputError(`${name} must be a list of names`);
  }
  const items = (raw as string[])
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/**
 * Reads `days` (1 to 3660, default 30; at most the retention is answered) and, for the fleet,
 * `cluster`, `tier` and `owner` (repeated or comma-separated, as in
 * `/coverage`). Anything else is refused, so a misspelt filter is an error
 * rather than an unfiltered answer.
 */
export function parseHistoryQuery(
  query: Record<string, QueryValue>,
  options: { retentionDays: number; filters: boolean },
): { days: number; cluster?: string[]; tier?: string[]; owner?: string[] } {
  const allowed = options.filters ? KNOWN : new Set(['days']);
  const unknown = Object.keys(query).filter(k => !allowed.has(k));
  if (unknown.length) {
    throw new InputError(
      `unknown query parameter ${unknown.join(', ')} (allowed: ${[
        ...allowed,
      ].join(', ')})`,
    );
  }
  // More days than the retention keeps is no error: the answer has what is
  // kept, and says how much (retentionDays).
  const retention = Math.max(1, Math.floor(options.retentionDays));
  let days = DEFAULT_HISTORY_DAYS;
  if (query.days !== undefined) {
    const n = Number(query.days);
    if (
      typeof query.days !== 'string' ||
      !Number.isInteger(n) ||
      n < 1 ||
      n > MAX_HISTORY_DAYS
    ) {
      throw new InputError(
        `days must be an integer from 1 to ${MAX_HISTORY_DAYS}`,
      );
    }
    days = n;
  }
  const max = retention;
  if (!options.filters) return { days: Math.min(days, max) };
  return {
    days: Math.min(days, max),
    cluster: list(query.cluster, 'cluster'),
    tier: list(query.tier, 'tier'),
    owner: list(query.owner, 'owner'),
  };
}
