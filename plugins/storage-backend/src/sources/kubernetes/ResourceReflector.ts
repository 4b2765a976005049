import type {
  ClusterHealth,
  ResourceStatus,
} from '@gitops-storage/plugin-storage-common';
import { backoffDelay, BackoffOptions, DEFAULT_BACKOFF } from './backoff';
import {
  classifyError,
  describeError,
  KubeApiError,
  statusCodeOf,
} from './KubeApiError';
import type { KubeTransport, WatchHandle } from './KubeTransport';

/** Where a reflector delivers what it lists and watches. */
export interface ReflectorSink {
  /** A (re)list begins: objects not upserted before `listFinished` are gone. */
  listStarted(): void;
  upsert(object: unknown): void;
  remove(object: unknown): void;
  listFinished(): void;
  status(status: ResourceStatus): void;
}

export interface ReflectorOptions {
  /** Name reported in statuses, e.g. the kind. */
  resource: string;
  /** Collection path, e.g. `/api/v1/persistentvolumeclaims`. */
  path: string;
  transport: KubeTransport;
  sink: ReflectorSink;
  pageSize?: number;
  backoff?: BackoffOptions;
  /** Server-side watch timeout; the reflector then re-watches from its version. */
  watchTimeoutSeconds?: number;
  /** A watch that sends nothing (not even a bookmark) this long is restarted. */
  watchIdleMs?: number;
  /**
   * How long data may lag (watch broken, retries failing) before the kind
   * counts as unreachable and its verdicts as unknown. Default 5 minutes.
   */
  staleAfterMs?: number;
  onError?: (error: unknown, status: ClusterHealth | 'absent') => void;
}

/** How a watch ended without an error: closed (re-watch) or 410 Gone (relist). */
type WatchOutcome = 'closed' | 'gone';

class GoneError extends KubeApiError {
  constructor(message: string) {
    super(message, 410);
  }
}

/**
 * Keeps a sink in step with one resource type of one cluster, the way
 * client-go's reflector does: a paged list, then a watch from the list's
 * resourceVersion; re-watch from the last version seen when a watch ends;
 * relist on `410 Gone`; back off exponentially (with jitter) on errors.
 */
export class ResourceReflector {
  #stopped = false;
  /** The resourceVersion to watch from; undefined means relist first. */
  #version?: string;
  /** When the data was last known to be current (ms since epoch). */
  #currentAt = 0;
  #watch?: WatchHandle;
  #wake?: () => void;
  #status: ResourceStatus;
  #done?: Promise<void>;

  constructor(private readonly options: ReflectorOptions) {
    this.#status = { resource: options.resource, status: 'syncing' };
  }

  get status(): ResourceStatus {
    return this.#status;
  }

  /** Starts the loop; resolves when the first list has been delivered or failed. */
  start(): Promise<void> {
    let firstSync!: () => void;
    const synced = new Promise<void>(resolve => {
      firstSync = resolve;
    });
    this.#done = this.run(firstSync);
    return synced;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#watch?.abort();
    this.#wake?.();
    await this.#done;
  }

