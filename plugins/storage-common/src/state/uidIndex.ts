import { recordAt, stringAt } from '../kube/objects';

/** The identity fields of a raw object that ingest decides on. */
export interface ObjectIdentity {
  /** `namespace/name` (`/name` for cluster-scoped objects). */
  key: string;
  uid?: string;
  resourceVersion?: string;
}

export function identityOf(raw: unknown): ObjectIdentity {
  const metadata = recordAt(raw, 'metadata');
  return {
    key: `${stringAt(metadata, 'namespace') ?? ''}/${
      stringAt(metadata, 'name') ?? ''
    }`,
    uid: stringAt(metadata, 'uid') || undefined,
    resourceVersion: stringAt(metadata, 'resourceVersion') || undefined,
  };
}

/**
 * Whether resourceVersion `a` is newer than `b`. resourceVersions are opaque
 * to clients, but every API server in practice serves etcd revisions
 * (decimal integers); anything else counts as newer, so the object that
 * arrived last wins.
 */
export function isNewerVersion(a?: string, b?: string): boolean {
  if (a === undefined || b === undefined) return true;
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    return a.length !== b.length ? a.length > b.length : a >= b;
  }
  return true;
}

/**
 * Which object holds each uid, for one kind. Two objects with one uid (a
 * buggy or hostile API server, or a snapshot file listed twice) are resolved
 * by the newest resourceVersion: the other is dropped.
 *
 * One map entry per object, its value `version NUL key`: this index is kept
 * for every object of a cluster, so it is kept small.
 */
export class UidIndex {
  readonly #byUid = new Map<string, string>();

  static #holder(value: string): { key: string; version?: string } {
    const cut = value.indexOf('\0');
    const version = value.slice(0, cut);
    return { key: value.slice(cut + 1), version: version || undefined };
  }

  /**
   * Decides on an incoming object: `accept` (and the key of an older object
   * it displaces, if any), or `older` when another object holds its uid at a
   * newer version.
   */
  check(
    identity: ObjectIdentity,
  ): { accept: true; displaced?: string } | { accept: false } {
    if (!identity.uid) return { accept: true };
    const value = this.#byUid.get(identity.uid);
    if (value === undefined) return { accept: true };
    const holder = UidIndex.#holder(value);
    if (holder.key === identity.key) return { accept: true };
    if (!isNewerVersion(identity.resourceVersion, holder.version)) {
      return { accept: false };
    }
    return { accept: true, displaced: holder.key };
  }

  /** Records that `identity.key` now holds its uid (or no uid). */
  record(identity: ObjectIdentity): void {
    if (!identity.uid) return;
    this.#byUid.set(
      identity.uid,
      `${identity.resourceVersion ?? ''}\0${identity.key}`,
    );
  }

  /**
   * The object is gone. Its uid is released when it still points at it (an
   * object re-created under the same name with a new uid leaves its old uid
   * until a delete or relist; uids are never reused, so that is harmless).
   */
  forget(identity: ObjectIdentity): void {
    if (!identity.uid) return;
    const value = this.#byUid.get(identity.uid);
    if (value !== undefined && UidIndex.#holder(value).key === identity.key) {
      this.#byUid.delete(identity.uid);
    }
  }

  clear(): void {
    this.#byUid.clear();
  }
}
