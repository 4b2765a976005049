import { parseGoDuration } from './goDuration';

/**
 * Schedule cron expressions as Velero reads them: robfig/cron v3
 * `cron.ParseStandard` (five fields, `@` descriptors, `@every`, optional
 * `TZ=` / `CRON_TZ=` prefix), and `Schedule.Next` for the next run. Velero's
 * schedule controller (`parseCronSchedule`, `getNextRunTime`) uses exactly
 * these, so a schedule our parser rejects is one Velero marks
 * FailedValidation.
 */

/** A parsed schedule. @public */
export type CronSchedule =
  | {
      kind: 'spec';
      minute: ReadonlySet<number>;
      hour: ReadonlySet<number>;
      dayOfMonth: ReadonlySet<number>;
      month: ReadonlySet<number>;
      dayOfWeek: ReadonlySet<number>;
      /** robfig's star bit: `*` or `?` in day-of-month / day-of-week. */
      domStar: boolean;
      dowStar: boolean;
      timeZone?: string;
    }
  | { kind: 'every'; delayMs: number };

/** @public */
export type CronParseResult =
  | { ok: true; schedule: CronSchedule }
  | { ok: false; error: string };

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const DAYS: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

class CronError extends Error {}

function parseNumber(text: string, bounds: Bounds): number {
  const named = bounds.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) {
    throw new CronError(`failed to parse int from ${text}`);
  }
  return Number(text);
}

/** One comma-separated part: `*`, `?`, `a`, `a-b`, with an optional `/step`. */
function parseRange(part: string, bounds: Bounds, out: Set<number>): boolean {
  const [rangeText, stepText, ...rest] = part.split('/');
  if (rest.length > 0) throw new CronError(`too many slashes: ${part}`);
  let start: number;
  let end: number;
  let star = false;
  if (rangeText === '*' || rangeText === '?') {
    start = bounds.min;
    end = bounds.max;
    star = true;
  } else {
    const [lowText, highText, ...more] = rangeText.split('-');
    if (more.length > 0) throw new CronError(`too many hyphens: ${part}`);
    start = parseNumber(lowText, bounds);
    end = highText === undefined ? start : parseNumber(highText, bounds);
  }
  let step = 1;
  if (stepText !== undefined) {
    step = Number(stepText);
    if (!/^\d+$/.test(stepText)) {
      throw new CronError(`failed to parse int from ${stepText}`);
    }
    // robfig: "N/step" means N-max/step.
    if (!star && !rangeText.includes('-')) end = bounds.max;
    if (step > 1) star = false;
  }
  if (start < bounds.min) {
    throw new CronError(
      `beginning of range (${start}) below minimum (${bounds.min}): ${part}`,
    );
  }
  if (end > bounds.max) {
    throw new CronError(
      `end of range (${end}) above maximum (${bounds.max}): ${part}`,
    );
  }
  if (start > end) {
    throw new CronError(
      `beginning of range (${start}) beyond end of range (${end}): ${part}`,
    );
  }
  if (step === 0)
    throw new CronError(`step of range should be a positive number: ${part}`);
  for (let v = start; v <= end; v += step) out.add(v);
  return star;
}

function parseField(field: string, bounds: Bounds): [Set<number>, boolean] {
  const values = new Set<number>();
  let star = false;
  for (const part of field.split(',')) {
    if (parseRange(part, bounds, values)) star = true;
  }
  return [values, star];
}

function isTimeZone(name: string): boolean {
  try {
    return (
      new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions()
        .timeZone !== undefined
    );
  } catch {
    return false;
  }
}

/**
 * Parse a schedule as robfig/cron v3 `ParseStandard` does. The error texts
 * follow robfig's, so they read like Velero's `invalid schedule: …`.
 * @public
 */
