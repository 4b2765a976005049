import type { LabelRequirement } from './labelSelector';

/** A Kubernetes object as the fake server stores it. */
export type StoredObject = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
};

/** What a list or watch URL addresses: a resource type, maybe in one namespace. */
export interface ResourcePath {
  /** `''` for the core group. */
  group: string;
  version: string;
  /** Plural resource name, e.g. `persistentvolumeclaims`. */
  resource: string;
  namespace?: string;
}

/** One line of a watch stream. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: unknown;
}

/**
 * Where the fake server's objects come from. The in-memory store serves tests;
 * a benchmark can generate objects on demand instead of holding them.
 */
export interface ResourceStore {
  /** True when the resource type exists (else the server answers 404). */
  hasResource(path: ResourcePath): boolean;
  /** The current resource version (a decimal string, as etcd's revisions). */
  currentVersion(): string;
  /**
   * Objects in list order from `offset`, at most `limit` of them; with a
   * selector, only those whose labels satisfy it (offset and total count
   * the matching objects).
   */
  listPage(
    path: ResourcePath,
    offset: number,
    limit: number,
    selector?: readonly LabelRequirement[],
  ): { items: StoredObject[]; total: number };
  /**
   * Optional: the same page with every item already serialized as JSON, for
   * stores that generate or keep objects as text (kube-apiserver's watch
   * cache keeps them serialized too). The server uses it when present, so
   * serving a large list costs a copy rather than a JSON.stringify.
   */
  listPageJson?(
    path: ResourcePath,
    offset: number,
    limit: number,
    selector?: readonly LabelRequirement[],
  ): { items: string[]; total: number };
  /**
   * Events after `resourceVersion` for the path, or `'gone'` when that
   * version is older than the oldest event kept (the server answers 410).
   */
  eventsSince(
    path: ResourcePath,
    resourceVersion: string,
  ): WatchEvent[] | 'gone';
  /** Calls back on every new event; returns an unsubscribe function. */
  subscribe(
    listener: (path: ResourcePath, event: WatchEvent) => void,
  ): () => void;
}
