import { durationToMilliseconds, type HumanDuration } from '@backstage/types';

const ISO_DURATION =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const UNITS = [
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
] as const;

/**
 * Read an ISO 8601 duration (`PT24H`, `P1D`, `P1W`, `P1DT12H`, `PT0.5S`) as a
 * HumanDuration. Throws on anything else.
 * @public
 */
export function parseIsoDuration(text: string): HumanDuration {
  const match = ISO_DURATION.exec(text.trim());
  if (!match || text.trim() === 'P' || text.trim().endsWith('T')) {
    throw new Error(
      `"${text}" is not an ISO 8601 duration (examples: PT24H, P1D, P1W, P1DT12H)`,
    );
  }
  const duration: HumanDuration = {};
  UNITS.forEach((unit, i) => {
    const value = match[i + 1];
    if (value !== undefined) duration[unit] = Number(value.replace(',', '.'));
  });
  return duration;
}

/** The ISO 8601 text of a HumanDuration, e.g. `{ hours: 24 }` → `PT24H`. @public */
export function formatIsoDuration(duration: HumanDuration): string {
  const { years, months, weeks, days, hours, minutes } = duration;
  const seconds = (duration.seconds ?? 0) + (duration.milliseconds ?? 0) / 1000;
  const part = (value: number | undefined, unit: string) =>
    value ? `${value}${unit}` : '';
  const date = `${part(years, 'Y')}${part(months, 'M')}${part(
    weeks,
    'W',
  )}${part(days, 'D')}`;
  const time = `${part(hours, 'H')}${part(minutes, 'M')}${part(seconds, 'S')}`;
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

/** Seconds in a HumanDuration (Backstage's convention: a month is 30 days). @public */
export function durationToSeconds(duration: HumanDuration): number {
  return durationToMilliseconds(duration) / 1000;
}
