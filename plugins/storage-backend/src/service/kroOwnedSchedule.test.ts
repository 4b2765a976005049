import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { CoverageResponse } from '@gitops-storage/plugin-storage-common';
import request from 'supertest';
import { storagePlugin } from '../plugin';
import { expectMatchesSpec } from '../__testUtils__/openApi';
import { eventually } from '../__testUtils__/RecordingSink';
import { paymentsSnapshot } from '../__testUtils__/snapshotFixture';

/** The fixture's Schedule as kro v0.9.3 labels what a BackupPolicy creates. */
function kroOwnedSnapshot(now: Date): string {
  const labels =
    '{ app.kubernetes.io/managed-by: kro, kro.run/owned: "true", kro.run/instance-kind: BackupPolicy, kro.run/instance-name: backup, kro.run/instance-namespace: payments, kro.run/resource-graph-definition-name: backup-policy }';
  const text = paymentsSnapshot(now);
  const plain =
    'metadata: { name: payments-daily, namespace: velero, uid: sched-payments }';
  if (!text.includes(plain)) throw new Error('the fixture Schedule changed');
  return text.replace(
    plain,
    `metadata: { name: payments-daily, namespace: velero, uid: sched-payments, labels: ${labels} }`,
  );
}

describe('coverage of a Schedule that kro manages', () => {
  const snapshotDir = createMockDirectory();

  it('names its BackupPolicy in the claim’s schedules, as the OpenAPI spec says', async () => {
    snapshotDir.setContent({ 'cluster.yaml': kroOwnedSnapshot(new Date()) });
    const { server } = await startTestBackend({
      features: [
        storagePlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            storage: {
              tiers: [
                {
                  name: 'nfs',
                  storageClasses: ['storage-nfs'],
                  rpo: { hours: 24 },
                },
              ],
              clusters: [
                { name: 'demo', type: 'snapshot', path: snapshotDir.path },
              ],
            },
          },
        }),
      ],
    });
    await eventually(async () => {
      const res = await request(server).get('/api/storage/clusters');
      expect(res.body.clusters[0].status).toBe('synced');
    });
    const res = await request(server).get('/api/storage/coverage');
    expect(res.status).toBe(200);
    const body = res.body as CoverageResponse;
    expectMatchesSpec('GetCoverage', body);
    const ledger = body.rows.find(r => r.name === 'ledger')!;
    expect(ledger.verdict).toBe('protected');
    expect(ledger.schedules).toEqual([
      expect.objectContaining({
        name: 'payments-daily',
        owner: {
          kind: 'BackupPolicy',
          name: 'backup',
          namespace: 'payments',
          graph: 'backup-policy',
        },
      }),
    ]);
  });
});
