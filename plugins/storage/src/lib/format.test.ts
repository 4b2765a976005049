import {
  ageSeconds,
  formatAge,
  formatBytes,
  formatDuration,
  formatTimestamp,
} from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [10 * 1024 ** 2, '10 MiB'],
    [50 * 1024 ** 3, '50 GiB'],
    [1.25 * 1024 ** 4, '1.3 TiB'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%p bytes → %p', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe('formatDuration', () => {
  // The engine's formatter, so an RPO reads like the reasons beside it.
  it.each([
    [0, '0s'],
    [90, '1m'],
    [3600, '1h'],
    [86400, '24h'],
    [129600, '36h'],
    [7 * 86400, '7d'],
    [-5, '—'],
  ])('%p s → %p', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('formatAge', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  it.each([
    ['2026-11-26T11:59:50Z', 'just now'],
    ['2026-11-26T11:55:00Z', '5 minutes ago'],
    ['2026-11-26T09:00:00Z', '3 hours ago'],
    ['2026-11-25T12:00:00Z', '24 hours ago'],
    ['2026-11-23T12:00:00Z', '3 days ago'],
    ['2026-11-26T12:10:00Z', 'in 10 minutes'],
    ['not a time', 'unknown time'],
  ])('%p → %p', (time, expected) => {
    expect(formatAge(time, now)).toBe(expected);
  });

  it('measures age in seconds', () => {
    expect(ageSeconds('2026-11-26T11:00:00Z', now)).toBe(3600);
    expect(ageSeconds('garbage', now)).toBeUndefined();
  });

  it('formats absolute timestamps in UTC', () => {
    expect(formatTimestamp('2026-11-26T09:30:00+01:00')).toBe(
      '2026-11-26 08:30 UTC',
    );
    expect(formatTimestamp('garbage')).toBe('garbage');
  });
});
