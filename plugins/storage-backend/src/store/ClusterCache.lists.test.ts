import type { ClusterStatus } from '@gitops-storage/plugin-storage-common';
import type { ClusterSink, ClusterSource } from '../sources/ClusterSource';
import { ClusterCache } from './ClusterCache';

/** A source that hands its sink to the test and is synced at once. */
class DrivenSource implements ClusterSource {
  readonly name = 'test';
  readonly type = 'kubernetes';
  sink!: ClusterSink;
  async start(sink: ClusterSink) {
    this.sink = sink;
  }
  async stop() {}
  status(): ClusterStatus {
    return { name: this.name, status: 'synced' };
  }
}

// As a typed list returns them: no apiVersion/kind on the items.
const claim = (name: string) => ({
  metadata: { name, namespace: 'payments', uid: `uid-${name}` },
  spec: { storageClassName: 'storage-nfs' },
});

function setup() {
  const source = new DrivenSource();
  const cache = new ClusterCache({
    source,
    tiers: [],
    veleroNamespace: 'velero',
  });
  return { cache, source };
}

describe('ClusterCache lists', () => {
  it('projects the first list of a kind as its objects arrive, holding none of them raw', async () => {
    const { cache, source } = setup();
    await cache.start();
    source.sink.listStarted('PersistentVolumeClaim');
    source.sink.upsert('PersistentVolumeClaim', claim('ledger'));
    // Already in the state before the list is finished: nothing was buffered.
    expect(cache.state.claim('payments/ledger')).toMatchObject({
      uid: 'uid-ledger',
    });
    source.sink.listFinished('PersistentVolumeClaim');
    cache.flush();
    expect(cache.allCoverage().map(c => c.name)).toEqual(['ledger']);
  });

  it('replaces what a kind held when it is listed again (after 410 Gone or a failed list)', async () => {
    const { cache, source } = setup();
    await cache.start();
    const { sink } = source;
    sink.listStarted('PersistentVolumeClaim');
    sink.upsert('PersistentVolumeClaim', claim('ledger'));
    sink.upsert('PersistentVolumeClaim', claim('scratch'));
    sink.listFinished('PersistentVolumeClaim');

    sink.listStarted('PersistentVolumeClaim');
    sink.upsert('PersistentVolumeClaim', claim('ledger'));
    // Until the relist is complete, the state keeps what it had.
    expect(cache.state.claim('payments/scratch')).toBeDefined();
    sink.listFinished('PersistentVolumeClaim');
    cache.flush();

    expect(cache.state.claim('payments/scratch')).toBeUndefined();
    expect(cache.allCoverage().map(c => c.name)).toEqual(['ledger']);
  });
});
