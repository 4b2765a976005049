/** A duration as an object of units, the shape of Backstage's `HumanDuration`. */
export type HumanDuration = Partial<
  Record<
    | 'years'
    | 'months'
    | 'weeks'
    | 'days'
    | 'hours'
    | 'minutes'
    | 'seconds'
    | 'milliseconds',
    number
  >
>;

const UNIT_SECONDS: Required<HumanDuration> = {
  years: 365 * 86400,
  months: 30 * 86400,
  weeks: 7 * 86400,
  days: 86400,
  hours: 3600,
  minutes: 60,
  seconds: 1,
  milliseconds: 0.001,
};

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Seconds in an RPO written as a Backstage HumanDuration object or an ISO
 * 8601 duration (`PT24H`, `P1D`); undefined when it is neither or is zero.
 * Months count 30 days and years 365, which is enough for backup intervals.
 */
export function rpoSeconds(rpo: HumanDuration | string): number | undefined {
  let total = 0;
  if (typeof rpo === 'string') {
    const match = ISO_DURATION.exec(rpo);
    if (!match || rpo === 'P' || rpo.endsWith('T')) return undefined;
    const units: Array<keyof HumanDuration> = [
      'years',
      'months',
      'weeks',
      'days',
      'hours',
      'minutes',
      'seconds',
    ];
    units.forEach((unit, index) => {
      if (match[index + 1])
        total += Number(match[index + 1]) * UNIT_SECONDS[unit];
    });
  } else {
    for (const [unit, amount] of Object.entries(rpo)) {
      const factor = UNIT_SECONDS[unit as keyof HumanDuration];
      if (factor === undefined || typeof amount !== 'number' || amount < 0)
        return undefined;
      total += amount * factor;
    }
  }
  return total > 0 ? total : undefined;
}
