import type {
  ClusterHealth,
  ResourceStatus,
} from '@gitops-storage/plugin-storage-common';
import { backoffDelay, BackoffOptions, DEFAULT_BACKOFF } from './backoff';
import {
  classifyError,
  KubeApiError,
  publicError,
  statusCodeOf,
} from './KubeApiError';
import type { KubeTransport, WatchHandle } from './KubeTransport';
import { forcesRelist, goesBackwards, readWatchEvent } from './watchEvents';

/** Where a reflector delivers what it lists and watches. */
export interface ReflectorSink {
  /** A (re)list begins: objects not upserted before `listFinished` are gone. */
  listStarted(): void;
  upsert(object: unknown): void;
  remove(object: unknown): void;
  listFinished(): void;
  status(status: ResourceStatus): void;
  /** The data was current at `atMs` (a list completed, a valid event or bookmark). */
  confirmed(atMs: number): void;
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
   * reports unreachable. Default 5 minutes. (Verdicts turn unknown on the
   * age of the data itself, see ClusterCache.)
   */
  staleAfterMs?: number;
  /** Watches that fail (or end early with nothing valid) in a row before a relist. Default 3. */
  maxFailedWatches?: number;
  /** A watch that ends sooner than this without a valid event counts as failed. Default 1 s. */
  minWatchMs?: number;
  onError?: (error: unknown, status: ClusterHealth | 'absent') => void;
}

/** How a watch ended: closed cleanly, or the reflector must relist. */
interface WatchResult {
  outcome: 'closed' | 'relist';
  validEvents: number;
  durationMs: number;
}

class RelistError extends KubeApiError {}

