import type { Knex } from 'knex';
import { historyTestDatabases } from '../__testUtils__/testDatabases';
import {
  DatabaseHistoryStore,
  migrateHistory,
  rollbackHistory,
} from './DatabaseHistoryStore';
import { dailyRollup } from './dailyRollup';
import type { CurrentVolume } from './diffVolumes';

jest.setTimeout(60_000);

const databases = historyTestDatabases();

const volume = (
  name: string,
  verdict: CurrentVolume['verdict'],
  extra: Partial<CurrentVolume> = {},
): CurrentVolume => ({
  cluster: 'prod',
  namespace: 'payments',
  name,
  uid: `uid-${name}`,
  verdict,
  reasons:
    verdict === 'protected'
      ? []
      : [{ code: 'backup-failed', message: `${name} failed` }],
  ...extra,
});

const T0 = new Date('2026-11-01T10:00:00Z');
const hoursLater = (h: number) => new Date(T0.getTime() + h * 3600_000);

function rollupOf(at: Date, volumes: CurrentVolume[]) {
  return dailyRollup(
    at.toISOString().slice(0, 10),
    volumes.map(v => ({
      cluster: v.cluster,
      tier: 'nfs',
      verdict: v.verdict,
      entities: [
        {
          ref: 'component:default/payments-api',
          owner: 'group:default/team-payments',
        },
      ],
    })),
  );
}

async function tableNames(knex: Knex): Promise<string[]> {
  const client = knex.client.config.client as string;
  if (client.includes('sqlite')) {
    const rows = await knex('sqlite_master')
      .where('type', 'table')
      .select('name');
    return rows.map(r => r.name).filter(n => n.startsWith('storage_history'));
  }
  const rows = await knex('information_schema.tables')
    .where('table_schema', 'public')
    .select('table_name');
  return rows
    .map(r => r.table_name)
    .filter((n: string) => n.startsWith('storage_history'));
}

