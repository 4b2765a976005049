import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  EntityHistoryResponse,
  HistoryResponse,
} from '@gitops-storage/plugin-storage-common';
import path from 'node:path';
import request from 'supertest';
import { storagePlugin } from '../plugin';
import { expectMatchesSpec } from '../__testUtils__/openApi';
import { DEMO_DAYS } from './demoSeed';
import { RECORD_TASK_ID } from './setupHistory';

/**
 * The demo as `yarn start` runs it: the time-shifted demo snapshot on an
 * in-memory SQLite. Its first recording seeds weeks of history, marked demo.
 */
jest.setTimeout(60_000);

type MockScheduler = SchedulerService & {
  factory(options?: { skipTaskRunOnStartup?: boolean }): ServiceFactory;
};

const DEMO = path.resolve(__dirname, '../../../../test/fixtures/clusters/demo');

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'analytics-warehouse',
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': 'analytics-warehouse' },
    },
    spec: { type: 'service', owner: 'team-data', lifecycle: 'production' },
  },
];

it('seeds the demo history on first start, marked as demo data', async () => {
  const scheduler = mockServices.scheduler() as MockScheduler;
  const { server } = await startTestBackend({
    features: [
      storagePlugin,
      catalogServiceMock.factory({ entities }),
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          storage: {
            clusters: [
              { name: 'demo', type: 'snapshot', path: DEMO, timeShift: true },
            ],
          },
        },
      }),
    ],
  });
  // The task waits for the snapshot's first sync itself.
  await scheduler.triggerTask(RECORD_TASK_ID);

  const fleet = await request(server).get('/api/storage/history?days=90');
  expect(fleet.status).toBe(200);
  const body = fleet.body as HistoryResponse;
  expectMatchesSpec('GetHistory', body);
  expect(body.demo).toBe(true);
  expect(body.series).toHaveLength(DEMO_DAYS + 1);
  const coverage = await request(server).get('/api/storage/coverage');
  expect(body.series[DEMO_DAYS].byVerdict).toEqual(
    coverage.body.summary.byVerdict,
  );
  // The made-up past differs from today somewhere.
  expect(
    body.series.some(
      p =>
        JSON.stringify(p.byVerdict) !==
        JSON.stringify(body.series[DEMO_DAYS].byVerdict),
    ),
  ).toBe(true);

  const entity = await request(server).get(
    '/api/storage/entities/default/component/analytics-warehouse/history',
  );
  expect(entity.status).toBe(200);
  const history = entity.body as EntityHistoryResponse;
  expectMatchesSpec('GetEntityHistory', history);
  expect(history.demo).toBe(true);
  expect(history.volumes.length).toBeGreaterThan(0);
  expect(history.transitions.every(t => t.demo)).toBe(true);
});
