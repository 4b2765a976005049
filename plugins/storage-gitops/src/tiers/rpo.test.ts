import { rpoSeconds } from './rpo';
import { tierListSchema } from './tierInput';
import { DEFAULT_TIERS } from './defaultTiers';

describe('rpoSeconds', () => {
  it.each<[unknown, number | undefined]>([
    [{ hours: 24 }, 86400],
    [{ days: 1, hours: 12 }, 129600],
    [{ minutes: 30 }, 1800],
    ['PT24H', 86400],
    ['P1D', 86400],
    ['P1W', 604800],
    ['PT1H30M', 5400],
    ['P', undefined],
    ['PT', undefined],
    ['24h', undefined],
    [{}, undefined],
    [{ hours: -1 }, undefined],
  ])('%j → %s', (rpo, seconds) => {
    expect(rpoSeconds(rpo as never)).toBe(seconds);
  });

  it('accepts the default tiers and the shapes of TierConfig and Tier', () => {
    expect(tierListSchema.safeParse(DEFAULT_TIERS).success).toBe(true);
    expect(
      tierListSchema.safeParse([
        {
          name: 'fast',
          storageClasses: ['storage-fast'],
          rpo: 'PT24H',
          rpoSeconds: 86400,
        },
      ]).success,
    ).toBe(true);
    expect(
      tierListSchema.safeParse([
        { name: 'fast', storageClasses: [], rpo: 'PT24H' },
      ]).success,
    ).toBe(false);
  });
});
