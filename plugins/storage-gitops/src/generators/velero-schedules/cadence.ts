/** Backup intervals a cron expression can keep exactly, in minutes. */
const INTERVALS = [5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];

/** A small stable number from a name, to spread schedules over the hour. */
export function stableOffset(name: string, modulo: number): number {
  let hash = 2166136261;
  for (const char of name) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash % modulo;
}

/**
 * The backup interval for an RPO: the longest clean interval that is at
 * most half the RPO (so one failed run still leaves the data within RPO),
 * at most daily. Undefined when the RPO is under ten minutes.
 */
export function intervalMinutes(rpoSeconds: number): number | undefined {
  const half = rpoSeconds / 2 / 60;
  const fitting = INTERVALS.filter(interval => interval <= half);
  return fitting.length > 0 ? fitting[fitting.length - 1] : undefined;
}

/** A cron expression running every `interval` minutes, spread by `name`. */
export function cronFor(interval: number, name: string): string {
  if (interval < 60)
    return `${stableOffset(name, interval)}-59/${interval} * * * *`;
  const minute = stableOffset(name, 60);
  if (interval < 1440) return `${minute} */${interval / 60} * * *`;
  return `${minute} ${1 + stableOffset(name, 4)} * * *`;
}

/** Retention: thirty RPOs, at least 72h and at most 2160h (90 days). */
export function ttlFor(rpoSeconds: number): string {
  const hours = Math.min(
    2160,
    Math.max(72, Math.ceil((rpoSeconds * 30) / 3600)),
  );
  return `${hours}h`;
}
