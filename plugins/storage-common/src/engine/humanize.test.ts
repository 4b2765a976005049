import { formatSeconds, listText, quotedList } from './humanize';

describe('formatSeconds', () => {
  it.each([
    [0, '0s'],
    [59, '59s'],
    [60, '1m'],
    [2700, '45m'],
    [3600, '1h'],
    [5400, '1h 30m'],
    [86400, '24h'],
    [86400 + 5400, '25h 30m'],
    [2 * 86400, '2d'],
    [86400 * 3 + 3600 * 4, '3d 4h'],
    [-5, '0s'],
  ])('%d → %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

describe('listText / quotedList', () => {
  it('joins like a sentence', () => {
    expect(listText([])).toBe('');
    expect(listText(['a'])).toBe('a');
    expect(listText(['a', 'b'])).toBe('a and b');
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
    expect(quotedList(['a', 'b'])).toBe('"a" and "b"');
    expect(quotedList(['a', 'b', 'c'], 2)).toBe('"a", "b" and 1 more');
  });
});
