/** Short human text of a number of seconds: `45m`, `24h`, `27h 30m`, `3d 4h`. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const days = Math.floor(s / 86400);
  const minutes = Math.floor((s % 3600) / 60);
  // Under two days, hours read better than "1d 3h" next to a 24h RPO.
  const hours =
    days >= 2 ? Math.floor((s % 86400) / 3600) : Math.floor(s / 3600);
  if (days >= 2) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return minutes > 0 ? `${hours}h ${minutes}m` : `${hours}h`;
  if (minutes > 0) return `${minutes}m`;
  return `${s}s`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Quote names for a sentence: `"a"`, `"a" and "b"`, with a cap. */
export function quotedList(items: readonly string[], max = 4): string {
  const shown = items.slice(0, max).map(i => `"${i}"`);
  if (items.length > max) shown.push(`${items.length - max} more`);
  return listText(shown);
}
