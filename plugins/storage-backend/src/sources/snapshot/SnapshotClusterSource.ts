import fs from 'node:fs';
import {
  resourceKindOf,
  RESOURCE_KINDS,
  type ClusterStatus,
  type ResourceKind,
  type ResourceStatus,
} from '@gitops-storage/plugin-storage-common';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterSink, ClusterSource } from '../ClusterSource';

/** What a snapshot directory holds: raw objects, and kinds that were unreadable. */
export interface SnapshotContents {
  objects: unknown[];
  unreadable: Array<{
    kind: ResourceKind;
    status: 'forbidden' | 'absent' | 'error';
    message?: string;
  }>;
}

/** Reads a snapshot directory; throws naming the bad file and document. */
export type SnapshotReader = (directory: string) => Promise<SnapshotContents>;

export interface SnapshotClusterSourceOptions {
  name: string;
  directory: string;
  read: SnapshotReader;
  logger: LoggerService;
  /** Gathers bursts of file changes into one reload. */
  debounceMs?: number;
}

/**
 * A cluster read from a directory of `kubectl get -o yaml` files, re-read when
 * its files change. A reload that fails keeps the last good objects and
 * reports the error in the cluster's status.
 */
export class SnapshotClusterSource implements ClusterSource {
  readonly type = 'snapshot';
  #watcher?: fs.FSWatcher;
  #timer?: NodeJS.Timeout;
  #status: ClusterStatus;
  #loads = 0;

  constructor(private readonly options: SnapshotClusterSourceOptions) {
    this.#status = {
      name: options.name,
      status: 'syncing',
      source: 'snapshot',
    };
  }

  get name() {
    return this.options.name;
  }

  /** Completed loads so far (the first one included). */
  get loads(): number {
    return this.#loads;
  }

  async start(sink: ClusterSink): Promise<void> {
    await this.load(sink);
    try {
      this.#watcher = fs.watch(
        this.options.directory,
        { recursive: true },
        () => {
          clearTimeout(this.#timer);
          this.#timer = setTimeout(() => {
            this.load(sink).catch(() => {});
          }, this.options.debounceMs ?? 200);
        },
      );
    } catch (error) {
      this.options.logger.warn(
        `snapshot ${this.name}: cannot watch ${this.options.directory} for changes: ${error}`,
      );
    }
  }

  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#watcher?.close();
  }

  status(): ClusterStatus {
    return this.#status;
  }

  private async load(sink: ClusterSink): Promise<void> {
    let contents: SnapshotContents;
    try {
      contents = await this.options.read(this.options.directory);
    } catch (error) {
      // The detail (file paths on the backend's disk, file contents) goes
      // to the log; clients get a fixed sentence.
      const detail = error instanceof Error ? error.message : String(error);
      this.options.logger.error(`snapshot ${this.name}: ${detail}`);
      const message =
        'the snapshot files could not be read (the backend log names the file)';
      this.#status = {
        ...this.#status,
        status: 'error',
        error: message,
        errorCode: 'invalid-response',
      };
      sink.sourceStatusChanged();
      if (this.#loads === 0) {
        for (const kind of RESOURCE_KINDS) {
          sink.status(kind, {
            resource: kind,
            status: 'error',
            error: message,
            errorCode: 'invalid-response',
          });
        }
      }
      return;
    }
    const byKind = new Map<ResourceKind, unknown[]>(
      RESOURCE_KINDS.map(k => [k, []]),
    );
    for (const object of contents.objects) {
      const kind = resourceKindOf(object);
      if (kind) byKind.get(kind)!.push(object);
    }
    const at = new Date().toISOString();
    const resources: ResourceStatus[] = [];
    for (const [kind, items] of byKind) {
      sink.listStarted(kind);
      for (const item of items) sink.upsert(kind, item);
      sink.listFinished(kind);
      sink.confirmed(kind, Date.parse(at));
      const unreadable = contents.unreadable.find(u => u.kind === kind);
      const status: ResourceStatus = unreadable
        ? {
            resource: kind,
            status: unreadable.status,
            error: unreadable.message,
          }
        : {
            resource: kind,
            status: 'synced',
            lastEventAt: at,
            objects: items.length,
          };
      sink.status(kind, status);
      resources.push(status);
    }
    this.#loads += 1;
    this.#status = {
      name: this.name,
      status: 'synced',
      source: 'snapshot',
      resources,
    };
    sink.sourceStatusChanged();
  }
}
