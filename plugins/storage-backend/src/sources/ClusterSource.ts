import type {
  ClusterStatus,
  ResourceKind,
  ResourceStatus,
} from '@gitops-storage/plugin-storage-common';

/**
 * What a source delivers for one cluster. Objects arrive raw; the store
 * projects them on ingest and keeps only what verdicts need.
 */
export interface ClusterSink {
  /** A full (re)list of a kind begins. */
  listStarted(kind: ResourceKind): void;
  upsert(kind: ResourceKind, object: unknown): void;
  remove(kind: ResourceKind, object: unknown): void;
  /** The (re)list is complete: objects not upserted since it began are gone. */
  listFinished(kind: ResourceKind): void;
  /** A kind's read status changed (synced, forbidden, absent, unreachable…). */
  status(kind: ResourceKind, status: ResourceStatus): void;
  /**
   * A kind's data was current at `atMs`: a list completed, or a watch event
   * or bookmark parsed. Verdicts need every kind confirmed within
   * `storage.sync.staleAfterSeconds` (live clusters).
   */
  confirmed(kind: ResourceKind, atMs: number): void;
  /**
   * The source's own status changed without any kind's status changing
   * (a snapshot that failed to reload keeps serving its last objects).
   */
  sourceStatusChanged(): void;
}

/** A cluster whose storage objects the plugin reads: live, or a snapshot. */
export interface ClusterSource {
  readonly name: string;
  readonly type: 'kubernetes' | 'snapshot';
  /** Starts reading; resolves once every kind has been listed (or failed). */
  start(sink: ClusterSink): Promise<void>;
  stop(): Promise<void>;
  /**
   * How well the cluster is read right now. It changes only together with
   * a call to the sink (status, confirmed, or an object or list), which is
   * when the cache reads it again: between those calls it is served from a
   * copy, since every entity answer reads it.
   */
  status(): ClusterStatus;
}
