import { VERDICTS_WORST_FIRST, type VerdictCounts } from '@gitops-storage/plugin-storage-common';
import { coverageShare, formatShare } from './share';

function counts(ok: number, total: number): VerdictCounts {
  const byVerdict = Object.fromEntries(VERDICTS_WORST_FIRST.map(v => [v, 0])) as VerdictCounts['byVerdict'];
  byVerdict.protected = ok;
  byVerdict.unprotected = total - ok;
  return { total, byVerdict };
}

describe('coverageShare', () => {
  it.each([
    [8, 30, '26.6%'],
    [2, 3, '66.6%'],
    [57, 100, '57.0%'],
    [29, 100, '29.0%'],
    [999, 1000, '99.9%'],
    [9999, 10000, '99.9%'],
    [1, 1, '100.0%'],
    [0, 7, '0.0%'],
    [0, 0, '100.0%'],
  ])('%d of %d is %s (rounded down)', (ok, total, printed) => {
    expect(formatShare(coverageShare(counts(ok, total)))).toBe(printed);
  });

  it('never reads more than the exact share, nor 0.1 less', () => {
    for (let total = 1; total <= 300; total++) {
      for (let ok = 0; ok <= total; ok++) {
        const share = coverageShare(counts(ok, total));
        const exact = (ok / total) * 100;
        expect(share).toBeLessThanOrEqual(exact + 1e-9);
        expect(exact - share).toBeLessThan(0.1);
      }
    }
  });
});
