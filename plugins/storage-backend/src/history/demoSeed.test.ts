import type { ClaimCoverage } from '@gitops-storage/plugin-storage-common';
import { historyTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseHistoryStore, migrateHistory } from './DatabaseHistoryStore';
import { DEMO_DAYS, demoVerdict, seedDemoHistory } from './demoSeed';
import { HistoryRecorder } from './HistoryRecorder';
import { HistoryService } from './HistoryService';

jest.setTimeout(60_000);

const databases = historyTestDatabases();

function claim(name: string, verdict: ClaimCoverage['verdict']): ClaimCoverage {
  return {
    cluster: 'demo',
    namespace: 'shop',
    name,
    uid: `uid-${name}`,
    tier: 'fast',
    accessModes: ['ReadWriteOnce'],
    volume: { source: 'local' },
    verdict,
    reasons: [],
    schedules: [],
  } as ClaimCoverage;
}

const claims = [
  ...Array.from({ length: 12 }, (_, i) => claim(`data-${i}`, 'protected')),
  claim('orders', 'failing'),
  claim('cache', 'stale'),
  claim('scratch', 'unprotected'),
];

const now = new Date('2026-12-02T06:00:00Z');
const logger = { error: jest.fn() } as any;

function recorderOn(store: DatabaseHistoryStore) {
  return new HistoryRecorder({
    store,
    logger,
    now: () => now,
    fleet: {
      allClaims: () => claims,
      clusters: () => [
        {
          name: 'demo',
          status: 'synced',
          resources: [
            {
              resource: 'PersistentVolumeClaim',
              status: 'synced',
              lastEventAt: now.toISOString(),
            },
          ],
        },
      ],
    },
    ownership: {
      current: async () => ({
        entityRefsOf: () => ['component:default/shop'],
        ownerOf: () => 'group:default/team-shop',
        knows: () => true,
      }),
    },
  });
}

describe('demoVerdict', () => {
  it('ends in the current verdict and is the same every time', () => {
    for (const c of claims) {
      expect(demoVerdict(c, 1) ?? c.verdict).toBe(c.verdict);
      expect(demoVerdict(c, 10)).toBe(demoVerdict(c, 10));
    }
    // Failing volumes were protected before they failed.
    expect(demoVerdict(claim('orders', 'failing'), DEMO_DAYS)).toBe(
      'protected',
    );
  });
});

describe.each(databases.eachSupportedId())('seedDemoHistory on %s', id => {
  it('seeds weeks of demo history once, before the first real recording', async () => {
    const knex = await databases.init(id);
    await migrateHistory(knex);
    const store = new DatabaseHistoryStore(knex);
    const recorder = recorderOn(store);
    const listener = { onTransitions: jest.fn(async () => {}) };
    recorder.addListener(listener);

    const seeded = await seedDemoHistory({ store, recorder, now });
    expect(seeded).toBeGreaterThan(claims.length);
    expect(await seedDemoHistory({ store, recorder, now })).toBe(0);
    expect(listener.onTransitions).not.toHaveBeenCalled();

    // The first real run finds the seeded past ending in today's verdicts.
    const real = await recorder.record();
    expect(real.transitions).toBe(0);

    const service = new HistoryService({
      store,
      retentionDays: 400,
      now: () => now,
    });
    const fleet = await service.fleet({
      days: 30,
      readable: new Set(['component:default/shop']),
    });
    expect(fleet.demo).toBe(true);
    expect(fleet.series).toHaveLength(DEMO_DAYS + 1);
    expect(fleet.series[fleet.series.length - 1].byVerdict).toMatchObject({
      protected: 12,
      failing: 1,
      stale: 1,
      unprotected: 1,
    });
    // Some volumes came later in the demo's past.
    expect(fleet.series[0].total).toBeLessThan(claims.length);

    const entity = await service.entity({
      entityRef: 'component:default/shop',
      claims: claims.map(c => ({
        cluster: c.cluster,
        namespace: c.namespace,
        name: c.name,
      })),
      days: 30,
    });
    expect(entity.demo).toBe(true);
    expect(entity.transitions.every(t => t.demo)).toBe(true);
    expect(entity.volumes).toHaveLength(claims.length);
    await knex.destroy();
  });

  it('seeds nothing into a history that has real data', async () => {
    const knex = await databases.init(id);
    await migrateHistory(knex);
    const store = new DatabaseHistoryStore(knex);
    const recorder = recorderOn(store);
    await recorder.record();
    expect(await seedDemoHistory({ store, recorder, now })).toBe(0);
    await knex.destroy();
  });
});
