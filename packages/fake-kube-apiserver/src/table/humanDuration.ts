/**
 * Ages the way kube-apiserver prints them in tables (apimachinery's
 * `duration.HumanDuration`): `45s`, `5m30s`, `3h10m`, `27h`, `3d4h`, `40d`,
 * `2y30d`. Pure.
 */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.floor(milliseconds / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(seconds / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/** A table's AGE cell: `<unknown>` without a parseable time, as upstream. */
export function ageSince(time: unknown, now: number): string {
  if (typeof time !== 'string') return '<unknown>';
  const at = Date.parse(time);
  if (Number.isNaN(at)) return '<unknown>';
  return humanDuration(now - at);
}
