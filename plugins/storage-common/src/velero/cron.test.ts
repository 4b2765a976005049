import { nextCronRun, parseCron } from './cron';
import { nextScheduledRun, scheduleValidationErrors } from './scheduleRuns';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms).toISOString();

// Mirrors robfig/cron v3 ParseStandard as used by Velero's schedule
// controller parseCronSchedule (schedule_controller_test.go TestParseCronSchedule).
describe('parseCron (robfig ParseStandard via parseCronSchedule)', () => {
  it.each<[string, boolean]>([
    ['0 2 * * *', true],
    ['*/15 * * * *', true],
    ['0 3 * * 0', true],
    ['0 3 * * SUN', true],
    ['0 0 1 JAN *', true],
    ['@daily', true],
    ['@every 6h', true],
    ['CRON_TZ=Europe/Berlin 0 2 * * *', true],
    ['TZ=UTC 0 2 * * *', true],
    ['0 2 * *', false], // four fields
    ['0 0 2 * * *', false], // six fields: seconds are not standard
    ['0 24 * * *', false],
    ['60 * * * *', false],
    ['0 0 * * 7', false], // robfig's day-of-week is 0-6
    ['0 0 5-1 * *', false],
    ['@fortnightly', false],
    ['CRON_TZ=Mars/Olympus 0 2 * * *', false],
    ['*/0 * * * *', false],
  ])('%s → valid %s', (cron, valid) => {
    expect(parseCron(cron).ok).toBe(valid);
  });

  it("rejects an empty schedule with the controller's words", () => {
    expect(scheduleValidationErrors('')).toEqual([
      'Schedule must be a non-empty valid Cron expression',
    ]);
    expect(scheduleValidationErrors('0 2 * *')[0]).toMatch(
      /^invalid schedule: /,
    );
    expect(scheduleValidationErrors('0 2 * * *')).toEqual([]);
  });
});

// Mirrors robfig SpecSchedule.Next, as Velero's getNextRunTime uses it
// (schedule_controller_test.go TestGetNextRunTime).
describe('nextCronRun (robfig Schedule.Next)', () => {
  const next = (cron: string, from: string) => {
    const parsed = parseCron(cron);
    if (!parsed.ok) throw new Error(parsed.error);
    return iso(nextCronRun(parsed.schedule, at(from)));
  };
  it.each<[string, string, string | undefined]>([
    ['0 2 * * *', '2026-11-26T01:00:00Z', '2026-11-26T02:00:00.000Z'],
    ['0 2 * * *', '2026-11-26T02:00:00Z', '2026-11-27T02:00:00.000Z'], // strictly after
    ['*/15 * * * *', '2026-11-26T02:07:30Z', '2026-11-26T02:15:00.000Z'],
    ['0 3 * * 0', '2026-11-24T10:21:45Z', '2026-11-29T03:00:00.000Z'], // next Sunday
    // Both day fields restricted: either matches (robfig dayMatches).
    ['0 0 1 * 1', '2026-11-26T00:00:00Z', '2026-11-30T00:00:00.000Z'],
    ['0 0 31 2 *', '2026-01-01T00:00:00Z', undefined], // never
    ['@hourly', '2026-11-26T05:59:59Z', '2026-11-26T06:00:00.000Z'],
    ['@every 90m', '2026-11-26T00:00:00Z', '2026-11-26T01:30:00.000Z'],
    // 02:00 in Berlin (UTC+1 in November) is 01:00 UTC.
    [
      'CRON_TZ=Europe/Berlin 0 2 * * *',
      '2026-11-26T00:00:00Z',
      '2026-11-26T01:00:00.000Z',
    ],
  ])('%s after %s → %s', (cron, from, expected) => {
    expect(next(cron, from)).toBe(expected);
  });

  it('runs after the last backup, else after creation, else after a later skip (getNextRunTime)', () => {
    const cron = '0 2 * * *';
    expect(
      iso(nextScheduledRun({ cron, createdAt: at('2026-11-25T12:00:00Z') })),
    ).toBe('2026-11-26T02:00:00.000Z');
    expect(
      iso(
        nextScheduledRun({
          cron,
          createdAt: at('2026-01-01T00:00:00Z'),
          lastBackup: at('2026-11-26T02:00:00Z'),
        }),
      ),
    ).toBe('2026-11-27T02:00:00.000Z');
    expect(
      iso(
        nextScheduledRun({
          cron,
          lastBackup: at('2026-11-20T02:00:00Z'),
          lastSkipped: at('2026-11-26T03:00:00Z'),
        }),
      ),
    ).toBe('2026-11-27T02:00:00.000Z');
  });
});
