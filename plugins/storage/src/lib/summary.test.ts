import { emptyVerdictCounts } from '@gitops-storage/plugin-storage-common';
import { protectedShare } from './summary';

const counts = (byVerdict: Partial<ReturnType<typeof emptyVerdictCounts>>) => {
  const full = { ...emptyVerdictCounts(), ...byVerdict };
  return {
    total: Object.values(full).reduce((a, b) => a + b, 0),
    byVerdict: full,
  };
};

describe('protectedShare', () => {
  it.each([
    [{}, undefined],
    [{ protected: 3, waived: 1 }, 100],
    [{ protected: 1, unprotected: 1 }, 50],
    [{ protected: 1, waived: 1, failing: 1 }, 66.6],
    [{ protected: 9999, unknown: 1 }, 99.9],
    [{ unknown: 4 }, 0],
  ])('%j → %p', (byVerdict, expected) => {
    expect(protectedShare(counts(byVerdict))).toBe(expected);
  });
});
