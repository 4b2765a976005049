import { shiftTimestamps } from './timeShift';

const HOUR = 3600_000;

describe('shiftTimestamps', () => {
  it('moves RFC 3339 times and name stamps together', () => {
    const backup = {
      metadata: {
        name: 'payments-daily-20261126020012',
        creationTimestamp: '2026-11-26T02:00:12Z',
        labels: { 'velero.io/schedule-name': 'payments-daily' },
      },
      status: {
        phase: 'Completed',
        completionTimestamp: '2026-11-26T02:04:40.5Z',
        errors: 0,
      },
    };
    const pvb = {
      metadata: {
        name: 'payments-daily-20261126020012-x7k2p',
        labels: { 'velero.io/backup-name': 'payments-daily-20261126020012' },
      },
    };
    const later = 30 * 24 * HOUR + 5 * HOUR;
    expect(shiftTimestamps(backup, later)).toEqual({
      metadata: {
        name: 'payments-daily-20261226070012',
        creationTimestamp: '2026-12-26T07:00:12Z',
        labels: { 'velero.io/schedule-name': 'payments-daily' },
      },
      status: {
        phase: 'Completed',
        completionTimestamp: '2026-12-26T07:04:40Z',
        errors: 0,
      },
    });
    expect(shiftTimestamps(pvb, later).metadata).toEqual({
      name: 'payments-daily-20261226070012-x7k2p',
      labels: { 'velero.io/backup-name': 'payments-daily-20261226070012' },
    });
  });

  it('shifts backwards too and leaves other values alone', () => {
    const object = {
      a: ['2026-11-26T06:00:00Z', 'plain', 3, true, null],
      b: '12345678901234567',
    };
    expect(shiftTimestamps(object, -HOUR)).toEqual({
      a: ['2026-11-26T05:00:00Z', 'plain', 3, true, null],
      b: '12345678901234567',
    });
  });

  it('does not copy when there is nothing to shift', () => {
    const object = { a: 1 };
    expect(shiftTimestamps(object, 0)).toBe(object);
  });

  it('leaves digit runs that are not dates alone', () => {
    expect(shiftTimestamps({ n: 'build-20261399999999' }, HOUR)).toEqual({
      n: 'build-20261399999999',
    });
  });
});
