import type { Config } from '@backstage/config';
import { readRpo } from '@gitops-storage/plugin-storage-common';

/** `storage.history`, read and checked (see config.d.ts). */
export interface HistoryConfig {
  enabled: boolean;
  /** How long transitions and daily counts are kept. */
  retentionDays: number;
  /** How often the recording task compares verdicts (seconds). */
  recordEverySeconds: number;
  /** Whether the demo's history is seeded (see demoSeed.ts). */
  seedDemo: boolean;
}

export const DEFAULT_RETENTION_DAYS = 400;
export const DEFAULT_RECORD_EVERY_SECONDS = 300;

/**
 * Reads `storage.history`. A bad value stops the backend with the key's
 * path, like a bad tier does. `seedDemo` defaults to true only when every
 * configured cluster is a time-shifted snapshot: the demo, never a real
 * cluster.
 */
export function readHistoryConfig(config: Config): HistoryConfig {
  const history = config.getOptionalConfig('storage.history');
  const enabled = history?.getOptionalBoolean('enabled') ?? true;
  const retention = history?.getOptional('retention');
  const retentionDays =
    retention === undefined
      ? DEFAULT_RETENTION_DAYS
      : readRpo(retention, 'storage.history.retention').rpoSeconds / 86_400;
  if (retentionDays < 1) {
    throw new Error('storage.history.retention must be at least one day');
  }
  const every = history?.getOptional('recordEvery');
  const recordEverySeconds =
    every === undefined
      ? DEFAULT_RECORD_EVERY_SECONDS
      : readRpo(every, 'storage.history.recordEvery').rpoSeconds;
  const clusters = config.getOptionalConfigArray('storage.clusters') ?? [];
  const demoOnly =
    clusters.length > 0 &&
    clusters.every(
      c =>
        c.getOptionalString('type') === 'snapshot' &&
        c.getOptionalBoolean('timeShift') === true,
    );
  const seedDemo = history?.getOptionalBoolean('seedDemo') ?? demoOnly;
  if (seedDemo && !demoOnly) {
    throw new Error(
      'storage.history.seedDemo is only allowed when every cluster is a time-shifted snapshot (the demo): seeded history must never mix with real clusters',
    );
  }
  return { enabled, retentionDays, recordEverySeconds, seedDemo };
}
