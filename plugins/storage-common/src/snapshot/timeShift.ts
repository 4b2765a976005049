import { formatRfc3339, parseRfc3339 } from '../kube/time';

const NAME_STAMP = /-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?=$|-)/g;

function shiftNameStamps(text: string, deltaMs: number): string {
  return text.replace(NAME_STAMP, (match, y, mo, d, h, mi, s) => {
    const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
    const valid =
      +mo >= 1 &&
      +mo <= 12 &&
      +d >= 1 &&
      +d <= 31 &&
      +h < 24 &&
      +mi < 60 &&
      +s < 60;
    if (!valid || Number.isNaN(ms)) return match;
    const shifted = new Date(ms + deltaMs).toISOString();
    return `-${shifted.slice(0, 19).replace(/[-T:]/g, '')}`;
  });
}

/**
 * A copy of a raw object with every RFC 3339 time moved by `deltaMs`, and
 * the `-YYYYMMDDhhmmss` stamps in names (Velero names scheduled backups that
 * way) moved with them, so that references between objects still match.
 * A demo feature: it keeps a recorded snapshot's ages realistic on any date.
 * @public
 */
export function shiftTimestamps<T>(value: T, deltaMs: number): T {
  if (deltaMs === 0) return value;
  const shift = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const ms = parseRfc3339(v);
      if (ms !== undefined) return formatRfc3339(ms + deltaMs);
      return v.length >= 15 ? shiftNameStamps(v, deltaMs) : v;
    }
    if (Array.isArray(v)) return v.map(shift);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v))
        out[shiftNameStamps(k, deltaMs)] = shift(inner);
      return out;
    }
    return v;
  };
  return shift(value) as T;
}
