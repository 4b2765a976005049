import {
  InMemoryResourceStore,
  loadObjects,
} from '@gitops-storage/fake-kube-apiserver';
import { RESOURCE_KINDS } from '@gitops-storage/plugin-storage-common';
import { writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { FaultHarness, HARNESS_LIMITS } from '../__testUtils__/faultHarness';
import { pathOf } from '../__testUtils__/fakeCluster';
import { paymentsSnapshot } from '../__testUtils__/snapshotFixture';
import {
  figuresTable,
  measureFault,
  type FaultFigures,
} from '../__testUtils__/measureFault';

/**
 * The fault matrix (issue 11): each fault is applied over real HTTP to the
 * fake API server the live path reads (client-node's KubeConfig, our
 * transport, the reflector, the cache), with the production backoff. Each
 * case asserts that no claim is `protected` on data older than
 * staleAfterSeconds, that the cluster recovers by itself when the fault
 * ends, and that memory and request rate stay bounded.
 *
 * Figures are printed as a table, and written as JSON to
 * $FAULT_MATRIX_REPORT when set.
 */
const STALE_MS = HARNESS_LIMITS.staleAfterSeconds * 1000;
const DURATION_MS = 4000;
const figures: FaultFigures[] = [];

type Case = {
  name: string;
  apply: (h: FaultHarness) => void;
  /**
   * true: unknown is expected (Velero data cannot be refreshed); false:
   * data keeps being confirmed; 'either': confirmations may lapse for longer
   * than the test's short staleAfter, e.g. while backing off.
   */
  unknown: boolean | 'either';
  maxRequestRate?: number;
  maxRssGrowthMiB?: number;
  /** Claims refused on ingest, as /clusters reports them. */
  skippedClaims?: number;
};

const VELERO = ['backups', 'schedules', 'podvolumebackups'];
function onVelero(h: FaultHarness, fault: Record<string, unknown>) {
  for (const resource of VELERO)
    h.server.addFault({ resource, ...fault } as never);
  h.server.dropWatches();
}

const cases: Case[] = [
  {
    name: 'HTTP 500 on Velero kinds',
    unknown: true,
    apply: h => onVelero(h, { status: 500 }),
  },
  {
    name: 'HTTP 429 on Velero kinds',
    unknown: true,
    apply: h => onVelero(h, { status: 429 }),
  },
  {
    name: 'HTTP 403 on Velero kinds',
    unknown: true,
    apply: h => onVelero(h, { status: 403 }),
  },
  {
    name: 'HTTP 404 on Velero kinds (CRDs gone)',
    unknown: true,
    apply: h => onVelero(h, { status: 404 }),
  },
  {
    name: 'hung requests on Velero kinds',
    unknown: true,
    apply: h => onVelero(h, { hang: true }),
  },
  {
    name: 'garbage watch events on Velero kinds (lists hang)',
    unknown: true,
    apply: h => {
      for (const resource of VELERO) {
        h.server.addFault({ resource, watch: true, garbage: true });
        h.server.addFault({ resource, watch: false, hang: true });
      }
      h.server.dropWatches();
    },
  },
  {
    name: 'an endless watch line (lists hang)',
    unknown: true,
    maxRssGrowthMiB: 150,
    apply: h => {
      h.server.addFault({
        resource: 'backups',
        watch: true,
        endlessLine: true,
      });
      h.server.addFault({ resource: 'backups', watch: false, hang: true });
      h.server.dropWatches();
    },
  },
  {
    name: '410 Gone on every watch',
    unknown: 'either',
    // Every kind; without backoff between relists this was ~400/s.
    maxRequestRate: 25,
    apply: h => {
      h.server.addFault({ watch: true, watchError: 410 });
      h.server.dropWatches();
    },
  },
  {
    name: 'slow answers (700 ms) everywhere',
    unknown: 'either',
    apply: h => {
      h.server.addFault({ delayMs: 700 });
      h.server.dropWatches();
    },
  },
  {
    name: 'malformed objects in every list',
    unknown: 'either',
    skippedClaims: 2,
    apply: h => {
      h.server.addFault({
        watch: false,
        injectItems: [
          { metadata: null },
          { metadata: { name: 'x'.repeat(200_000), namespace: 'payments' } },
        ],
      });
      // Every kind's watch gets 410 once, so every kind relists.
      h.server.addFault({
        watch: true,
        watchError: 410,
        times: RESOURCE_KINDS.length,
      });
      h.server.dropWatches();
    },
  },
];

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('fault matrix over real HTTP', () => {
  let harness: FaultHarness;

  beforeEach(async () => {
    harness = new FaultHarness();
    await harness.start();
  }, 30_000);

  afterEach(() => harness.stop(), 30_000);

  afterAll(() => {
    process.stdout.write(
      `\nFault matrix (staleAfterSeconds ${
        HARNESS_LIMITS.staleAfterSeconds
      }, each fault ${DURATION_MS / 1000} s):\n${figuresTable(figures)}\n`,
    );
    if (process.env.FAULT_MATRIX_REPORT) {
      writeFileSync(
        process.env.FAULT_MATRIX_REPORT,
        JSON.stringify(figures, null, 2),
      );
    }
  });

  it.each(cases)(
    '$name',
    async c => {
      // The most objects refused at any one time, sampled through the fault
      // and the recovery: each relist counts afresh, and when one runs
      // (during the fault or after it) depends on the machine's load.
      const skippedClaims = () =>
        harness.cache
          .clusterStatus()
          .resources!.find(r => r.resource === 'PersistentVolumeClaim')
          ?.skipped ?? 0;
      let mostSkipped = 0;
      const sampler = setInterval(() => {
        mostSkipped = Math.max(mostSkipped, skippedClaims());
      }, 25);
      const result = await measureFault(
        harness,
        c.name,
        () => c.apply(harness),
        () => harness.server.clearFaults(),
        {
          durationMs: DURATION_MS,
          staleAfterMs: STALE_MS,
          recoverWithinMs: 20_000,
        },
      );
      clearInterval(sampler);
      mostSkipped = Math.max(mostSkipped, skippedClaims());
      figures.push(result);
      expect(result.staleProtected).toBe(0);
      const wentUnknown = result.timeToUnknownMs !== undefined;
      expect(c.unknown === 'either' || wentUnknown === c.unknown).toBe(true);
      // staleAfter, plus a request timeout and a flush.
      expect(result.timeToUnknownMs ?? 0).toBeLessThan(STALE_MS + 2000);
      expect(result.recoveryMs).toBeDefined();
      expect(result.requestRate).toBeLessThan(c.maxRequestRate ?? 25);
      expect(result.peakRssGrowthMiB).toBeLessThan(c.maxRssGrowthMiB ?? 100);
      // Memory returns to its baseline once the fault is over.
      expect(result.heapAfterMiB).toBeLessThan(64);
      expect(mostSkipped).toBe(c.skippedClaims ?? 0);
    },
    40_000,
  );

  it('is unknown while the API server is down, and follows a restart with other data', async () => {
    await measureFault(
      harness,
      'baseline',
      () => undefined,
      () => undefined,
      { durationMs: 0, staleAfterMs: STALE_MS, recoverWithinMs: 5000 },
    );
    const down = Date.now();
    await harness.server.close();
    let unknownAfter: number | undefined;
    let staleProtected = 0;
    while (Date.now() - down < 3500) {
      const verdict = harness.verdict();
      if (verdict === 'unknown' && unknownAfter === undefined)
        unknownAfter = Date.now() - down;
      if (verdict === 'protected' && harness.oldestDataAgeMs() > STALE_MS + 60)
        staleProtected++;
      await sleep(25);
    }
    expect(unknownAfter).toBeDefined();
    expect(staleProtected).toBe(0);

    // Another server with other data whose resourceVersions overlap ours:
    // its event log after our version says nothing of the differences (the
    // ledger's backup is gone, a claim was added), so only a relist shows them.
    const { items } = parse(paymentsSnapshot(new Date()));
    const store = new InMemoryResourceStore();
    loadObjects(
      store,
      items.filter((o: { kind: string }) => o.kind !== 'PodVolumeBackup'),
    );
    store.put(pathOf('PersistentVolumeClaim'), {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'after-restart', namespace: 'payments', uid: 'pvc-a' },
      spec: { storageClassName: 'storage-nfs' },
    });
    store.put(pathOf('Namespace'), {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'filler' },
    });
    const up = Date.now();
    await harness.serve(store);
    let followedAfter: number | undefined;
    while (Date.now() - up < 20_000) {
      const ledger = harness.cache.coverage('payments/ledger');
      if (
        harness.cache.coverage('payments/after-restart') &&
        ledger &&
        ledger.verdict !== 'unknown' &&
        !ledger.lastSuccessfulBackup
      ) {
        followedAfter = Date.now() - up;
        break;
      }
      await sleep(25);
    }
    expect(followedAfter).toBeDefined();
    figures.push({
      fault: 'API server down 3.5 s, back with other data',
      timeToUnknownMs: unknownAfter,
      recoveryMs: followedAfter,
      staleProtected: 0,
      peakRssGrowthMiB: 0,
      heapAfterMiB: 0,
      requestRate: 0,
    });
  }, 40_000);
});
