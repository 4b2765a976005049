import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import knexFactory, { type Knex } from 'knex';
import { storagePlugin } from '../plugin';
import { eventually } from '../__testUtils__/RecordingSink';
import { paymentsSnapshot } from '../__testUtils__/snapshotFixture';
import { historyTestDatabases } from '../__testUtils__/testDatabases';

/**
 * Two replicas on one database, each with Backstage's real scheduler,
 * reading the same cluster: a volume that fails is told once in all, not
 * once per replica. (notifications.e2e.test.ts covers the real
 * notifications backend; here each replica's notification service records
 * what it is asked to send.)
 */
jest.setTimeout(120_000);

const databases = historyTestDatabases();

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': 'payments-api' },
    },
    spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
  },
];

function withFailedCopy(now: Date): string {
  const text = paymentsSnapshot(now);
  const at = text.indexOf('kind: PodVolumeBackup');
  return (
    text.slice(0, at) +
    text.slice(at).replace('phase: Completed', 'phase: Failed')
  );
}

describe.each(databases.eachSupportedId())('two replicas on %s', id => {
  const snapshotDir = createMockDirectory();
  const clients: Knex[] = [];

  afterAll(async () => {
    for (const client of clients.reverse()) await client.destroy();
  });

  function sameDatabase(first: Knex, dbId: TestDatabaseId): Knex {
    // In-memory SQLite exists once per connection: share the client.
    if (dbId === 'SQLITE_3') return first;
    const second = knexFactory(first.client.config);
    clients.push(second);
    return second;
  }

  async function replica(knex: Knex, sent: NotificationSendOptions[]) {
    await startTestBackend({
      features: [
        storagePlugin,
        schedulerServiceFactory,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (options: NotificationSendOptions) => {
              sent.push(options);
            },
          }),
        }),
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
              history: { recordEvery: { seconds: 1 } },
            },
          },
        }),
      ],
    });
  }

  it('sends each notification once', async () => {
    snapshotDir.setContent({ 'cluster.yaml': paymentsSnapshot(new Date()) });
    const first = await databases.init(id);
    clients.push(first);
    const second = sameDatabase(first, id);
    const sentA: NotificationSendOptions[] = [];
    const sentB: NotificationSendOptions[] = [];
    // One after the other: starting together races the migrations
    // (history/scaleOut.test.ts covers that); here only sending matters.
    await replica(first, sentA);
    await replica(second, sentB);
    const stored = async () =>
      Number(
        (await first('storage_history_transitions').count({ n: '*' }))[0].n,
      );
    // The baseline (both claims first seen) is stored once and tells nobody.
    await eventually(async () => expect(await stored()).toBe(2), 60_000);

    snapshotDir.addContent({ 'cluster.yaml': withFailedCopy(new Date()) });
    await eventually(async () => expect(await stored()).toBe(3), 60_000);
    // Several more periods: both replicas keep claiming the task.
    await new Promise(resolve => setTimeout(resolve, 6_000));
    const all = [...sentA, ...sentB];
    expect(all.map(s => s.payload.title)).toEqual([
      'payments-api: volume ledger is failing its backups',
    ]);
    expect(all[0].recipients).toEqual({
      type: 'entity',
      entityRef: 'component:default/payments-api',
    });
  });
});
