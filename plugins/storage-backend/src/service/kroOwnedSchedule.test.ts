import { createMockDirectory } from '@backstage/backend-test-utils';
import type { CoverageResponse } from '@gitops-storage/plugin-storage-common';
import request from 'supertest';
import { expectMatchesSpec } from '../__testUtils__/openApi';
import { paymentsSnapshot } from '../__testUtils__/snapshotFixture';
import { startStorageTestBackend } from '../__testUtils__/startStorageTestBackend';

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
    const { server } = await startStorageTestBackend({
      snapshotDir,
      snapshot: kroOwnedSnapshot(new Date()),
      entities: [],
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
