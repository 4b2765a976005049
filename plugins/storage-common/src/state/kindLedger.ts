import type { ResourceKind } from './resourceKinds';

/**
 * Whether a kind could be read from the cluster. `absent`: the API does not
 * serve it (e.g. Velero's CRDs are not installed). @public
 */
export type ResourceReadStatus = 'readable' | 'forbidden' | 'absent' | 'error';

/** @public */
export interface KindReadability {
  status: ResourceReadStatus;
  message?: string;
}

/** Objects of a kind that were refused on ingest (malformed, duplicate uid). @public */
export interface SkippedObjects {
  count: number;
  /** Why the last one was refused. */
  lastReason?: string;
}

const READABLE: KindReadability = { status: 'readable' };

/**
 * Per kind: whether it could be read, when its data was last confirmed
 * current (a list, or a watch event or bookmark that parsed), and how many of
 * its objects were refused. The bookkeeping half of ClusterState.
 */
export class KindLedger {
  readonly #readability = new Map<ResourceKind, KindReadability>();
  readonly #confirmedAt = new Map<ResourceKind, number>();
  readonly #skipped = new Map<ResourceKind, SkippedObjects>();

  readability(kind: ResourceKind): KindReadability {
    return this.#readability.get(kind) ?? READABLE;
  }

  /** Returns true when the readability changed. */
  setReadability(kind: ResourceKind, readability: KindReadability): boolean {
    const previous = this.readability(kind);
    this.#readability.set(kind, { ...readability });
    return (
      previous.status !== readability.status ||
      previous.message !== readability.message
    );
  }

  /** Records that the kind's data was current at `atMs`; never moves back. */
  confirm(kind: ResourceKind, atMs: number): void {
    const previous = this.#confirmedAt.get(kind);
    if (previous === undefined || atMs > previous)
      this.#confirmedAt.set(kind, atMs);
  }

  /** When the kind's data was last confirmed (ms since epoch), if ever. */
  confirmedAt(kind: ResourceKind): number | undefined {
    return this.#confirmedAt.get(kind);
  }

  skip(kind: ResourceKind, reason: string): void {
    const entry = this.#skipped.get(kind) ?? { count: 0 };
    entry.count += 1;
    entry.lastReason = reason;
    this.#skipped.set(kind, entry);
  }

  /** Forget a kind's refusals (a relist counts them afresh). */
  resetSkipped(kind: ResourceKind): void {
    this.#skipped.delete(kind);
  }

  skipped(kind: ResourceKind): SkippedObjects {
    return this.#skipped.get(kind) ?? { count: 0 };
  }
}