export function parseCron(expression: string): CronParseResult {
  if (expression.length === 0) {
    return {
      ok: false,
      error: 'Schedule must be a non-empty valid Cron expression',
    };
  }
  try {
    let spec = expression;
    let timeZone: string | undefined;
    const tz = /^(?:CRON_TZ|TZ)=(\S*)\s*/.exec(spec);
    if (tz) {
      timeZone = tz[1];
      if (!isTimeZone(timeZone)) {
        throw new CronError(
          `provided bad location ${timeZone}: unknown time zone ${timeZone}`,
        );
      }
      spec = spec.slice(tz[0].length);
    }
    spec = spec.trim();
    if (spec.startsWith('@every ')) {
      const delay = parseGoDuration(spec.slice('@every '.length).trim());
      if (delay === undefined) {
        throw new CronError(`failed to parse duration ${spec}`);
      }
      // robfig: at least one second, rounded down to whole seconds.
      const delayMs = Math.max(1000, Math.floor(delay / 1000) * 1000);
      return { ok: true, schedule: { kind: 'every', delayMs } };
    }
    if (spec.startsWith('@')) {
      const fixed = DESCRIPTORS[spec.toLowerCase()];
      if (!fixed) throw new CronError(`unrecognized descriptor: ${spec}`);
      spec = fixed;
    }
    const fields = spec.split(/\s+/).filter(Boolean);
    if (fields.length !== 5) {
      throw new CronError(
        `expected exactly 5 fields, found ${fields.length}: [${fields.join(
          ' ',
        )}]`,
      );
    }
    const [minute] = parseField(fields[0], FIELDS[0]);
    const [hour] = parseField(fields[1], FIELDS[1]);
    const [dayOfMonth, domStar] = parseField(fields[2], FIELDS[2]);
    const [month] = parseField(fields[3], FIELDS[3]);
    const [dayOfWeek, dowStar] = parseField(fields[4], FIELDS[4]);
    return {
      ok: true,
      schedule: {
        kind: 'spec',
        minute,
        hour,
        dayOfMonth,
        month,
        dayOfWeek,
        domStar,
        dowStar,
        ...(timeZone ? { timeZone } : {}),
      },
    };
  } catch (error) {
    if (error instanceof CronError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Offset of a zone from UTC at an instant, in ms (positive east). */
function zoneOffset(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) =>
    Number(parts.find(p => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** Give up after five years, as robfig does. */
const YEARS_TO_SEARCH = 5;

/**
 * The first run strictly after `afterMs` (robfig `SpecSchedule.Next`), or
 * undefined when there is none within five years (e.g. `0 0 30 2 *`).
 * @public
 */
export function nextCronRun(
  schedule: CronSchedule,
  afterMs: number,
): number | undefined {
  if (schedule.kind === 'every') {
    return Math.floor(afterMs / 1000) * 1000 + schedule.delayMs;
  }
  const zone = schedule.timeZone;
  const offset = (at: number) => (zone ? zoneOffset(zone, at) : 0);
  // Work on wall-clock time expressed as a UTC Date.
  const wall = new Date(afterMs + offset(afterMs));
  wall.setUTCSeconds(0, 0);
  wall.setUTCMinutes(wall.getUTCMinutes() + 1);
  const limitYear = wall.getUTCFullYear() + YEARS_TO_SEARCH;
  const dayMatches = (d: Date) => {
    const dom = schedule.dayOfMonth.has(d.getUTCDate());
    const dow = schedule.dayOfWeek.has(d.getUTCDay());
    if (schedule.domStar || schedule.dowStar) return dom && dow;
    return dom || dow;
  };
  while (wall.getUTCFullYear() <= limitYear) {
    if (!schedule.month.has(wall.getUTCMonth() + 1)) {
      wall.setUTCMonth(wall.getUTCMonth() + 1, 1);
      wall.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(wall)) {
      wall.setUTCDate(wall.getUTCDate() + 1);
      wall.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!schedule.hour.has(wall.getUTCHours())) {
      wall.setUTCHours(wall.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!schedule.minute.has(wall.getUTCMinutes())) {
      wall.setUTCMinutes(wall.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    const guess = wall.getTime() - offset(wall.getTime());
    return wall.getTime() - offset(guess);
  }
  return undefined;
}