  private async run(firstSync: () => void) {
    let attempt = 0;
    while (!this.#stopped) {
      const listing = this.#version === undefined;
      try {
        if (listing) {
          this.#version = await this.relist();
          firstSync();
        }
        const outcome = await this.watchOnce(this.#version!);
        attempt = 0;
        if (outcome === 'gone') this.#version = undefined;
      } catch (error) {
        if (this.#stopped) break;
        // An expired continue token: the list must start over.
        if (statusCodeOf(error) === 410) this.#version = undefined;
        let status = classifyError(error);
        // A watch that breaks after a good list leaves data that is behind,
        // not missing: lagging until the reflector catches up, or until it
        // has lagged so long that the data can no longer be trusted.
        if (
          !listing &&
          status === 'unreachable' &&
          Date.now() - this.#currentAt < (this.options.staleAfterMs ?? 300_000)
        ) {
          status = 'lagging';
        }
        this.setStatus(status, describeError(error));
        this.options.onError?.(error, status);
        firstSync();
        await this.sleep(
          backoffDelay(attempt++, this.options.backoff ?? DEFAULT_BACKOFF),
        );
      }
    }
    firstSync();
  }

  private async relist(): Promise<string> {
    const { transport, path, sink, pageSize = 500 } = this.options;
    let token: string | undefined;
    let version = '';
    let started = false;
    let count = 0;
    do {
      const page = await transport.list(path, {
        limit: pageSize,
        continue: token,
      });
      if (!started) {
        sink.listStarted();
        started = true;
      }
      for (const item of page.items) sink.upsert(item);
      count += page.items.length;
      token = page.metadata.continue || undefined;
      version = page.metadata.resourceVersion ?? version;
    } while (token && !this.#stopped);
    sink.listFinished();
    this.#currentAt = Date.now();
    this.#status = {
      resource: this.options.resource,
      status: 'synced',
      lastEventAt: new Date().toISOString(),
      objects: count,
    };
    sink.status(this.#status);
    return version;
  }

  private watchOnce(fromVersion: string): Promise<WatchOutcome> {
    const { transport, path, sink } = this.options;
    const idleMs = this.options.watchIdleMs ?? 120_000;
    return new Promise<WatchOutcome>((resolve, reject) => {
      let settled = false;
      let idleTimer: NodeJS.Timeout | undefined;
      const finish = (result: WatchOutcome | Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(idleTimer);
        this.#watch?.abort();
        this.#watch = undefined;
        this.#wake = undefined;
        if (result instanceof GoneError) resolve('gone');
        else if (result instanceof Error) reject(result);
        else resolve(result);
      };
      const armIdle = () => {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(
          () => finish(new KubeApiError(`no watch event for ${idleMs} ms`)),
          idleMs,
        );
      };
      this.#wake = () => finish('closed');
      armIdle();

      const onEvent = (type: string, object: unknown) => {
        armIdle();
        const rv = resourceVersionOf(object);
        switch (type) {
          case 'ADDED':
          case 'MODIFIED':
            sink.upsert(object);
            break;
          case 'DELETED':
            sink.remove(object);
            break;
          case 'BOOKMARK':
            break;
          case 'ERROR': {
            const code = (object as { code?: number })?.code;
            const message =
              (object as { message?: string })?.message ?? 'watch error';
            finish(
              code === 410
                ? new GoneError(message)
                : new KubeApiError(message, code),
            );
            return;
          }
          default:
            return;
        }
        if (rv) this.#version = rv;
        this.markLive();
      };

      transport
        .watch(
          path,
          {
            resourceVersion: fromVersion,
            allowWatchBookmarks: true,
            timeoutSeconds: this.options.watchTimeoutSeconds ?? 300,
          },
          onEvent,
          error => {
            if (error)
              finish(
                error instanceof Error
                  ? error
                  : new KubeApiError(String(error)),
              );
            else finish('closed');
          },
        )
        .then(
          handle => {
            if (settled) handle.abort();
            else {
              this.#watch = handle;
              this.markLive();
            }
          },
          error => finish(error),
        );
    });
  }

  private markLive() {
    this.#currentAt = Date.now();
    const now = new Date().toISOString();
    if (this.#status.status !== 'synced') {
      this.#status = {
        ...this.#status,
        status: 'synced',
        error: undefined,
        lastEventAt: now,
      };
      this.options.sink.status(this.#status);
    } else {
      this.#status.lastEventAt = now;
    }
  }

  private setStatus(status: ClusterHealth | 'absent', error: string) {
    this.#status = { ...this.#status, status, error };
    this.options.sink.status(this.#status);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function resourceVersionOf(object: unknown): string | undefined {
  const rv = (object as { metadata?: { resourceVersion?: unknown } })?.metadata
    ?.resourceVersion;
  return typeof rv === 'string' && rv ? rv : undefined;
}
