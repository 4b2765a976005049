import { mockServices } from '@backstage/backend-test-utils';
import {
  FakeKubeApiServer,
  InMemoryResourceStore,
  loadObjects,
} from '@gitops-storage/fake-kube-apiserver';
import {
  RESOURCE_KINDS,
  type Tier,
  type Verdict,
} from '@gitops-storage/plugin-storage-common';
import { parse } from 'yaml';
import { kubeConfigFor } from '../config/kubeConfigFor';
import { createClientNodeTransport } from '../sources/kubernetes/clientNodeTransport';
import { KubernetesClusterSource } from '../sources/kubernetes/KubernetesClusterSource';
import { ClusterCache } from '../store/ClusterCache';
import { paymentsSnapshot } from './snapshotFixture';

const TIERS: Tier[] = [
  {
    name: 'nfs',
    storageClasses: ['storage-nfs'],
    rpo: 'PT24H',
    rpoSeconds: 86400,
  },
];

export const HARNESS_LIMITS = {
  staleAfterSeconds: 2,
  requestTimeoutMs: 1000,
  watchIdleMs: 1500,
  maxMessageBytes: 1024 * 1024,
};

/** The payments fixture's objects, as a fresh store. */
export function paymentsStore(now = new Date()): InMemoryResourceStore {
  const store = new InMemoryResourceStore();
  loadObjects(store, parse(paymentsSnapshot(now)).items);
  return store;
}

/**
 * The backend's live path end to end, minus the HTTP API: a ClusterCache fed
 * by KubernetesClusterSource through client-node's KubeConfig and our
 * transport, reading a fake API server over real HTTP on 127.0.0.1. Uses the
 * production backoff (0.8 s → 30 s) and short limits so faults show quickly.
 */
export class FaultHarness {
  server!: FakeKubeApiServer;
  store!: InMemoryResourceStore;
  cache!: ClusterCache;
  source!: KubernetesClusterSource;
  port = 0;

  async start(store = paymentsStore()) {
    await this.serve(store);
    this.source = new KubernetesClusterSource({
      name: 'live',
      veleroNamespace: 'velero',
      transport: async () =>
        createClientNodeTransport(
          await kubeConfigFor({
            type: 'kubernetes',
            name: 'live',
            url: this.server.url,
            auth: { type: 'serviceAccount', token: 'token' },
            skipTLSVerify: true,
          }),
          HARNESS_LIMITS,
        ),
      logger: mockServices.logger.mock(),
      watchIdleMs: HARNESS_LIMITS.watchIdleMs,
      staleAfterMs: HARNESS_LIMITS.staleAfterSeconds * 1000,
    });
    this.cache = new ClusterCache({
      source: this.source,
      tiers: TIERS,
      veleroNamespace: 'velero',
      staleAfterSeconds: HARNESS_LIMITS.staleAfterSeconds,
      flushDelayMs: 10,
    });
    await this.cache.start();
  }

  /** Starts (or restarts, on the same port) the fake API server. */
  async serve(store: InMemoryResourceStore) {
    this.store = store;
    this.server = await FakeKubeApiServer.start({
      store,
      bookmarkIntervalMs: 200,
      port: this.port,
    });
    this.port = Number(new URL(this.server.url).port);
  }

  async stop() {
    await this.cache?.stop();
    await this.server?.close();
  }

  verdict(key = 'payments/ledger'): Verdict | undefined {
    return this.cache.coverage(key)?.verdict;
  }

  /** The age (ms) of the oldest data among the kinds the cluster serves. */
  oldestDataAgeMs(now = Date.now()): number {
    let oldest = 0;
    for (const kind of RESOURCE_KINDS) {
      if (this.cache.state.readability(kind).status !== 'readable') continue;
      const at = this.cache.state.confirmedAt(kind);
      oldest = Math.max(oldest, at === undefined ? Infinity : now - at);
    }
    return oldest;
  }
}
