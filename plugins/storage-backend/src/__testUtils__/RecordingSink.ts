import type {
  ResourceKind,
  ResourceStatus,
} from '@gitops-storage/plugin-storage-common';
import type { ClusterSink } from '../sources/ClusterSource';

type Meta = { metadata?: { name?: string; namespace?: string } };
const keyOf = (o: unknown) =>
  `${(o as Meta).metadata?.namespace ?? ''}/${(o as Meta).metadata?.name}`;

/** A sink that keeps what it is told with list/replace semantics, for tests. */
export class RecordingSink implements ClusterSink {
  readonly objects = new Map<ResourceKind, Map<string, unknown>>();
  readonly statuses = new Map<ResourceKind, ResourceStatus>();
  /** Every status each kind went through, in order. */
  readonly history = new Map<ResourceKind, string[]>();
  readonly lists = new Map<ResourceKind, number>();
  #listing = new Map<ResourceKind, Map<string, unknown>>();

  listStarted(kind: ResourceKind): void {
    this.#listing.set(kind, new Map());
    this.lists.set(kind, (this.lists.get(kind) ?? 0) + 1);
  }

  upsert(kind: ResourceKind, object: unknown): void {
    const target = this.#listing.get(kind) ?? this.#of(kind);
    target.set(keyOf(object), object);
  }

  remove(kind: ResourceKind, object: unknown): void {
    this.#of(kind).delete(keyOf(object));
  }

  listFinished(kind: ResourceKind): void {
    this.objects.set(kind, this.#listing.get(kind) ?? new Map());
    this.#listing.delete(kind);
  }

  status(kind: ResourceKind, status: ResourceStatus): void {
    this.statuses.set(kind, { ...status });
    this.history.set(kind, [...(this.history.get(kind) ?? []), status.status]);
  }

  /** When each kind was last confirmed current, and how often. */
  readonly confirmedAt = new Map<ResourceKind, number>();
  readonly confirmations = new Map<ResourceKind, number>();
  sourceStatusChanges = 0;

  sourceStatusChanged(): void {
    this.sourceStatusChanges += 1;
  }

  confirmed(kind: ResourceKind, atMs: number): void {
    this.confirmedAt.set(kind, atMs);
    this.confirmations.set(kind, (this.confirmations.get(kind) ?? 0) + 1);
  }

  names(kind: ResourceKind): string[] {
    return [...this.#of(kind).keys()].sort();
  }

  #of(kind: ResourceKind) {
    let map = this.objects.get(kind);
    if (!map) this.objects.set(kind, (map = new Map()));
    return map;
  }
}

/** Polls until the check passes (or throws its last error after the timeout). */
export async function eventually(
  check: () => void | Promise<void>,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  }
}
