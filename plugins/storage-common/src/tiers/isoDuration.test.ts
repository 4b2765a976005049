import {
  durationToSeconds,
  formatIsoDuration,
  parseIsoDuration,
} from './isoDuration';

describe('parseIsoDuration', () => {
  it.each([
    ['PT24H', { hours: 24 }, 86400],
    ['P1D', { days: 1 }, 86400],
    ['P1W', { weeks: 1 }, 604800],
    ['P1DT12H', { days: 1, hours: 12 }, 129600],
    ['PT30M', { minutes: 30 }, 1800],
    ['PT0.5S', { seconds: 0.5 }, 0.5],
    ['PT1,5H', { hours: 1.5 }, 5400],
    ['P1M', { months: 1 }, 30 * 86400],
    ['P1Y', { years: 1 }, 365 * 86400],
    [
      'P1Y2M3DT4H5M6S',
      { years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 },
      365 * 86400 + 60 * 86400 + 3 * 86400 + 4 * 3600 + 5 * 60 + 6,
    ],
  ])('reads %s', (text, duration, seconds) => {
    expect(parseIsoDuration(text)).toEqual(duration);
    expect(durationToSeconds(parseIsoDuration(text))).toBeCloseTo(seconds, 6);
  });

  it.each([['P'], ['PT'], ['24h'], ['PT24'], ['P1H'], ['1D'], ['P-1D'], ['']])(
    'rejects %j',
    text => {
      expect(() => parseIsoDuration(text)).toThrow(/not an ISO 8601 duration/);
    },
  );
});

describe('formatIsoDuration', () => {
  it.each([
    [{ hours: 24 }, 'PT24H'],
    [{ days: 1 }, 'P1D'],
    [{ weeks: 2 }, 'P2W'],
    [{ days: 1, hours: 12 }, 'P1DT12H'],
    [{ minutes: 90 }, 'PT90M'],
    [{ seconds: 1, milliseconds: 500 }, 'PT1.5S'],
    [{}, 'PT0S'],
  ])('writes %j as %s', (duration, text) => {
    expect(formatIsoDuration(duration)).toBe(text);
  });

  it('round-trips', () => {
    for (const text of ['PT24H', 'P1D', 'P1Y2M3DT4H5M6S', 'P2W']) {
      expect(formatIsoDuration(parseIsoDuration(text))).toBe(text);
    }
  });
});