describe.each(databases.eachSupportedId())('DatabaseHistoryStore on %s', id => {
  it('migrates up and down, and up again', async () => {
    const knex = await databases.init(id);
    await migrateHistory(knex);
    expect((await tableNames(knex)).sort()).toEqual([
      'storage_history_clusters',
      'storage_history_daily',
      'storage_history_groups',
      'storage_history_transitions',
      'storage_history_volumes',
    ]);
    await rollbackHistory(knex);
    expect(await tableNames(knex)).toEqual([]);
    await migrateHistory(knex);
    expect(await tableNames(knex)).toHaveLength(5);
    await knex.destroy();
  });

  it('stores a transition only when a verdict or backup status changes', async () => {
    const knex = await databases.init(id);
    await migrateHistory(knex);
    const store = new DatabaseHistoryStore(knex);
    expect(await store.isEmpty()).toBe(true);

    const first = [volume('ledger', 'protected'), volume('scratch', 'stale')];
    const t1 = await store.record({
      at: T0,
      clusters: ['prod'],
      volumes: first,
      rollup: rollupOf(T0, first),
    });
    expect(t1.map(t => [t.volume.name, t.from, t.to, t.seq])).toEqual([
      ['ledger', null, 'protected', 1],
      ['scratch', null, 'stale', 1],
    ]);
    expect(await store.isEmpty()).toBe(false);

    // The same verdicts again (reasons differ): nothing stored.
    const again = await store.record({
      at: hoursLater(1),
      clusters: ['prod'],
      volumes: [
        volume('ledger', 'protected'),
        volume('scratch', 'stale', {
          reasons: [{ code: 'stale-backup', message: 'other words' }],
        }),
      ],
      rollup: rollupOf(hoursLater(1), first),
    });
    expect(again).toEqual([]);

    // ledger fails, scratch's first backup is missed, a new volume, and a
    // volume of another cluster that is not recorded this time.
    const next = [
      volume('ledger', 'failing'),
      volume('scratch', 'stale', { backupStatus: 'never-backed-up' }),
      volume('media', 'protected'),
    ];
    const t2 = await store.record({
      at: hoursLater(2),
      clusters: ['prod'],
      volumes: [...next, volume('other', 'failing', { cluster: 'staging' })],
      rollup: rollupOf(hoursLater(2), next),
    });
    expect(
      t2.map(t => [t.volume.name, t.from, t.to, t.seq, t.toBackupStatus]),
    ).toEqual([
      ['ledger', 'protected', 'failing', 2, undefined],
      ['scratch', 'stale', 'stale', 2, 'never-backed-up'],
      ['media', null, 'protected', 1, undefined],
    ]);
    expect(t2[0].reasons).toEqual([
      { code: 'backup-failed', message: 'ledger failed' },
    ]);

    // scratch deleted from the cluster: a transition to null, state gone.
    const t3 = await store.record({
      at: hoursLater(3),
      clusters: ['prod'],
      volumes: [volume('ledger', 'failing'), volume('media', 'protected')],
      rollup: [],
    });
    expect(t3.map(t => [t.volume.name, t.from, t.to])).toEqual([
      ['scratch', 'stale', null],
    ]);

    const claims = ['ledger', 'scratch', 'media'].map(name => ({
      cluster: 'prod',
      namespace: 'payments',
      name,
    }));
    const states = await store.volumeStates(claims);
    expect(
      states
        .map(s => [s.name, s.verdict, s.seq, s.since])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['ledger', 'failing', 2, hoursLater(2).toISOString()],
      ['media', 'protected', 1, hoursLater(2).toISOString()],
    ]);
    const all = await store.transitionsOf(claims, T0);
    expect(all.map(t => [t.volume.name, t.seq, t.at])).toEqual([
      ['ledger', 1, T0.toISOString()],
      ['scratch', 1, T0.toISOString()],
      ['ledger', 2, hoursLater(2).toISOString()],
      ['scratch', 2, hoursLater(2).toISOString()],
      ['media', 1, hoursLater(2).toISOString()],
      ['scratch', 3, hoursLater(3).toISOString()],
    ]);
    expect(await store.transitionsOf(claims, hoursLater(3))).toHaveLength(1);
    await knex.destroy();
  });

  it('stores each transition once when two recorders race', async () => {
    const knex = await databases.init(id);
    await migrateHistory(knex);
    const a = new DatabaseHistoryStore(knex);
    const b = new DatabaseHistoryStore(knex);
    const volumes = Array.from({ length: 1200 }, (_, i) =>
      volume(`claim-${i}`, i % 3 ? 'protected' : 'failing'),
    );
    const input = {
      at: T0,
      clusters: ['prod'],
      volumes,
      rollup: rollupOf(T0, volumes),
    };
    const [ra, rb] = await Promise.all([a.record(input), b.record(input)]);
    expect(ra.length + rb.length).toBe(1200);
    const [{ n }] = await knex('storage_history_transitions').count({
      n: '*',
    });
    expect(Number(n)).toBe(1200);
    const counts = await a.dailyCounts({ fromDay: '2026-11-01' });
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(1200);
    await knex.destroy();
  });

  it('replaces the day rollup of the recorded clusters and filters it', async () => {
    const knex = await databases.init(id);
    await migrateHistory(knex);
    const store = new DatabaseHistoryStore(knex);
    const day1 = [volume('a', 'protected'), volume('b', 'failing')];
    await store.record({
      at: T0,
      clusters: ['prod'],
      volumes: day1,
      rollup: rollupOf(T0, day1),
    });
    const staging = [volume('c', 'stale', { cluster: 'staging' })];
    await store.record({
      at: T0,
      clusters: ['staging'],
      volumes: staging,
      rollup: rollupOf(T0, staging),
    });
    const later = [volume('a', 'protected'), volume('b', 'protected')];
    await store.record({
      at: hoursLater(5),
      clusters: ['prod'],
      volumes: later,
      rollup: rollupOf(hoursLater(5), later),
    });
    const nextDay = new Date('2026-11-02T01:00:00Z');
    await store.record({
      at: nextDay,
      clusters: ['prod'],
      volumes: later,
      rollup: rollupOf(nextDay, later),
    });
    const counts = await store.dailyCounts({ fromDay: '2026-11-01' });
    const byDay = (day: string) =>
      counts
        .filter(c => c.day === day)
        .map(c => [c.verdict, c.count])
        .sort();
    expect(byDay('2026-11-01')).toEqual([
      ['protected', 2],
      ['stale', 1],
    ]);
    expect(byDay('2026-11-02')).toEqual([['protected', 2]]);
    expect(
      (await store.dailyCounts({ fromDay: '2026-11-01', cluster: ['staging'] }))
        .length,
    ).toBe(1);
    expect(
      await store.dailyCounts({ fromDay: '2026-11-01', tier: ['fast'] }),
    ).toEqual([]);
    expect(counts[0].owners).toEqual(['group:default/team-payments']);
    expect(counts[0].entityRefs).toEqual(['component:default/payments-api']);

    const removed = await store.deleteOlderThan(
      new Date('2026-11-02T00:00:00Z'),
    );
    expect(removed.days).toBe(2);
    expect(removed.transitions).toBe(4);
    expect(
      (await store.dailyCounts({ fromDay: '2000-01-01' })).map(c => c.day),
    ).toEqual(['2026-11-02']);
    await knex.destroy();
  });
});
