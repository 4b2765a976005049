import { fit, wrap } from './formatTable';

describe('fit', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['search/index-search-indexer-0', 20, 'search/index-…exer-0'],
    ['abcdefghij', 5, 'abc…j'],
    ['abc', 1, 'a'],
  ])('fits %s into %d columns', (text, width, expected) => {
    expect(fit(text, width)).toBe(expected);
    expect(fit(text, width).length).toBeLessThanOrEqual(width);
  });

  it('keeps the end of StatefulSet claim names apart', () => {
    expect(fit('search/index-search-indexer-0', 20)).not.toBe(fit('search/index-search-indexer-1', 20));
  });
});

describe('wrap', () => {
  it('wraps at 80 columns and keeps the indent', () => {
    const lines = wrap(`  ${'word '.repeat(40).trim()}`);
    expect(lines.every(l => l.length <= 80 && l.startsWith('  '))).toBe(true);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[1].startsWith('    ')).toBe(true);
  });
});
