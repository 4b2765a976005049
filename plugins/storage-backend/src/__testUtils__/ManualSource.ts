import {
  RESOURCE_KINDS,
  resourceKindOf,
  type ClusterStatus,
} from '@gitops-storage/plugin-storage-common';
import type { ClusterSink, ClusterSource } from '../sources/ClusterSource';

/**
 * A source driven by the test: it lists `objects` once, kind by kind, and
 * then waits for `gate`; its status is whatever the test sets.
 */
export class ManualSource implements ClusterSource {
  readonly type = 'snapshot';
  sink!: ClusterSink;
  currentStatus: Omit<ClusterStatus, 'name'> = { status: 'synced' };

  constructor(
    readonly objects: unknown[],
    private readonly gate: Promise<void> = Promise.resolve(),
    readonly name = 'test',
  ) {}

  async start(sink: ClusterSink) {
    this.sink = sink;
    for (const kind of RESOURCE_KINDS) {
      sink.listStarted(kind);
      for (const o of this.objects)
        if (resourceKindOf(o) === kind) sink.upsert(kind, o);
      sink.listFinished(kind);
      sink.status(kind, { resource: kind, status: 'synced' });
    }
    await this.gate;
  }

  /**
   * Changes the status as a real source does: together with a sink call
   * (here, a confirmation), which is when the cache reads it again.
   */
  setStatus(next: Omit<ClusterStatus, 'name'>) {
    this.currentStatus = next;
    this.sink.confirmed('Namespace', Date.now());
  }

  async stop() {}

  status(): ClusterStatus {
    return { name: this.name, ...this.currentStatus };
  }
}
