import { claim, hostPathClaim } from '../../__testUtils__/fixtures';
import { fixForClaim } from './FixTemplateLink';

describe('fixForClaim', () => {
  it('never prefills the tier of a hostPath volume (Velero cannot back it up there)', () => {
    const local = claim({
      ...hostPathClaim,
      tier: 'local',
      storageClass: 'storage-local',
    });
    const fix = fixForClaim(local, 'payments');
    expect(fix?.template).toBe('storage-volume-request');
    expect(fix?.formData).not.toHaveProperty('tier');
    expect(fix?.formData).toMatchObject({
      claimName: 'scratch-logs',
      size: '5Gi',
    });
  });

  it('keeps the tier for the schedules fix of a namespace without schedules', () => {
    const fix = fixForClaim(
      claim({
        tier: 'nfs',
        verdict: 'unprotected',
        reasons: [{ code: 'no-matching-schedule', message: 'x' }],
      }),
    );
    expect(fix?.formData).toEqual({
      namespaces: [{ name: 'payments', tiers: ['nfs'] }],
    });
  });

  it.each([
    'label-selector-mismatch',
    'excluded-by-label',
    'excluded-by-annotation',
    'backup-failed',
  ] as const)(
    'offers no new schedule for a gap a schedule does not close (%s)',
    code => {
      const fix = fixForClaim(
        claim({
          tier: 'nfs',
          verdict: 'unprotected',
          reasons: [
            { code, message: 'x' },
            { code: 'no-matching-schedule', message: 'x' },
          ],
        }),
      );
      expect(fix).toBeUndefined();
    },
  );
});
