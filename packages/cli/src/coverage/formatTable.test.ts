import type { ClaimCoverage } from '@gitops-storage/plugin-storage-common';
import { backupAge, fit, wrap } from './formatTable';

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

describe('backupAge', () => {
  const now = new Date('2026-11-26T06:00:00Z');
  const claim = (c: Partial<ClaimCoverage>): ClaimCoverage => ({
    cluster: 'c',
    namespace: 'n',
    name: 'd',
    uid: 'u',
    tier: 'fast',
    accessModes: [],
    volume: { source: 'local' },
    verdict: 'stale',
    reasons: [],
    schedules: [],
    ...c,
  });
  it.each<[string, Partial<ClaimCoverage>, string]>([
    ['a copy 3 hours old', { lastSuccessfulBackup: { time: '2026-11-26T03:00:00Z', backup: 'b', phase: 'Completed', method: 'fs-backup' } }, '3h'],
    ['never had a good copy', { backupStatus: 'never-backed-up' }, 'never'],
    ['first run not due yet', { backupStatus: 'awaiting-first-backup' }, 'new'],
    // Expired or deleted copies: it had one, so not "never".
    ['copies that no longer count', {}, '-'],
    ['not covered at all', { verdict: 'unprotected' }, 'never'],
  ])('%s → %s', (_name, c, age) => {
    expect(backupAge(claim(c), now)).toBe(age);
  });
});
