import { mockServices } from '@backstage/backend-test-utils';
import type {
  EntityStorageResponse,
  Tier,
} from '@gitops-storage/plugin-storage-common';
import { parse } from 'yaml';
import { ManualSource } from '../__testUtils__/ManualSource';
import { paymentsSnapshot } from '../__testUtils__/snapshotFixture';
import type { EntityTarget } from '../entities/entityTarget';
import { ClusterCache } from '../store/ClusterCache';
import { FleetStore } from '../store/FleetStore';
import { EntityAnswers } from './entityAnswers';

const START = Date.parse('2026-11-26T06:00:00Z');
// The fixture's newest copy of `ledger` is 1 h old; its RPO is 2 h.
const tiers: Tier[] = [
  {
    name: 'nfs',
    storageClasses: ['storage-nfs'],
    rpo: 'PT2H',
    rpoSeconds: 7200,
  },
];
const payments: EntityTarget = {
  selector: { matchLabels: { 'backstage.io/kubernetes-id': 'payments-api' } },
  kubernetesId: 'payments-api',
};

async function setup() {
  let now = START;
  const clock = () => new Date(now);
  const east = new ManualSource(
    parse(paymentsSnapshot(new Date(START))).items,
    undefined,
    'east',
  );
  const west = new ManualSource([], undefined, 'west');
  const caches = [east, west].map(
    source =>
      new ClusterCache({
        source,
        tiers,
        veleroNamespace: 'velero',
        now: clock,
        flushDelayMs: 0,
      }),
  );
  const store = new FleetStore(caches, mockServices.logger.mock());
  await store.start();
  const answers = new EntityAnswers(store, { now: () => now });
  const read = (ref = 'component:default/payments-api', target = payments) => {
    const answer = answers.answer(ref, target);
    return {
      ...answer,
      body: JSON.parse(answer.json) as EntityStorageResponse,
    };
  };
  return {
    store,
    answers,
    east,
    west,
    caches,
    read,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('EntityAnswers', () => {
  it('answers what the store holds, with the same body until something changes', async () => {
    const { read } = await setup();
    const first = read();
    expect(first.body.entityRef).toBe('component:default/payments-api');
    expect(first.body.claims.map(c => [c.name, c.verdict])).toEqual([
      ['ledger', 'protected'],
    ]);
    expect(first.body.summary).toMatchObject({
      total: 1,
      worstVerdict: 'protected',
    });
    const again = read();
    expect(again.etag).toBe(first.etag);
    expect(again.json).toBe(first.json);
  });

  it('lists only the clusters that hold its volumes or could hide some', async () => {
    const { read, west } = await setup();
    expect(read().body.clusters.map(c => c.name)).toEqual(['east']);

    // West holds none of its volumes, but now cannot be read: its volumes
    // could be missing from the answer, so its status is part of it.
    west.setStatus({ status: 'unreachable', error: 'connect refused' });
    const withProblem = read();
    expect(withProblem.body.clusters.map(c => [c.name, c.status])).toEqual([
      ['east', 'synced'],
      ['west', 'unreachable'],
    ]);

    west.setStatus({
      status: 'synced',
      resources: [
        { resource: 'Pod', status: 'forbidden', error: 'pods is forbidden' },
      ],
    });
    expect(read().body.clusters.map(c => c.name)).toEqual(['east', 'west']);
  });

  it('changes its validator with cluster status, which is read on every request', async () => {
    const { read, east } = await setup();
    const before = read();
    east.setStatus({
      status: 'synced',
      lastConfirmedAt: '2026-11-26T06:00:05Z',
    });
    const after = read();
    expect(after.etag).not.toBe(before.etag);
    expect(after.body.clusters[0].lastConfirmedAt).toBe('2026-11-26T06:00:05Z');
  });

  it("recomputes after a watch event changes the entity's claims", async () => {
    const { read, east, caches } = await setup();
    const before = read();
    const pod = east.objects.find((o: any) => o.kind === 'Pod') as any;
    east.sink.remove('Pod', pod);
    caches[0].flush();
    const after = read();
    expect(after.etag).not.toBe(before.etag);
    expect(after.body.claims).toEqual([]);
  });

  it('recomputes when the clock alone changes a verdict (RPO passed)', async () => {
    const { read, advance } = await setup();
    const before = read();
    advance(30 * 60_000); // copy 1.5 h old: still within the 2 h RPO
    expect(read().etag).toBe(before.etag);
    advance(31 * 60_000); // 2.02 h old
    const after = read();
    expect(after.etag).not.toBe(before.etag);
    expect(after.body.claims[0]).toMatchObject({
      name: 'ledger',
      verdict: 'stale',
    });
  });

  it('answers an entity without a Kubernetes target with no claims and no clusters', async () => {
    const { answers } = await setup();
    const answer = answers.answer('component:default/docs', undefined);
    expect(JSON.parse(answer.json)).toEqual({
      entityRef: 'component:default/docs',
      claims: [],
      summary: expect.objectContaining({ total: 0 }),
      clusters: [],
    });
  });

  it('keeps its answers within the bound, dropping the least recently used', async () => {
    const { store } = await setup();
    const one = new EntityAnswers(store, { maxChars: 1 }).answer(
      'component:default/a',
      payments,
    );
    expect(one.json).toContain('ledger');
    const bounded = new EntityAnswers(store, { maxChars: 3000 });
    for (const name of ['a', 'b', 'c', 'd', 'e'])
      bounded.answer(`component:default/${name}`, payments);
    expect(bounded.size.chars).toBeLessThanOrEqual(3000);
    expect(bounded.size.entries).toBeGreaterThan(0);
    expect(bounded.size.entries).toBeLessThan(5);
  });

  it('never gives two processes the same validator for their first answer', async () => {
    const { store } = await setup();
    const a = new EntityAnswers(store).answer('component:default/x', payments);
    const b = new EntityAnswers(store).answer('component:default/x', payments);
    expect(a.json).toBe(b.json);
    expect(a.etag).not.toBe(b.etag);
  });
});