/**
 * Keeps a sink in step with one resource type of one cluster, the way
 * client-go's reflector does: a paged list, then a watch from the list's
 * resourceVersion; re-watch from the last version seen when a watch ends
 * cleanly; relist on `410 Gone`, "too large resource version" (504), a
 * resourceVersion going backwards, a watch stream that breaks, or
 * `maxFailedWatches` failed watches in a row. Every retry, early-closing
 * watch and relist loop backs off exponentially with jitter (0.8 s → 30 s).
 * The data counts as confirmed only when a list completes or a watch event
 * or bookmark parses: a watch that opens but yields nothing valid refreshes
 * nothing.
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
  /** Aborts the list request in flight when the reflector stops. */
  readonly #stopping = new AbortController();
  /** Requests made (lists pages and watches), for tests and benchmarks. */
  requests = 0;
  /** Watch lines that were not valid events. */
  invalidEvents = 0;

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
    this.#stopping.abort();
    this.#watch?.abort();
    this.#wake?.();
    await this.#done;
  }

  private async run(firstSync: () => void) {
    const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
    const maxFailed = this.options.maxFailedWatches ?? 3;
    const minWatchMs = this.options.minWatchMs ?? 1000;
    let attempt = 0;
    let failedWatches = 0;
    while (!this.#stopped) {
      let listing = this.#version === undefined;
      try {
        if (listing) {
          this.#version = await this.relist();
          listing = false;
          firstSync();
        }
        const result = await this.watchOnce(this.#version!);
        if (this.#stopped) break;
        const healthy =
          result.outcome === 'closed' &&
          (result.validEvents > 0 || result.durationMs >= minWatchMs);
        if (healthy) {
          attempt = 0;
          failedWatches = 0;
          continue;
        }
        if (result.outcome === 'relist') {
          this.#version = undefined;
          failedWatches = 0;
        } else if (++failedWatches >= maxFailed) {
          this.#version = undefined;
          failedWatches = 0;
        }
      } catch (error) {
        if (this.#stopped) break;
        if (!listing) {
          // client-go re-watches only after connection refused or 429;
          // any other broken watch relists (the server may have changed).
          const code = statusCodeOf(error);
          const retryWatch =
            (code === undefined || code === 429) &&
            !(error instanceof RelistError);
          if (!retryWatch || ++failedWatches >= maxFailed) {
            this.#version = undefined;
            failedWatches = 0;
          }
        } else {
          // An expired continue token: the list must start over.
          this.#version = undefined;
        }
        this.reportError(error, listing);
        firstSync();
      }
      await this.sleep(backoffDelay(attempt++, backoff));
    }
    firstSync();
  }

  private reportError(error: unknown, listing: boolean) {
    let status = classifyError(error);
    // A watch that breaks after a good list leaves data that is behind,
    // not missing: lagging until the reflector catches up, or until it
    // has lagged so long that the data can no longer be trusted.
    if (
      status === 'unreachable' &&
      this.#currentAt > 0 &&
      Date.now() - this.#currentAt < (this.options.staleAfterMs ?? 300_000)
    ) {
      status = 'lagging';
    }
    // A failed watch after a good list is lagging too, whatever the list
    // would say: only a failing list changes what is known of the kind.
    if (!listing && status !== 'unreachable') status = 'lagging';
    this.#status = {
      ...this.#status,
      status,
      ...publicError(error),
    };
    this.options.sink.status(this.#status);
    this.options.onError?.(error, status);
  }

  private async relist(): Promise<string> {
    const { transport, path, sink, pageSize = 500 } = this.options;
    let token: string | undefined;
    let version = '';
    let started = false;
    let count = 0;
    const startedAt = Date.now();
    do {
      this.requests++;
      const page = await transport.list(
        path,
        { limit: pageSize, continue: token },
        this.#stopping.signal,
      );
      if (!page || !Array.isArray(page.items) || !page.metadata) {
        throw new KubeApiError(
          'list answer without items or metadata',
          undefined,
          'invalid-response',
        );
      }
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
    // The list shows the kind as of when it began.
    this.confirm(startedAt);
    this.#status = {
      resource: this.options.resource,
      status: 'synced',
      lastEventAt: new Date(startedAt).toISOString(),
      objects: count,
    };
    sink.status(this.#status);
    return version;
  }

  private watchOnce(fromVersion: string): Promise<WatchResult> {
    const { transport, path, sink } = this.options;
    const idleMs = this.options.watchIdleMs ?? 120_000;
    const openedAt = Date.now();
    let validEvents = 0;
    this.requests++;
    return new Promise<WatchResult>((resolve, reject) => {
      let settled = false;
      let idleTimer: NodeJS.Timeout | undefined;
      const finish = (result: 'closed' | 'relist' | Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(idleTimer);
        this.#watch?.abort();
        this.#watch = undefined;
        this.#wake = undefined;
        if (result instanceof Error) reject(result);
        else
          resolve({
            outcome: result,
            validEvents,
            durationMs: Date.now() - openedAt,
          });
      };
      const armIdle = () => {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(
          () =>
            finish(
              new KubeApiError(
                `no watch event for ${idleMs} ms`,
                undefined,
                'timeout',
              ),
            ),
          idleMs,
        );
      };
      this.#wake = () => finish('closed');
      armIdle();

      const onEvent = (type: string, object: unknown) => {
        if (settled) return;
        const signal = readWatchEvent(type, object);
        if (signal.kind === 'invalid') {
          // Nothing valid: not even the idle timer is reset.
          this.invalidEvents++;
          return;
        }
        if (signal.kind === 'error') {
          finish(
            forcesRelist(signal.code, signal.message)
              ? 'relist'
              : new RelistError(signal.message, signal.code),
          );
          return;
        }
        if (goesBackwards(this.#version ?? '', signal.version)) {
          finish('relist');
          return;
        }
        armIdle();
        if (signal.kind === 'upsert') sink.upsert(signal.object);
        else if (signal.kind === 'remove') sink.remove(signal.object);
        this.#version = signal.version;
        validEvents++;
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
            if (!error) finish('closed');
            else if (
              error instanceof KubeApiError &&
              error.failure === 'too-large'
            )
              finish(new RelistError(error.message, undefined, 'too-large'));
            else
              finish(
                error instanceof Error
                  ? error
                  : new KubeApiError(String(error)),
              );
          },
        )
        .then(
          handle => {
            if (settled) handle.abort();
            else this.#watch = handle;
          },
          error => finish(error),
        );
    });
  }

  private confirm(atMs: number) {
    this.#currentAt = atMs;
    this.options.sink.confirmed(atMs);
  }

  private markLive() {
    const now = Date.now();
    this.confirm(now);
    const at = new Date(now).toISOString();
    if (this.#status.status !== 'synced') {
      this.#status = {
        resource: this.#status.resource,
        objects: this.#status.objects,
        status: 'synced',
        lastEventAt: at,
      };
      this.options.sink.status(this.#status);
    } else {
      this.#status.lastEventAt = at;
    }
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
