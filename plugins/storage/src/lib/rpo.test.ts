import {
  claim,
  failingClaim,
  protectedClaim,
  staleClaim,
  tiers,
  unknownClaim,
  unprotectedClaim,
  waivedClaim,
} from '../__testUtils__/fixtures';
import { assessOldestBackup, claimsNeverBackedUp } from './rpo';

describe('assessOldestBackup', () => {
  const now = Date.now();

  it('is undefined without any successful backup', () => {
    expect(assessOldestBackup(undefined, [], tiers, now)).toBeUndefined();
  });

  it('finds the claim and compares the age with its tier RPO', () => {
    const claims = [protectedClaim, staleClaim];
    const result = assessOldestBackup(
      staleClaim.lastSuccessfulBackup,
      claims,
      tiers,
      now,
    );
    expect(result?.claim?.name).toBe('ledger');
    expect(result?.rpoSeconds).toBe(7 * 86400);
    expect(result?.ageSeconds).toBeGreaterThan(8.9 * 86400);
    expect(result?.withinRpo).toBe(false);
  });

  it('reports a backup within the RPO', () => {
    const result = assessOldestBackup(
      protectedClaim.lastSuccessfulBackup,
      [protectedClaim],
      tiers,
      now,
    );
    expect(result?.withinRpo).toBe(true);
  });

  it('leaves the comparison open when the tiers are not known', () => {
    const result = assessOldestBackup(
      failingClaim.lastSuccessfulBackup,
      [failingClaim],
      undefined,
      now,
    );
    expect(result?.claim?.name).toBe('cache');
    expect(result?.rpoSeconds).toBeUndefined();
    expect(result?.withinRpo).toBeUndefined();
  });

  it('leaves the comparison open for an unclassified claim', () => {
    const unclassified = claim({ tier: 'unclassified' });
    const result = assessOldestBackup(
      unclassified.lastSuccessfulBackup,
      [unclassified],
      tiers,
      now,
    );
    expect(result?.withinRpo).toBeUndefined();
  });
});

describe('claimsNeverBackedUp', () => {
  it('counts claims that need a backup and never had one', () => {
    expect(
      claimsNeverBackedUp([
        protectedClaim,
        unprotectedClaim,
        waivedClaim,
        unknownClaim,
        failingClaim,
      ]).map(c => c.name),
    ).toEqual(['uploads']);
  });
});
