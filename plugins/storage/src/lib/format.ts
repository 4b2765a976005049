/** Plain-language formatting for sizes, durations and ages. Pure. */

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** `53687091200` → `50 GiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded =
    value < 10 && unit > 0 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded} ${BINARY_UNITS[unit]}`;
}

const DURATION_UNITS: Array<[seconds: number, name: string]> = [
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * A duration in the largest unit that divides it evenly, so an RPO reads as
 * the operator wrote it: `86400` → `1 day`, `129600` → `36 hours`.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds === 0) return '0 seconds';
  for (const [size, name] of DURATION_UNITS) {
    if (seconds % size === 0) return plural(seconds / size, name);
  }
  return plural(Math.round(seconds), 'second');
}

/** Seconds from an RFC 3339 time to now; undefined for unparseable times. */
export function ageSeconds(time: string, now: number): number | undefined {
  const at = Date.parse(time);
  if (Number.isNaN(at)) return undefined;
  return Math.round((now - at) / 1000);
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** `3 hours ago`, `yesterday`, `in 5 minutes` (clock skew), or `unknown time`. */
export function formatAge(time: string, now: number): string {
  const age = ageSeconds(time, now);
  if (age === undefined) return 'unknown time';
  const abs = Math.abs(age);
  const sign = age >= 0 ? -1 : 1;
  if (abs < 45) return 'just now';
  if (abs < 3600) {
    return relative.format(sign * Math.max(1, Math.round(abs / 60)), 'minute');
  }
  if (abs < 48 * 3600) {
    return relative.format(sign * Math.round(abs / 3600), 'hour');
  }
  return relative.format(sign * Math.round(abs / 86400), 'day');
}

/** An absolute time for tooltips: `2026-11-26 12:00 UTC`. */
export function formatTimestamp(time: string): string {
  const at = Date.parse(time);
  if (Number.isNaN(at)) return time;
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
