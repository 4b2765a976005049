import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import type { Knex } from 'knex';
import request from 'supertest';
import { eventually } from '../__testUtils__/RecordingSink';
import { paymentsSnapshot } from '../__testUtils__/snapshotFixture';
import { startStorageTestBackend } from '../__testUtils__/startStorageTestBackend';
import {
  historyTestDatabases,
  replicaDatabases,
} from '../__testUtils__/testDatabases';
import { RECORD_TASK_ID } from './setupHistory';

/**
 * Two backend replicas on one database, each with Backstage's real
 * scheduler (which coordinates global tasks through that database), reading
 * the same cluster: they must serve the same verdicts and store each
 * transition once.
 */
jest.setTimeout(120_000);

const databases = historyTestDatabases();

describe.each(databases.eachSupportedId())('two replicas on %s', id => {
  const snapshotDir = createMockDirectory();
  const twoClients = replicaDatabases(databases);

  async function replica(knex: Knex) {
    const { server } = await startStorageTestBackend({
      snapshotDir,
      storage: { history: { recordEvery: { seconds: 1 } } },
      features: [
        schedulerServiceFactory,
        mockServices.database.factory({ knex }),
      ],
      waitUntilSynced: false,
    });
    return server;
  }

  it('serves identical verdicts and stores each transition once', async () => {
    snapshotDir.setContent({ 'cluster.yaml': paymentsSnapshot(new Date()) });
    const [first, second] = await twoClients(id);
    // One after the other: Backstage's scheduler creates its own tables with
    // knex migrations, which race when two replicas start on a fresh
    // database in the same instant ("knex_migrations_lock already exists"
    // on PostgreSQL; Kubernetes restarts such a pod). Both then run side by
    // side for the rest of the test.
    const a = await replica(first);
    const b = await replica(second);

    const coverage = async (server: typeof a) => {
      const res = await request(server).get('/api/storage/coverage');
      expect(res.status).toBe(200);
      return res.body.rows.map((r: any) => [r.namespace, r.name, r.verdict]);
    };
    let claims = 0;
    await eventually(async () => {
      const rowsA = await coverage(a);
      expect(rowsA.length).toBeGreaterThan(0);
      expect(await coverage(b)).toEqual(rowsA);
      claims = rowsA.length;
    }, 20_000);

    const transitions = async () =>
      first('storage_history_transitions').select(
        'namespace',
        'name',
        'uid',
        'seq',
      );
    // Global tasks are claimed through the database every few seconds.
    await eventually(async () => {
      expect(await transitions()).toHaveLength(claims);
    }, 60_000);

    // Several more periods: both replicas keep claiming the task, nothing
    // is stored again.
    await new Promise(resolve => setTimeout(resolve, 8_000));
    const stored = await transitions();
    expect(stored).toHaveLength(claims);
    expect(
      new Set(stored.map(t => `${t.namespace}/${t.name}/${t.uid}`)).size,
    ).toBe(claims);
    expect(stored.every(t => Number(t.seq) === 1)).toBe(true);

    // One task row for the recording task: the scheduler ran it globally.
    const tasks = await first('backstage_backend_tasks__tasks')
      .where('id', `storage.${RECORD_TASK_ID}`)
      .orWhere('id', RECORD_TASK_ID)
      .select('id');
    expect(tasks).toHaveLength(1);

    const [historyA, historyB] = await Promise.all([
      request(a).get('/api/storage/history'),
      request(b).get('/api/storage/history'),
    ]);
    expect(historyA.body.series).toHaveLength(1);
    expect(historyA.body.series[0].total).toBe(claims);
    expect(historyB.body).toEqual(historyA.body);
  });
});
