import type { Config } from '@backstage/config';

/** `storage.sync`: how live clusters are read, with defaults applied. */
export interface SyncConfig {
  pageSize?: number;
  watchTimeoutSeconds?: number;
  /** Data older than this makes verdicts unknown (default 300). */
  staleAfterSeconds: number;
  /** Timeout of every list page and watch request (default 60). */
  requestTimeoutSeconds: number;
  /** A watch silent this long (not even a bookmark) is restarted (default 120). */
  watchIdleSeconds: number;
  /** Cap on one list body or watch line (default 16 MiB). */
  maxMessageBytes: number;
}

export const SYNC_DEFAULTS = {
  staleAfterSeconds: 300,
  requestTimeoutSeconds: 60,
  watchIdleSeconds: 120,
  maxMessageBytes: 16 * 1024 * 1024,
} as const;

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(`storage.sync.${key}`);
  if (value === undefined) return fallback;
  if (!(value > 0)) {
    throw new Error(`storage.sync.${key} must be a positive number`);
  }
  return value;
}

export function readSyncConfig(config: Config): SyncConfig {
  return {
    pageSize: config.getOptionalNumber('storage.sync.pageSize'),
    watchTimeoutSeconds: config.getOptionalNumber(
      'storage.sync.watchTimeoutSeconds',
    ),
    staleAfterSeconds: positive(
      config,
      'staleAfterSeconds',
      SYNC_DEFAULTS.staleAfterSeconds,
    ),
    requestTimeoutSeconds: positive(
      config,
      'requestTimeoutSeconds',
      SYNC_DEFAULTS.requestTimeoutSeconds,
    ),
    watchIdleSeconds: positive(
      config,
      'watchIdleSeconds',
      SYNC_DEFAULTS.watchIdleSeconds,
    ),
    maxMessageBytes: positive(
      config,
      'maxMessageBytes',
      SYNC_DEFAULTS.maxMessageBytes,
    ),
  };
}
