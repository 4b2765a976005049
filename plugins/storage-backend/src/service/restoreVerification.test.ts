import type { Entity } from '@backstage/catalog-model';
import type {
  CoverageResponse,
  EntityStorageResponse,
  TiersResponse,
} from '@gitops-storage/plugin-storage-common';
import path from 'node:path';
import request from 'supertest';
import { expectMatchesSpec } from '../__testUtils__/openApi';
import { startStorageTestBackend } from '../__testUtils__/startStorageTestBackend';

const DEMO = path.resolve(__dirname, '../../../../test/fixtures/clusters/demo');

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'orders-db',
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-label-selector':
          'app.kubernetes.io/name=orders-db',
        'backstage.io/kubernetes-namespace': 'orders',
      },
    },
    spec: { type: 'service', owner: 'team-orders', lifecycle: 'production' },
  },
];

/** The real demo snapshot, its times moved to now (as `yarn start` does). */
async function startDemoBackend() {
  const { server } = await startStorageTestBackend({
    entities,
    storage: {
      tiers: [
        {
          name: 'fast',
          storageClasses: ['storage-fast'],
          rpo: { hours: 24 },
          restoreTestInterval: { days: 30 },
        },
      ],
      veleroNamespace: 'velero',
      clusters: [
        { name: 'demo', type: 'snapshot', path: DEMO, timeShift: true },
      ],
    },
  });
  return server;
}

describe('restore verification over the API (demo snapshot)', () => {
  it('filters /coverage by restore status and serves it as the spec says', async () => {
    const server = await startDemoBackend();
    const overdue = await request(server).get(
      '/api/storage/coverage?restore=overdue',
    );
    expect(overdue.status).toBe(200);
    const body = overdue.body as CoverageResponse;
    expectMatchesSpec('GetCoverage', body);
    expect(body.rows.map(r => `${r.namespace}/${r.name}`)).toEqual([
      'payments/data-payments-db-0',
    ]);
    expect(body.rows[0].restore?.reasons[0].code).toBe('restore-test-overdue');

    const verified = await request(server).get(
      '/api/storage/coverage?restore=verified,overdue',
    );
    expect(
      (verified.body as CoverageResponse).rows.map(r => r.name).sort(),
    ).toEqual(['data-orders-db-0', 'data-orders-db-1', 'data-payments-db-0']);

    const none = await request(server).get(
      '/api/storage/coverage?restore=none',
    );
    expect(
      (none.body as CoverageResponse).rows.every(r => r.restore === undefined),
    ).toBe(true);
    expect((none.body as CoverageResponse).totalRows).toBeGreaterThan(0);
  });

  it('refuses an unknown restore status', async () => {
    const server = await startDemoBackend();
    const res = await request(server).get('/api/storage/coverage?restore=ok');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/unknown restore status ok/);
  });

  it("shows the entity's last verified restore: which backup, when, into which namespace", async () => {
    const server = await startDemoBackend();
    const res = await request(server).get(
      '/api/storage/entities/default/component/orders-db',
    );
    expect(res.status).toBe(200);
    const body = res.body as EntityStorageResponse;
    expectMatchesSpec('GetEntityStorage', body);
    const db0 = body.claims.find(c => c.name === 'data-orders-db-0')!;
    expect(db0.restore).toMatchObject({
      status: 'verified',
      lastSuccessfulRestore: {
        namespace: 'orders-restore-test',
        drill: true,
        method: 'fs-backup',
      },
    });
    // Time-shifted like the rest of the snapshot: backup and restore names
    // keep matching.
    expect(db0.restore?.lastSuccessfulRestore?.backup).toMatch(
      /^orders-daily-\d{14}$/,
    );
    expect(db0.restore?.lastSuccessfulRestore?.restore).toMatch(
      new RegExp(`^${db0.restore?.lastSuccessfulRestore?.backup}-\\d{14}$`),
    );
  });

  it('serves the tier restoreTestInterval on /tiers', async () => {
    const server = await startDemoBackend();
    const res = await request(server).get('/api/storage/tiers');
    expectMatchesSpec('GetTiers', res.body);
    expect((res.body as TiersResponse).tiers[0]).toMatchObject({
      restoreTestInterval: 'P30D',
      restoreTestIntervalSeconds: 2592000,
    });
  });
});
