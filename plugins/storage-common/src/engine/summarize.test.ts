import type { ClaimCoverage, Verdict } from '../model';
import { compareWorstFirst, coveragePercent, summarize } from './summarize';

function claim(
  cluster: string,
  namespace: string,
  name: string,
  tier: string,
  verdict: Verdict,
): ClaimCoverage {
  return {
    cluster,
    namespace,
    name,
    uid: name,
    tier,
    accessModes: [],
    volume: { source: 'local' },
    verdict,
    reasons: [],
    schedules: [],
  };
}

const claims = [
  claim('a', 'payments', 'db', 'fast', 'protected'),
  claim('a', 'payments', 'cache', 'fast', 'unprotected'),
  claim('a', 'media', 'originals', 'local', 'unprotected'),
  claim('b', 'payments', 'db', 'fast', 'waived'),
  claim('b', 'search', 'index', 'bulk', 'stale'),
  claim('b', 'search', 'index-2', 'bulk', 'unknown'),
];

describe('summarize', () => {
  it('counts per verdict, tier, cluster and cluster/namespace', () => {
    const summary = summarize(claims);
    expect(summary.total).toBe(6);
    expect(summary.byVerdict).toEqual({
      unknown: 1,
      waived: 1,
      unprotected: 2,
      failing: 0,
      stale: 1,
      protected: 1,
    });
    expect(summary.byTier.fast).toEqual({
      total: 3,
      byVerdict: {
        unknown: 0,
        waived: 1,
        unprotected: 1,
        failing: 0,
        stale: 0,
        protected: 1,
      },
    });
    expect(Object.keys(summary.byTier).sort()).toEqual([
      'bulk',
      'fast',
      'local',
    ]);
    expect(summary.byCluster.a.total).toBe(3);
    expect(summary.byCluster.b.byVerdict.unknown).toBe(1);
    expect(Object.keys(summary.byNamespace).sort()).toEqual([
      'a/media',
      'a/payments',
      'b/payments',
      'b/search',
    ]);
    expect(summary.byNamespace['a/payments'].total).toBe(2);
  });

  it('is empty for no claims', () => {
    expect(summarize([])).toMatchObject({
      total: 0,
      byTier: {},
      byCluster: {},
      byNamespace: {},
    });
  });
});

describe('coveragePercent', () => {
  it('counts protected and waived claims as covered', () => {
    expect(coveragePercent(summarize(claims))).toBeCloseTo((2 / 6) * 100, 6);
    expect(coveragePercent(summarize([]))).toBe(100);
  });
});

describe('compareWorstFirst', () => {
  it('orders by severity, then cluster, namespace and name', () => {
    expect(
      [...claims]
        .sort(compareWorstFirst)
        .map(c => `${c.verdict} ${c.cluster}/${c.namespace}/${c.name}`),
    ).toEqual([
      'unprotected a/media/originals',
      'unprotected a/payments/cache',
      'unknown b/search/index-2',
      'stale b/search/index',
      'waived b/payments/db',
      'protected a/payments/db',
    ]);
  });
});
