import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  CoverageResponse,
  EntityStorageResponse,
} from '@gitops-storage/plugin-storage-common';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { expectMatchesSpec } from './__testUtils__/openApi';
import { eventually } from './__testUtils__/RecordingSink';
import { paymentsSnapshot } from './__testUtils__/snapshotFixture';
import {
  paymentsApiEntity,
  startStorageTestBackend,
} from './__testUtils__/startStorageTestBackend';

const entities: Entity[] = [
  paymentsApiEntity,
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'scratch-by-selector',
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-label-selector': 'app in (payments-api)',
        'backstage.io/kubernetes-namespace': 'payments',
      },
    },
    spec: {
      type: 'service',
      owner: 'group:default/team-payments',
      lifecycle: 'production',
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'no-kubernetes', namespace: 'default' },
    spec: { type: 'website', owner: 'guests', lifecycle: 'production' },
  },
];

describe('storage backend plugin', () => {
  const snapshotDir = createMockDirectory();

  async function startBackend(
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  ) {
    const { server } = await startStorageTestBackend({
      snapshotDir,
      snapshot: paymentsSnapshot(new Date()),
      entities,
      permission,
    });
    return server;
  }

  it('serves /health without authentication', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/storage/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
  });

  it.each([
    '/entities/default/component/payments-api',
    '/coverage',
    '/tiers',
    '/clusters',
  ])('answers 401 to an unauthenticated GET %s', async path => {
    const server = await startBackend();
    const res = await request(server)
      .get(`/api/storage${path}`)
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it("serves an entity's volumes with verdicts, found through its pods", async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/storage/entities/default/component/payments-api',
    );
    expect(res.status).toBe(200);
    const body = res.body as EntityStorageResponse;
    expectMatchesSpec('GetEntityStorage', body);
    expect(body.entityRef).toBe('component:default/payments-api');
    expect(body.claims.map(c => [c.name, c.verdict, c.tier])).toEqual([
      ['ledger', 'protected', 'nfs'],
    ]);
    expect(body.claims[0]).toMatchObject({
      cluster: 'demo',
      namespace: 'payments',
      capacity: '10Gi',
      accessModes: ['ReadWriteMany'],
      volume: { name: 'pv-ledger', source: 'nfs' },
      lastSuccessfulBackup: { backup: 'payments-daily-1', phase: 'Completed' },
      schedules: [expect.objectContaining({ name: 'payments-daily' })],
    });
    expect(body.summary).toMatchObject({
      total: 1,
      worstVerdict: 'protected',
      tiers: ['nfs'],
      totalCapacityBytes: 10 * 1024 ** 3,
    });
    expect(body.clusters).toEqual([
      expect.objectContaining({ name: 'demo', status: 'synced' }),
    ]);
  });

  it('answers 304 to a client that holds the current answer', async () => {
    const server = await startBackend();
    const path = '/api/storage/entities/default/component/payments-api';
    const first = await request(server).get(path);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^W\/"/);
    const again = await request(server)
      .get(path)
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const stale = await request(server)
      .get(path)
      .set('If-None-Match', 'W/"another"');
    expect(stale.status).toBe(200);
    expect(stale.body).toEqual(first.body);
  });

  it('finds claims by label selector and namespace annotations', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/storage/entities/default/component/scratch-by-selector',
    );
    expect(res.status).toBe(200);
    expect(res.body.claims.map((c: { name: string }) => c.name)).toEqual([
      'ledger',
    ]);
  });

  it('answers an entity without Kubernetes annotations with no volumes', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/storage/entities/default/component/no-kubernetes',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      claims: [],
      clusters: [],
      summary: { total: 0 },
    });
  });

  it('answers 404 for an entity that does not exist', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/storage/entities/default/component/nope',
    );
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ name: 'NotFoundError' });
  });

  it('answers 403 when the permission policy denies', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const entity = await request(server).get(
      '/api/storage/entities/default/component/payments-api',
    );
    expect(entity.status).toBe(403);
    const coverage = await request(server).get('/api/storage/coverage');
    expect(coverage.status).toBe(403);
    expect(coverage.body.error).toMatchObject({ name: 'NotAllowedError' });
    // Cluster status (API server URLs, identities, errors) needs storage.coverage.read too.
    const clusters = await request(server).get('/api/storage/clusters');
    expect(clusters.status).toBe(403);
  });

  it('serves the fleet report worst first, with owners, filters and paging', async () => {
    const server = await startBackend();
    const all = await request(server).get('/api/storage/coverage');
    expect(all.status).toBe(200);
    const body = all.body as CoverageResponse;
    expectMatchesSpec('GetCoverage', body);
    expect(body.rows.map(r => [r.name, r.verdict])).toEqual([
      ['scratch', 'unprotected'],
      ['ledger', 'protected'],
    ]);
    expect(body.rows[1]).toMatchObject({
      entityRefs: [
        'component:default/payments-api',
        'component:default/scratch-by-selector',
      ],
      owners: ['group:default/team-payments'],
    });
    expect(body.rows[0].reasons.map(r => r.code)).toContain('no-running-pod');
    expect(body.summary).toMatchObject({
      total: 2,
      byVerdict: expect.objectContaining({ unprotected: 1, protected: 1 }),
    });
    expect(body.backupStorageLocations).toEqual([
      expect.objectContaining({
        cluster: 'demo',
        name: 'default',
        phase: 'Available',
        default: true,
      }),
    ]);

    const filtered = await request(server).get(
      '/api/storage/coverage?verdict=protected&owner=group:default/team-payments',
    );
    expect(filtered.body.rows.map((r: { name: string }) => r.name)).toEqual([
      'ledger',
    ]);
    expect(filtered.body.totalRows).toBe(1);

    const paged = await request(server).get(
      '/api/storage/coverage?limit=1&offset=1',
    );
    expect(paged.body).toMatchObject({ totalRows: 2, offset: 1, limit: 1 });
    expect(paged.body.rows.map((r: { name: string }) => r.name)).toEqual([
      'ledger',
    ]);

    const searched = await request(server).get(
      '/api/storage/coverage?search=NO-RUNNING-POD',
    );
    expect(searched.body.rows.map((r: { name: string }) => r.name)).toEqual([
      'scratch',
    ]);
  });

  it.each([
    ['verdict=fine', 'unknown verdict fine'],
    ['limit=0', 'limit must be an integer'],
    ['offset=-1', 'offset must be an integer'],
  ])('answers 400 to a bad query (%s)', async (query, message) => {
    const server = await startBackend();
    const res = await request(server).get(`/api/storage/coverage?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('serves the configured tiers', async () => {
    const server = await startBackend();
    const res = await request(server).get('/api/storage/tiers');
    expect(res.status).toBe(200);
    expectMatchesSpec('GetTiers', res.body);
    expectMatchesSpec(
      'GetClusters',
      (await request(server).get('/api/storage/clusters')).body,
    );
    expect(res.body.tiers).toEqual([
      expect.objectContaining({
        name: 'nfs',
        storageClasses: ['storage-nfs'],
        rpoSeconds: 86400,
      }),
    ]);
  });

  it('reports a broken snapshot file without its path or contents', async () => {
    const server = await startBackend();
    snapshotDir.addContent({ 'broken.yaml': 'kind: [unclosed secret-text' });
    await eventually(async () => {
      const res = await request(server).get('/api/storage/clusters');
      expect(res.body.clusters[0]).toMatchObject({
        status: 'error',
        errorCode: 'invalid-response',
      });
    });
    const res = await request(server).get('/api/storage/clusters');
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(snapshotDir.path);
    expect(text).not.toContain('secret-text');
    // The last good objects are still served.
    const coverage = await request(server).get('/api/storage/coverage');
    expect(coverage.body.totalRows).toBe(2);
  });

  it('picks up a changed snapshot file', async () => {
    const server = await startBackend();
    snapshotDir.addContent({
      'late.yaml': `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: late, namespace: payments, uid: pvc-late }
spec: { accessModes: [ReadWriteOnce], storageClassName: storage-nfs, resources: { requests: { storage: 1Gi } } }
status: { phase: Pending }
`,
    });
    await eventually(async () => {
      const res = await request(server).get(
        '/api/storage/coverage?search=late',
      );
      expect(res.body.rows.map((r: { name: string }) => r.name)).toEqual([
        'late',
      ]);
    });
  });
});
