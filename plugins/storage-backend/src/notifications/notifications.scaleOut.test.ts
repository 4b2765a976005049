import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import type { Knex } from 'knex';
import { eventually } from '../__testUtils__/RecordingSink';
import {
  paymentsSnapshot,
  paymentsSnapshotWithFailedCopy,
} from '../__testUtils__/snapshotFixture';
import { startStorageTestBackend } from '../__testUtils__/startStorageTestBackend';
import {
  historyTestDatabases,
  replicaDatabases,
} from '../__testUtils__/testDatabases';

/**
 * Two replicas on one database, each with Backstage's real scheduler,
 * reading the same cluster: a volume that fails is told once in all, not
 * once per replica. (notifications.e2e.test.ts covers the real
 * notifications backend; here each replica's notification service records
 * what it is asked to send.)
 */
jest.setTimeout(120_000);

const databases = historyTestDatabases();

describe.each(databases.eachSupportedId())('two replicas on %s', id => {
  const snapshotDir = createMockDirectory();
  const twoClients = replicaDatabases(databases);

  async function replica(knex: Knex, sent: NotificationSendOptions[]) {
    await startStorageTestBackend({
      snapshotDir,
      storage: { history: { recordEvery: { seconds: 1 } } },
      features: [
        schedulerServiceFactory,
        mockServices.database.factory({ knex }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (options: NotificationSendOptions) => {
              sent.push(options);
            },
          }),
        }),
      ],
      waitUntilSynced: false,
    });
  }

  it('sends each notification once', async () => {
    snapshotDir.setContent({ 'cluster.yaml': paymentsSnapshot(new Date()) });
    const [first, second] = await twoClients(id);
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

    snapshotDir.addContent({
      'cluster.yaml': paymentsSnapshotWithFailedCopy(new Date()),
    });
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
