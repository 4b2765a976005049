import type { Tier } from '@gitops-storage/plugin-storage-common';
import { parse } from 'yaml';
import { ManualSource } from '../__testUtils__/ManualSource';
import { paymentsSnapshot } from '../__testUtils__/snapshotFixture';
import { ClusterCache } from './ClusterCache';

const NOW = new Date('2026-11-26T06:00:00Z');
const tiers: Tier[] = [
  {
    name: 'nfs',
    storageClasses: ['storage-nfs'],
    rpo: 'PT2H',
    rpoSeconds: 7200,
  },
];

function setup(now = () => NOW, gate?: Promise<void>) {
  const objects = parse(paymentsSnapshot(NOW)).items;
  const source = new ManualSource(objects, gate);
  const onChange = jest.fn();
  const cache = new ClusterCache({
    source,
    tiers,
    veleroNamespace: 'velero',
    now,
    onChange,
  });
  return { cache, source, onChange, objects };
}

describe('ClusterCache', () => {
  it('judges no claim before the first full sync, then all of them', async () => {
    let release!: () => void;
    const { cache, source } = setup(
      () => NOW,
      new Promise<void>(r => (release = r)),
    );
    const start = cache.start();
    // Every object has been delivered, but the source has not finished its
    // first sync: Velero kinds might still be on their way.
    expect(source.sink).toBeDefined();
    cache.flush();
    expect(cache.allCoverage()).toEqual([]);
    release();
    await start;
    expect(cache.allCoverage().map(c => [c.name, c.verdict])).toEqual(
      expect.arrayContaining([
        ['ledger', 'protected'],
        ['scratch', 'unprotected'],
      ]),
    );
  });

  it('recomputes only the claims an event affects', async () => {
    const { cache, source, onChange } = setup();
    await cache.start();
    const before = cache.coverage('payments/scratch');

    // The pod stops mounting nothing new; a change to the ledger's pod.
    const pod = source.objects.find((o: any) => o.kind === 'Pod') as any;
    source.sink.upsert('Pod', { ...pod, status: { phase: 'Failed' } });
    cache.flush();

    expect(onChange).toHaveBeenCalled();
    expect(
      cache.coverage('payments/ledger')!.reasons.map(r => r.code),
    ).toContain('no-running-pod');
    // The other claim's verdict object was not recomputed.
    expect(cache.coverage('payments/scratch')).toBe(before);
  });

  it('turns a protected claim stale when its RPO passes, without an event', async () => {
    let now = NOW;
    const { cache } = setup(() => now);
    await cache.start();
    expect(cache.coverage('payments/ledger')!.verdict).toBe('protected');
    const revision = cache.revision;

    // Last success was 1 h before NOW; the tier's RPO is 2 h.
    now = new Date(NOW.getTime() + 61 * 60_000);
    expect(cache.coverage('payments/ledger')!.verdict).toBe('stale');
    expect(cache.revision).toBeGreaterThan(revision);
  });

  it('forgets a deleted claim', async () => {
    const { cache, source } = setup();
    await cache.start();
    const claim = source.objects.find(
      (o: any) =>
        o.kind === 'PersistentVolumeClaim' && o.metadata.name === 'scratch',
    );
    source.sink.remove('PersistentVolumeClaim', claim);
    cache.flush();
    expect(cache.coverage('payments/scratch')).toBeUndefined();
    expect(cache.allCoverage().map(c => c.name)).toEqual(['ledger']);
  });

  it('finds pods and claims by their kubernetes-id label', async () => {
    const { cache } = setup();
    await cache.start();
    expect([...cache.pods.withKubernetesId('payments-api')]).toEqual([
      'payments/payments-api-0',
    ]);
  });
  it('reads the source status again only after the source told it something', async () => {
    const { cache, source } = setup();
    await cache.start();
    const status = jest.spyOn(source, 'status');
    const first = cache.clusterStatus();
    expect(cache.clusterStatus()).toBe(first);
    expect(status).toHaveBeenCalledTimes(1);
    source.setStatus({ status: 'lagging', error: 'list did not complete' });
    expect(cache.clusterStatus()).toMatchObject({
      name: 'test',
      status: 'lagging',
    });
    expect(status).toHaveBeenCalledTimes(2);
  });
});
