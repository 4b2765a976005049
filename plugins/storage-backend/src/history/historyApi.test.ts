import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  EntityHistoryResponse,
  HistoryResponse,
} from '@gitops-storage/plugin-storage-common';
import type {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import request from 'supertest';
import { expectMatchesSpec } from '../__testUtils__/openApi';
import { paymentsSnapshot } from '../__testUtils__/snapshotFixture';
import { startStorageTestBackend } from '../__testUtils__/startStorageTestBackend';
import { RECORD_TASK_ID } from './setupHistory';

jest.setTimeout(60_000);

type MockScheduler = SchedulerService & {
  factory(options?: { skipTaskRunOnStartup?: boolean }): ServiceFactory;
};

describe('history API', () => {
  const snapshotDir = createMockDirectory();

  async function startBackend(
    options: {
      permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      history?: JsonObject;
    } = {},
  ) {
    // The mock scheduler runs a task when the test triggers it.
    const scheduler = mockServices.scheduler() as MockScheduler;
    const { server } = await startStorageTestBackend({
      snapshotDir,
      snapshot: paymentsSnapshot(new Date()),
      storage: options.history ? { history: options.history } : {},
      permission: options.permission,
      features: [scheduler.factory({ skipTaskRunOnStartup: true })],
    });
    return { server, scheduler };
  }

  it('is empty before the first recording, then has today', async () => {
    const { server, scheduler } = await startBackend();
    const before = await request(server).get('/api/storage/history');
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      series: [],
      demo: false,
      retentionDays: 400,
    });

    await scheduler.triggerTask(RECORD_TASK_ID);
    const after = await request(server).get('/api/storage/history?days=7');
    expect(after.status).toBe(200);
    const body = after.body as HistoryResponse;
    expectMatchesSpec('GetHistory', body);
    const today = new Date().toISOString().slice(0, 10);
    expect(body.series).toHaveLength(1);
    expect(body.series[0].date).toBe(today);
    // The same counts /coverage gives now.
    const coverage = await request(server).get('/api/storage/coverage');
    expect(body.series[0].total).toBe(coverage.body.summary.total);
    expect(body.series[0].byVerdict).toEqual(coverage.body.summary.byVerdict);

    const byOwner = await request(server).get(
      '/api/storage/history?owner=group:default/team-payments',
    );
    expect(byOwner.body.series[0].total).toBe(1);
    const byTier = await request(server).get('/api/storage/history?tier=fast');
    expect(byTier.body.series).toEqual([]);
  });

  it("serves an entity's series, transitions and since", async () => {
    const { server, scheduler } = await startBackend();
    await scheduler.triggerTask(RECORD_TASK_ID);
    // A second run with nothing changed stores nothing.
    await scheduler.triggerTask(RECORD_TASK_ID);
    const res = await request(server).get(
      '/api/storage/entities/default/component/payments-api/history?days=30',
    );
    expect(res.status).toBe(200);
    const body = res.body as EntityHistoryResponse;
    expectMatchesSpec('GetEntityHistory', body);
    expect(body.entityRef).toBe('component:default/payments-api');
    expect(body.transitions.map(t => [t.volume.name, t.from, t.to])).toEqual([
      ['ledger', null, 'protected'],
    ]);
    expect(body.volumes).toEqual([
      expect.objectContaining({
        cluster: 'demo',
        namespace: 'payments',
        name: 'ledger',
        verdict: 'protected',
        since: body.transitions[0].at,
      }),
    ]);
    expect(body.series).toHaveLength(1);
    expect(body.series[0].byVerdict.protected).toBe(1);
    expect(body.demo).toBe(false);
  });

  it.each([
    ['/history?days=0', /days must be an integer from 1 to 3660/],
    ['/history?days=3661', /days must be an integer from 1 to 3660/],
    ['/history?days=abc', /days must be an integer/],
    ['/history?verdict=failing', /unknown query parameter verdict/],
    [
      '/entities/default/component/payments-api/history?tier=nfs',
      /unknown query parameter tier/,
    ],
  ])('answers 400 to %s', async (path, message) => {
    const { server } = await startBackend();
    const res = await request(server).get(`/api/storage${path}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('asks for the same permissions as /coverage and the entity route', async () => {
    const { server } = await startBackend({
      permission: AuthorizeResult.DENY,
    });
    expect((await request(server).get('/api/storage/history')).status).toBe(
      403,
    );
    expect(
      (
        await request(server).get(
          '/api/storage/entities/default/component/payments-api/history',
        )
      ).status,
    ).toBe(403);
    const anonymous = await request(server)
      .get('/api/storage/history')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    expect(
      (
        await request(server).get(
          '/api/storage/entities/default/component/nope/history',
        )
      ).status,
    ).toBe(404);
  });

  it('answers more days than the retention with what is kept', async () => {
    const { server } = await startBackend({
      history: { retention: { days: 10 } },
    });
    const res = await request(server).get('/api/storage/history?days=365');
    expect(res.status).toBe(200);
    expect(res.body.retentionDays).toBe(10);
  });

  it('answers 404 when history is disabled', async () => {
    const { server } = await startBackend({ history: { enabled: false } });
    const res = await request(server).get('/api/storage/history');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/storage.history.enabled: false/);
  });
});
