import { InputError } from '@backstage/errors';

export const DEFAULT_HISTORY_DAYS = 30;

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
 * Reads `days` (1 to the retention, default 30) and, for the fleet,
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
  const max = Math.floor(options.retentionDays);
  let days = DEFAULT_HISTORY_DAYS;
  if (query.days !== undefined) {
    const n = Number(query.days);
    if (
      typeof query.days !== 'string' ||
      !Number.isInteger(n) ||
      n < 1 ||
      n > max
    ) {
      throw new InputError(
        `days must be an integer from 1 to ${max} (the history's retention)`,
      );
    }
    days = n;
  }
  if (!options.filters) return { days: Math.min(days, max) };
  return {
    days: Math.min(days, max),
    cluster: list(query.cluster, 'cluster'),
    tier: list(query.tier, 'tier'),
    owner: list(query.owner, 'owner'),
  };
}
