import type {
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { EntityOwnership } from '../entities/EntityOwnership';
import type { FleetStore } from '../store/FleetStore';
import { DatabaseHistoryStore } from './DatabaseHistoryStore';
import { seedDemoHistory } from './demoSeed';
import { readHistoryConfig } from './historyConfig';
import { HistoryRecorder } from './HistoryRecorder';
import { HistoryService } from './HistoryService';

/** Task ids in the scheduler (global: one run at a time across replicas). */
export const RECORD_TASK_ID = 'storage-history-record';
export const CLEANUP_TASK_ID = 'storage-history-cleanup';

/**
 * Coverage history: runs the migrations, schedules the recording task and
 * the retention cleanup (both `scope: 'global'`), and returns the API's
 * service and the recorder listeners subscribe to. Nothing when
 * `storage.history.enabled` is false.
 */
export async function setupHistory(deps: {
  config: Config;
  database: DatabaseService;
  scheduler: SchedulerService;
  logger: LoggerService;
  fleet: FleetStore;
  ownership: EntityOwnership;
  /**
   * Resolves when every cluster synced once (or failed): the first run waits
   * for it, so a backend that just started records (and the demo seeds) at
   * once rather than one period later.
   */
  ready?: Promise<unknown>;
}): Promise<{
  service?: HistoryService;
  recorder?: HistoryRecorder;
  store?: DatabaseHistoryStore;
}> {
  const { config, scheduler, logger, fleet } = deps;
  const settings = readHistoryConfig(config);
  if (!settings.enabled) return {};
  const store = await DatabaseHistoryStore.create({ database: deps.database });
  const recorder = new HistoryRecorder({
    store,
    fleet,
    ownership: deps.ownership,
    logger,
  });
  let seedChecked = !settings.seedDemo;

  await scheduler.scheduleTask({
    id: RECORD_TASK_ID,
    scope: 'global',
    frequency: { seconds: settings.recordEverySeconds },
    timeout: { minutes: 10 },
    fn: async () => {
      await deps.ready;
      if (!seedChecked) {
        // Seeded before the first real recording, and only into an empty
        // history, so the demo's made-up past never follows real data.
        const seeded = await seedDemoHistory({ store, recorder });
        if (seeded !== undefined) {
          seedChecked = true;
          if (seeded > 0) {
            logger.info(`history: seeded ${seeded} demo transitions`);
          }
        }
      }
      const started = Date.now();
      const result = await recorder.record();
      logger.debug(
        `history: recorded ${result.volumes} volumes of ${
          result.clusters.length
        } clusters, ${result.transitions} transitions, in ${
          Date.now() - started
        } ms`,
      );
    },
  });
  await scheduler.scheduleTask({
    id: CLEANUP_TASK_ID,
    scope: 'global',
    frequency: { hours: 24 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const before = new Date(Date.now() - settings.retentionDays * 86_400_000);
      const removed = await store.deleteOlderThan(before);
      logger.info(
        `history: retention removed ${removed.transitions} transitions and ${
          removed.days
        } daily rows older than ${before.toISOString()}`,
      );
    },
  });
  return {
    recorder,
    store,
    service: new HistoryService({
      store,
      retentionDays: settings.retentionDays,
    }),
  };
}
