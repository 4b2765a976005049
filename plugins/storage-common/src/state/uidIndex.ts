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
 */
export class UidIndex {
  readonly #byUid = new Map<string, { key: string; version?: string }>();
  readonly #uidByKey = new Map<string, string>();

  /**
   * Decides on an incoming object: `accept` (and the key of an older object
   * it displaces, if any), or `older` when another object holds its uid at a
   * newer version.
   */
  check(
    identity: ObjectIdentity,
  ): { accept: true; displaced?: string } | { accept: false } {
    if (!identity.uid) return { accept: true };
    const holder = this.#byUid.get(identity.uid);
    if (!holder || holder.key === identity.key) return { accept: true };
    if (!isNewerVersion(identity.resourceVersion, holder.version)) {
      return { accept: false };
    }
    return { accept: true, displaced: holder.key };
  }

  /** Records that `identity.key` now holds its uid (or no uid). */
  record(identity: ObjectIdentity): void {
    this.forget(identity.key);
    if (!identity.uid) return;
    const displaced = this.#byUid.get(identity.uid);
    if (displaced) this.#uidByKey.delete(displaced.key);
    this.#byUid.set(identity.uid, {
      key: identity.key,
      version: identity.resourceVersion,
    });
    this.#uidByKey.set(identity.key, identity.uid);
  }

  /** The object at `key` is gone. */
  forget(key: string): void {
    const uid = this.#uidByKey.get(key);
    if (uid === undefined) return;
    this.#uidByKey.delete(key);
    if (this.#byUid.get(uid)?.key === key) this.#byUid.delete(uid);
  }

  clear(): void {
    this.#byUid.clear();
    this.#uidByKey.clear();
  }
}
