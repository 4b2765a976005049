const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an RFC 3339 time (`2026-11-26T06:00:00Z`),
 * or undefined when the text is not one. Stricter than `Date.parse`, which
 * accepts dates without a zone and reads them as local time.
 * @public
 */
export function parseRfc3339(text: string | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const fast = parseCanonical(text);
  if (fast !== undefined) return fast ?? undefined;
  if (!RFC3339.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The form Kubernetes writes (`2026-11-26T06:00:00Z`), parsed without a
 * regular expression: projection reads several per PodVolumeBackup.
 * undefined: not in that form; null: in that form but not a valid time.
 */
function parseCanonical(text: string): number | null | undefined {
  if (
    text.length !== 20 ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T'
  )
    return undefined;
  if (text[13] !== ':' || text[16] !== ':' || text[19] !== 'Z')
    return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23)
    return null;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  // Rejects 2026-02-30 and the like, which Date.UTC would roll over.
  if (day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** @public */
export function isRfc3339(text: string): boolean {
  return parseRfc3339(text) !== undefined;
}

const formatted = new Map<number, string>();
const FORMAT_CACHE_LIMIT = 4096;

/**
 * RFC 3339 text of a time in milliseconds, without fractional seconds.
 * Remembers recent results: a fleet's verdicts format the same backup
 * times over and over, and Date#toISOString is the costly part.
 */
export function formatRfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = formatted.get(second);
  if (text === undefined) {
    text = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    if (formatted.size >= FORMAT_CACHE_LIMIT) formatted.clear();
    formatted.set(second, text);
  }
  return text;
}
