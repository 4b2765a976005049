import { formatRfc3339, isRfc3339, parseRfc3339 } from './time';

describe('parseRfc3339', () => {
  it.each([
    ['2026-11-26T06:00:00Z', Date.UTC(2026, 10, 26, 6)],
    ['2026-11-26T06:00:00.250Z', Date.UTC(2026, 10, 26, 6, 0, 0, 250)],
    ['2026-11-26T07:00:00+01:00', Date.UTC(2026, 10, 26, 6)],
    ['2026-11-26t06:00:00z', Date.UTC(2026, 10, 26, 6)],
    ['2024-02-29T23:59:59Z', Date.UTC(2024, 1, 29, 23, 59, 59)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['2026-12-31T23:59:59Z', Date.UTC(2026, 11, 31, 23, 59, 59)],
    ['1999-12-31T00:00:00Z', Date.UTC(1999, 11, 31)],
  ])('reads %s', (text, expected) => {
    expect(parseRfc3339(text)).toBe(expected);
    expect(isRfc3339(text)).toBe(true);
  });

  it.each([
    ['2026-11-26'],
    ['2026-11-26T06:00:00'],
    ['2026-13-26T06:00:00Z'],
    ['2026-02-30T06:00:00Z'],
    ['2026-02-29T06:00:00Z'],
    ['1900-02-29T06:00:00Z'],
    ['2026-04-31T06:00:00Z'],
    ['2026-11-26T24:00:00Z'],
    ['2026-11-26T06:60:00Z'],
    ['2026-1a-26T06:00:00Z'],
    ['yesterday'],
    [''],
  ])('rejects %s', text => {
    expect(parseRfc3339(text)).toBeUndefined();
    expect(isRfc3339(text)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(parseRfc3339(undefined)).toBeUndefined();
  });

  it('formats without fractions', () => {
    expect(formatRfc3339(Date.UTC(2026, 10, 26, 6, 0, 0, 999))).toBe(
      '2026-11-26T06:00:00Z',
    );
  });
});
