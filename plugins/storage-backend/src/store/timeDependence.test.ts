import type {
  ClaimCoverage,
  EvaluationContext,
} from '@gitops-storage/plugin-storage-common';
import { nextTimeDependentChange } from './timeDependence';

const ctx: EvaluationContext = {
  cluster: 'c',
  tiers: [
    { name: 'fast', storageClasses: ['x'], rpo: 'PT24H', rpoSeconds: 86400 },
  ],
  now: new Date('2026-11-26T06:00:00Z'),
};

function coverage(over: Partial<ClaimCoverage>): ClaimCoverage {
  return {
    cluster: 'c',
    namespace: 'app',
    name: 'data',
    uid: 'u',
    tier: 'fast',
    accessModes: [],
    volume: { source: 'csi' },
    verdict: 'protected',
    reasons: [],
    schedules: [],
    lastSuccessfulBackup: {
      time: '2026-11-26T02:00:00Z',
      backup: 'b',
      phase: 'Completed',
      method: 'fs-backup',
    },
    ...over,
  };
}

const restore = (time: string): ClaimCoverage['restore'] => ({
  status: 'verified',
  intervalSeconds: 3600,
  reasons: [],
  lastSuccessfulRestore: {
    time,
    restore: 'r',
    namespace: 'app-drill',
    drill: true,
    method: 'fs-backup',
    phase: 'Completed',
    outcome: 'completed',
  },
});

describe('nextTimeDependentChange', () => {
  it('is the RPO expiry of a protected claim', () => {
    expect(nextTimeDependentChange(coverage({}), undefined, ctx)).toBe(
      Date.parse('2026-11-27T02:00:00Z'),
    );
  });

  it('is the restore interval expiry when that comes first', () => {
    expect(
      nextTimeDependentChange(
        coverage({ restore: restore('2026-11-26T05:30:00Z') }),
        undefined,
        ctx,
      ),
    ).toBe(Date.parse('2026-11-26T06:30:00Z'));
  });

  it('is the restore expiry for a claim whose verdict the clock cannot change', () => {
    expect(
      nextTimeDependentChange(
        coverage({
          verdict: 'unprotected',
          restore: restore('2026-11-26T05:30:00Z'),
        }),
        undefined,
        ctx,
      ),
    ).toBe(Date.parse('2026-11-26T06:30:00Z'));
  });

  it('ignores restores that are already overdue', () => {
    const overdue = {
      ...restore('2026-11-20T00:00:00Z')!,
      status: 'overdue' as const,
    };
    expect(
      nextTimeDependentChange(
        coverage({ verdict: 'failing', restore: overdue }),
        undefined,
        ctx,
      ),
    ).toBeUndefined();
  });
});
