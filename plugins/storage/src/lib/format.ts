/** Plain-language formatting for sizes, durations and ages. Pure. */
import { formatSeconds } from '@gitops-storage/plugin-storage-common';

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

/**
 * A duration the way the coverage engine's reason messages write it
 * (`24h`, `36h`, `7d`), so an RPO and the reasons beside it use one unit.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  return formatSeconds(seconds);
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
