import type { BackupScope } from '../velero/backupSpec';
import { claimsInScope } from './claimsInScope';
import { addToIndex, removeFromIndex } from './indexing';
import { claimKey, type ClaimKey, type ProjectedClaim } from './projections';

const NONE: ReadonlySet<ClaimKey> = new Set();

/**
 * The PersistentVolumeClaims of a cluster, by key, and the indexes that
 * find them from what other objects name: their uid (PodVolumeBackups,
 * DataUploads, restored copies), their bound volume, their namespace
 * (Backup and Schedule scopes).
 */
export class ClaimIndex {
  readonly #claims = new Map<ClaimKey, ProjectedClaim>();
  readonly #keyByUid = new Map<string, ClaimKey>();
  readonly #keyByVolume = new Map<string, ClaimKey>();
  readonly #byNamespace = new Map<string, Set<ClaimKey>>();

  get size(): number {
    return this.#claims.size;
  }

  get(key: ClaimKey): ProjectedClaim | undefined {
    return this.#claims.get(key);
  }

  has(key: ClaimKey): boolean {
    return this.#claims.has(key);
  }

  keys(): IterableIterator<ClaimKey> {
    return this.#claims.keys();
  }

  entries(): IterableIterator<[ClaimKey, ProjectedClaim]> {
    return this.#claims.entries();
  }

  keyByUid(uid: string): ClaimKey | undefined {
    return this.#keyByUid.get(uid);
  }

  keyByVolume(volumeName: string): ClaimKey | undefined {
    return this.#keyByVolume.get(volumeName);
  }

  inNamespace(namespace: string): ReadonlySet<ClaimKey> {
    return this.#byNamespace.get(namespace) ?? NONE;
  }

  /** Namespaces that hold at least one claim. */
  namespaces(): IterableIterator<string> {
    return this.#byNamespace.keys();
  }

  /** Claims in the namespaces the scopes include (see claimsInScope). */
  inScope(scopes: ReadonlyArray<BackupScope | undefined>): Set<ClaimKey> {
    return claimsInScope(this.#byNamespace, scopes);
  }

  /** The keys that name a claim held now, without duplicates. */
  existing(keys: Iterable<ClaimKey | undefined>): Set<ClaimKey> {
    const out = new Set<ClaimKey>();
    for (const key of keys)
      if (key !== undefined && this.#claims.has(key)) out.add(key);
    return out;
  }

  /** Stores or deletes a claim; returns its key. */
  set(claim: ProjectedClaim, deleted: boolean): ClaimKey {
    const key = claimKey(claim.namespace, claim.name);
    const old = this.#claims.get(key);
    if (old) {
      // A newer claim may hold the uid or volume already: leave it.
      if (this.#keyByUid.get(old.uid) === key) this.#keyByUid.delete(old.uid);
      if (old.volumeName && this.#keyByVolume.get(old.volumeName) === key) {
        this.#keyByVolume.delete(old.volumeName);
      }
    }
    if (deleted) {
      this.#claims.delete(key);
      removeFromIndex(this.#byNamespace, claim.namespace, key);
    } else {
      this.#claims.set(key, claim);
      if (claim.uid) this.#keyByUid.set(claim.uid, key);
      if (claim.volumeName) this.#keyByVolume.set(claim.volumeName, key);
      addToIndex(this.#byNamespace, claim.namespace, key);
    }
    return key;
  }

  clear(): void {
    this.#claims.clear();
    this.#keyByUid.clear();
    this.#keyByVolume.clear();
    this.#byNamespace.clear();
  }
}
