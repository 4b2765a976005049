import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  FakeKubeApiServer,
  InMemoryResourceStore,
  loadObjects,
  writeKubeconfig,
} from '@gitops-storage/fake-kube-apiserver';
import request from 'supertest';
import { parse } from 'yaml';
import { pathOf } from './__testUtils__/fakeCluster';
import { eventually } from './__testUtils__/RecordingSink';
import { paymentsSnapshot } from './__testUtils__/snapshotFixture';
import { startStorageTestBackend } from './__testUtils__/startStorageTestBackend';

/**
 * The plugin reading a live cluster: client-node lists and watches a fake API
 * server (real HTTP on 127.0.0.1), configured through a kubeconfig file.
 */
describe('storage backend plugin on a live cluster', () => {
  const dir = createMockDirectory();
  let server: FakeKubeApiServer;
  let store: InMemoryResourceStore;

  beforeEach(async () => {
    store = new InMemoryResourceStore();
    loadObjects(store, parse(paymentsSnapshot(new Date())).items);
    server = await FakeKubeApiServer.start({ store, bookmarkIntervalMs: 100 });
    writeKubeconfig(`${dir.path}/kubeconfig`, [
      { name: 'live', server: server.url },
    ]);
  });

  afterEach(() => server.close());

  async function startBackend() {
    const backend = await startStorageTestBackend({
      storage: {
        tiers: [{ name: 'nfs', storageClasses: ['storage-nfs'], rpo: 'PT24H' }],
        clusters: [
          {
            name: 'live',
            authProvider: 'kubeconfig',
            kubeconfigPath: `${dir.path}/kubeconfig`,
            context: 'live',
          },
        ],
      },
      waitUntilSynced: false,
    });
    return backend.server;
  }

  async function ledger(http: Awaited<ReturnType<typeof startBackend>>) {
    const res = await request(http).get(
      '/api/storage/entities/default/component/payments-api',
    );
    expect(res.status).toBe(200);
    return res.body.claims.find((c: { name: string }) => c.name === 'ledger');
  }

  it('serves verdicts from list + watch, and follows a volume backup that fails', async () => {
    const http = await startBackend();
    await eventually(async () =>
      expect((await ledger(http))?.verdict).toBe('protected'),
    );

    // Velero's next backup reaches the volume and fails.
    const now = new Date().toISOString();
    store.put(pathOf('Backup'), {
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      metadata: {
        name: 'payments-daily-2',
        namespace: 'velero',
        uid: 'backup-2',
        labels: { 'velero.io/schedule-name': 'payments-daily' },
      },
      spec: { includedNamespaces: ['payments'], storageLocation: 'default' },
      status: {
        phase: 'PartiallyFailed',
        startTimestamp: now,
        completionTimestamp: now,
      },
    });
    store.put(pathOf('PodVolumeBackup'), {
      apiVersion: 'velero.io/v1',
      kind: 'PodVolumeBackup',
      metadata: {
        name: 'payments-daily-2-xyz',
        namespace: 'velero',
        uid: 'pvb-2',
        labels: {
          'velero.io/backup-name': 'payments-daily-2',
          'velero.io/pvc-uid': 'pvc-ledger',
        },
      },
      spec: {
        volume: 'ledger',
        pod: {
          kind: 'Pod',
          namespace: 'payments',
          name: 'payments-api-0',
          uid: 'pod-payments-api-0',
        },
      },
      status: {
        phase: 'Failed',
        message: 'error to initialize data path',
        startTimestamp: now,
        completionTimestamp: now,
      },
    });

    await eventually(async () => {
      const claim = await ledger(http);
      expect(claim.verdict).toBe('failing');
      expect(claim.reasons.map((r: { code: string }) => r.code)).toContain(
        'volume-backup-failed',
      );
      expect(claim.lastAttempt).toMatchObject({
        backup: 'payments-daily-2',
        phase: 'Failed',
      });
    });

    // The schedule goes away: nothing covers the volume any more.
    store.delete(pathOf('Schedule'), 'payments-daily', 'velero');
    // Evidence wins over prediction (DESIGN): the copy within RPO keeps the
    // volume from being unprotected, and the disagreement is a reason.
    await eventually(async () => {
      const claim = await ledger(http);
      expect(claim.verdict).not.toBe('unprotected');
      expect(claim.schedules).toEqual([]);
      expect(claim.reasons.map((r: { code: string }) => r.code)).toContain(
        'evidence-contradicts-model',
      );
    });
  }, 20_000);

  it('says unknown, never protected, when Velero cannot be read', async () => {
    server.addFault({
      resource: 'podvolumebackups',
      status: 403,
      message: 'forbidden',
    });
    const http = await startBackend();
    await eventually(async () => {
      const claim = await ledger(http);
      expect(claim.verdict).toBe('unknown');
      expect(claim.reasons.map((r: { code: string }) => r.code)).toContain(
        'velero-unreadable',
      );
    });
    const clusters = await request(http).get('/api/storage/clusters');
    expect(clusters.body.clusters[0]).toMatchObject({
      name: 'live',
      status: 'forbidden',
      source: 'kubernetes',
    });
  });

  it('says unknown when the cluster is unreachable', async () => {
    await server.close();
    const http = await startBackend();
    await eventually(async () => {
      const clusters = await request(http).get('/api/storage/clusters');
      expect(clusters.body.clusters[0].status).toBe('unreachable');
    });
    const res = await request(http).get(
      '/api/storage/entities/default/component/payments-api',
    );
    // Nothing was ever listed, so there are no volumes to judge; the cluster's
    // status says why, and the frontend shows it as an error.
    expect(res.body.claims).toEqual([]);
    expect(res.body.clusters[0]).toMatchObject({ status: 'unreachable' });
    server = await FakeKubeApiServer.start({ store });
  });
});
