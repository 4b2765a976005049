import { InvalidObjectError, describeObject } from '../kube/objects';
import { namespaceScope } from '../velero/namespaceGlob';
import type { BackupScope } from '../velero/backupSpec';
import {
  dropMethod,
  emptyEvidence,
  foldEvidence,
  isEmptyEvidence,
  removeEvidence,
  type VolumeEvidence,
} from './evidence';
import {
  projectClaim,
  projectNamespace,
  projectPod,
  projectStorageClass,
  projectVolume,
} from './projectCore';
import {
  projectBackup,
  projectBsl,
  projectConfigMap,
  projectDataUpload,
  projectDeleteRequest,
  projectPodVolumeBackup,
  projectSchedule,
  type EvidenceKey,
  type ProjectedEvidence,
} from './projectVelero';
import {
  claimKey,
  type ClaimKey,
  type EvidenceMethod,
  type ProjectedBackup,
  type ProjectedBsl,
  type ProjectedClaim,
  type ProjectedConfigMap,
  type ProjectedDeleteRequest,
  type ProjectedNamespace,
  type ProjectedPod,
  type ProjectedSchedule,
  type ProjectedStorageClass,
  type ProjectedVolume,
} from './projections';
import {
  KindLedger,
  type KindReadability,
  type SkippedObjects,
} from './kindLedger';
import { resourceKindOf, type ResourceKind } from './resourceKinds';
import {
  projectDataDownload,
  projectPodVolumeRestore,
  projectRestore,
} from './projectRestore';
import type { ProjectedRestore, ProjectedRestoreCopy } from './projections';
import { RestoreIndex, type RestoreClaimLookup } from './restoreIndex';
import { identityOf, UidIndex } from './uidIndex';

export type {
  KindReadability,
  ResourceReadStatus,
  SkippedObjects,
} from './kindLedger';

/** A watch event, or a listed object (`ADDED`). @public */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** The raw Kubernetes object, with apiVersion and kind. */
  object: unknown;
}

/** @public */
export interface ClusterStateOptions {
  /**
   * Throw InvalidObjectError on a malformed object (snapshot files, where
   * the author should hear about it) instead of skipping and counting it
   * (live clusters, where one bad object must not hide the rest).
   */
  strict?: boolean;
}

/** @public */
export interface ClusterReachability {
  reachable: boolean;
  message?: string;
}

const NOTHING: ReadonlySet<ClaimKey> = new Set();
const EVENT_TYPES: ReadonlySet<string> = new Set([
  'ADDED',
  'MODIFIED',
  'DELETED',
]);

/** Folded copies, by the kind of key they came with. */
type EvidenceStore = Record<EvidenceKey['by'], Map<string, VolumeEvidence>>;

function emptyStore(): EvidenceStore {
  return { uid: new Map(), pod: new Map(), pvc: new Map() };
}
const EVIDENCE_KINDS: Partial<Record<ResourceKind, EvidenceMethod>> = {
  PodVolumeBackup: 'fs-backup',
  DataUpload: 'data-mover',
};

function objectKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function addToIndex<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  let set = index.get(key);
  if (!set) {
    set = new Set();
    index.set(key, set);
  }
  set.add(value);
}

function removeFromIndex<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}

/**
 * What the coverage engine knows about one cluster: projected objects,
 * folded per-volume backup evidence, indexes, and which kinds could be read.
 *
 * Pure and synchronous: a live source feeds it watch events, the snapshot
 * loader feeds it files. Every mutation returns the keys of the claims whose
 * verdict may have changed (existing claims, plus a claim that was just
 * deleted), so a cache recomputes only those (with `createClaimEvaluator`
 * once per batch, or `evaluateClaim`).
 * PodVolumeBackups and DataUploads are not stored: each is folded into its
 * volume's recent history (EVIDENCE_DEPTH entries per volume).
 * @public
 */
export class ClusterState {
  readonly #claims = new Map<ClaimKey, ProjectedClaim>();
  readonly #claimKeyByUid = new Map<string, ClaimKey>();
  readonly #claimKeyByVolume = new Map<string, ClaimKey>();
  readonly #claimsByNamespace = new Map<string, Set<ClaimKey>>();
  readonly #volumes = new Map<string, ProjectedVolume>();
  readonly #storageClasses = new Map<string, ProjectedStorageClass>();
  readonly #pods = new Map<string, ProjectedPod>();
  readonly #podsByClaim = new Map<ClaimKey, Set<string>>();
  readonly #namespaces = new Map<string, ProjectedNamespace>();
  readonly #backups = new Map<string, ProjectedBackup>();
  readonly #backupsBySchedule = new Map<string, Set<string>>();
  readonly #sortedScheduleBackups = new Map<string, ProjectedBackup[]>();
  readonly #schedules = new Map<string, ProjectedSchedule>();
  readonly #bsls = new Map<string, ProjectedBsl>();
  readonly #deleteRequests = new Map<string, ProjectedDeleteRequest>();
  readonly #configMaps = new Map<string, ProjectedConfigMap>();
  readonly #restores = new RestoreIndex();
  #evidence: EvidenceStore = emptyStore();
  readonly #ledger = new KindLedger();
  readonly #uids = new Map<ResourceKind, UidIndex>();
  readonly #strict: boolean;
  #reachability: ClusterReachability = { reachable: true };
  #revision = 0;
  readonly #kindRevisions = new Map<ResourceKind, number>();

  constructor(options: ClusterStateOptions = {}) {
    this.#strict = options.strict ?? false;
  }

  /** Increases with every change; lets callers cache derived data. */
  get revision(): number {
    return this.#revision;
  }

  /** Increases with every change to one kind's objects or readability. */
  kindRevision(kind: ResourceKind): number {
    return this.#kindRevisions.get(kind) ?? 0;
  }

  #bump(kind: ResourceKind | undefined): void {
    this.#revision++;
    if (kind) this.#kindRevisions.set(kind, this.kindRevision(kind) + 1);
  }

  // ---- mutations -------------------------------------------------------

  /**
   * Apply one watch event (or a listed object as `ADDED`). Objects of kinds
   * the engine does not read are ignored. A malformed object changes
   * nothing: it is skipped and counted (see `skipped`), or, in strict mode,
   * throws InvalidObjectError. Of two objects with one uid, the one with the
   * newer resourceVersion is kept.
   */
  apply(event: WatchEvent): ReadonlySet<ClaimKey> {
    const kind = resourceKindOf(event?.object);
    if (!EVENT_TYPES.has(event?.type)) {
      return this.#refuse(
        kind,
        `watch event type must be ADDED, MODIFIED or DELETED, not ${String(
          event?.type,
        ).slice(0, 40)}`,
      );
    }
    if (!kind) return NOTHING;
    const deleted = event.type === 'DELETED';
    let affected: ReadonlySet<ClaimKey>;
    try {
      // Each projection validates before it changes anything.
      affected = deleted
        ? this.#delete(kind, event.object)
        : this.#upsert(kind, event.object);
    } catch (error) {
      if (!(error instanceof InvalidObjectError)) throw error;
      return this.#refuse(kind, error.message);
    }
    this.#bump(kind);
    return affected;
  }

  /**
   * Replace every object of a kind (after a relist). Objects of other kinds
   * are ignored. Validates everything first: malformed objects are skipped
   * and counted (the kind's count starts afresh), or, in strict mode, one
   * throws and changes nothing. Of objects sharing a uid, the newest
   * resourceVersion wins. Returns every claim key before and after, since a
   * relist can change anything.
   */
  replaceAll(
    kind: ResourceKind,
    objects: Iterable<unknown>,
  ): ReadonlySet<ClaimKey> {
    const method = EVIDENCE_KINDS[kind];
    // Claims that disappear in a relist of claims are affected too.
    const affected = new Set(this.#claims.keys());
    const refused: string[] = [];
    if (method) {
      this.#replaceEvidence(kind, method, objects, refused);
    } else {
      const valid = this.#validObjects(kind, objects, refused);
      this.#clearKind(kind);
      this.#uidsOf(kind).clear();
      for (const object of valid) this.#upsert(kind, object);
    }
    this.#ledger.resetSkipped(kind);
    for (const reason of refused) this.#ledger.skip(kind, reason);
    this.#bump(kind);
    for (const key of this.#claims.keys()) affected.add(key);
    return affected;
  }

  /**
   * Replace a folded kind (PodVolumeBackups, DataUploads) as its relist
   * streams in, without holding the listed objects: `add` folds each into a
   * fresh copy of the evidence, `finish` swaps it in (evidence of objects
   * that are gone goes with the old copy) and returns every claim key.
   */
  replaceFolded(kind: ResourceKind): {
    add(object: unknown): void;
    finish(): ReadonlySet<ClaimKey>;
  } {
    const method = EVIDENCE_KINDS[kind];
    if (!method) throw new Error(`${kind} is not folded into evidence`);
    const refused: string[] = [];
    const fresh = this.#evidenceWithout(method);
    return {
      add: object => this.#foldInto(kind, object, fresh, refused),
      finish: () => {
        const affected = new Set(this.#claims.keys());
        this.#evidence = fresh;
        this.#ledger.resetSkipped(kind);
        for (const reason of refused) this.#ledger.skip(kind, reason);
        this.#bump(kind);
        return affected;
      },
    };
  }

  /** Record whether a kind could be read. Returns every claim key when it changed. */
  setReadability(
    kind: ResourceKind,
    readability: KindReadability,
  ): ReadonlySet<ClaimKey> {
    if (!this.#ledger.setReadability(kind, readability)) return NOTHING;
    this.#bump(kind);
    return new Set(this.#claims.keys());
  }

  /**
   * Record that a kind's data was current at `atMs` (a list completed, or a
   * watch event or bookmark parsed). Verdicts that depend on a kind not
   * confirmed within `staleAfterSeconds` are unknown.
   */
  confirm(kind: ResourceKind, atMs: number): void {
    this.#ledger.confirm(kind, atMs);
  }

  /** Record whether the cluster's API answers. Returns every claim key when it changed. */
  setReachability(reachability: ClusterReachability): ReadonlySet<ClaimKey> {
    const previous = this.#reachability;
    this.#reachability = { ...reachability };
    if (
      previous.reachable === reachability.reachable &&
      previous.message === reachability.message
    ) {
      return NOTHING;
    }
    this.#revision++;
    return new Set(this.#claims.keys());
  }

  // ---- reads -------------------------------------------------------------

  readability(kind: ResourceKind): KindReadability {
    return this.#ledger.readability(kind);
  }

  /** When a kind's data was last confirmed current (ms since epoch), if ever. */
  confirmedAt(kind: ResourceKind): number | undefined {
    return this.#ledger.confirmedAt(kind);
  }

  /** Objects of a kind refused on ingest: malformed, or an older duplicate uid. */
  skipped(kind: ResourceKind): SkippedObjects {
    return this.#ledger.skipped(kind);
  }

  reachability(): ClusterReachability {
    return this.#reachability;
  }

  claimKeys(): IterableIterator<ClaimKey> {
    return this.#claims.keys();
  }

  claim(key: ClaimKey): ProjectedClaim | undefined {
    return this.#claims.get(key);
  }

  claimKeyByUid(uid: string): ClaimKey | undefined {
    return this.#claimKeyByUid.get(uid);
  }

  claimKeysInNamespace(namespace: string): ReadonlySet<ClaimKey> {
    return this.#claimsByNamespace.get(namespace) ?? NOTHING;
  }

  claimNamespaces(): IterableIterator<string> {
    return this.#claimsByNamespace.keys();
  }

  volume(name: string): ProjectedVolume | undefined {
    return this.#volumes.get(name);
  }

  storageClass(name: string): ProjectedStorageClass | undefined {
    return this.#storageClasses.get(name);
  }

  pod(namespace: string, name: string): ProjectedPod | undefined {
    return this.#pods.get(objectKey(namespace, name));
  }

  pods(): IterableIterator<ProjectedPod> {
    return this.#pods.values();
  }

  /** Pods whose volumes reference the claim. */
  podsMounting(key: ClaimKey): ProjectedPod[] {
    const podKeys = this.#podsByClaim.get(key);
    if (!podKeys) return [];
    const pods: ProjectedPod[] = [];
    for (const podKey of podKeys) {
      const pod = this.#pods.get(podKey);
      if (pod) pods.push(pod);
    }
    return pods;
  }

  namespaces(): IterableIterator<ProjectedNamespace> {
    return this.#namespaces.values();
  }

  namespace(name: string): ProjectedNamespace | undefined {
    return this.#namespaces.get(name);
  }

  schedules(): IterableIterator<ProjectedSchedule> {
    return this.#schedules.values();
  }

  backup(namespace: string, name: string): ProjectedBackup | undefined {
    return this.#backups.get(objectKey(namespace, name));
  }

  backups(): IterableIterator<ProjectedBackup> {
    return this.#backups.values();
  }

  /** Backups a schedule created, newest first. */
  backupsOfSchedule(
    namespace: string,
    schedule: string,
  ): readonly ProjectedBackup[] {
    const key = objectKey(namespace, schedule);
    let sorted = this.#sortedScheduleBackups.get(key);
    if (!sorted) {
      sorted = [...(this.#backupsBySchedule.get(key) ?? [])]
        .map(backupKey => this.#backups.get(backupKey))
        .filter((b): b is ProjectedBackup => b !== undefined)
        .sort(
          (a, b) =>
            backupTime(b) - backupTime(a) || b.name.localeCompare(a.name),
        );
      this.#sortedScheduleBackups.set(key, sorted);
    }
    return sorted;
  }

  backupStorageLocations(): IterableIterator<ProjectedBsl> {
    return this.#bsls.values();
  }

  deleteBackupRequests(): IterableIterator<ProjectedDeleteRequest> {
    return this.#deleteRequests.values();
  }

  configMap(namespace: string, name: string): ProjectedConfigMap | undefined {
    return this.#configMaps.get(objectKey(namespace, name));
  }

  restore(namespace: string, name: string): ProjectedRestore | undefined {
    return this.#restores.restore(namespace, name);
  }

  /**
   * The PodVolumeRestores and DataDownloads that wrote back the data of a
   * claim's volume (into any namespace), in no particular order.
   */
  restoreCopiesFor(key: ClaimKey): ProjectedRestoreCopy[] {
    const claim = this.#claims.get(key);
    if (!claim) return [];
    return this.#restores.copiesOf(
      claim.namespace,
      claim.name,
      this.#restoreLookup,
    );
  }

  readonly #restoreLookup: RestoreClaimLookup = {
    claimOfPodVolume: (namespace, pod, volume) =>
      this.#pods
        .get(objectKey(namespace, pod))
        ?.claimMounts.find(m => m.volumeName === volume)?.claimName,
    claimNameByUid: uid => {
      const key = this.#claimKeyByUid.get(uid);
      return key === undefined ? undefined : this.#claims.get(key)?.name;
    },
  };

  /** Existing claims whose restored copies may have changed. */
  #claimsOfRestoreCopy(
    copy: ProjectedRestoreCopy,
    sourceNamespaces: string[],
  ): ReadonlySet<ClaimKey> {
    const affected = new Set<ClaimKey>();
    for (const namespace of sourceNamespaces) {
      if (copy.claimName !== undefined) {
        affected.add(claimKey(namespace, copy.claimName));
        continue;
      }
      // A PodVolumeRestore is resolved through pods and restored claims:
      // every claim of its source namespace may be the one.
      for (const key of this.claimKeysInNamespace(namespace)) affected.add(key);
    }
    return this.#existing(affected);
  }

  /**
   * The folded copies of a claim's volume, from every key they can be under
   * (PVC uid, claim name, pod volume). Read-only.
   */
  evidenceFor(key: ClaimKey): Readonly<VolumeEvidence> {
    const claim = this.#claims.get(key);
    if (!claim) return emptyEvidence();
    const found: VolumeEvidence[] = [];
    const add = (evidence: VolumeEvidence | undefined) => {
      if (evidence) found.push(evidence);
    };
    if (claim.uid) add(this.#evidence.uid.get(claim.uid));
    // Copies keyed by claim or pod name, not by uid, may be of an earlier
    // claim of that name (deleted, restored, re-created): only copies made
    // after this claim was created are its own.
    const own = (evidence: VolumeEvidence | undefined) => {
      if (!evidence || claim.createdAt === undefined) return evidence;
      const since = claim.createdAt;
      const recent = evidence.recent.filter(e => e.startedAt >= since);
      const completed = evidence.completed.filter(e => e.startedAt >= since);
      return recent.length + completed.length > 0
        ? { recent, completed }
        : undefined;
    };
    add(own(this.#evidence.pvc.get(key)));
    for (const pod of this.podsMounting(key)) {
      for (const mount of pod.claimMounts) {
        if (mount.claimName === claim.name) {
          add(
            own(
              this.#evidence.pod.get(
                `${pod.namespace}/${pod.name}/${mount.volumeName}`,
              ),
            ),
          );
        }
      }
    }
    if (found.length === 1) return found[0];
    return {
      recent: found
        .flatMap(e => e.recent)
        .sort((a, b) => b.startedAt - a.startedAt),
      completed: found
        .flatMap(e => e.completed)
        .sort(
          (a, b) =>
            (b.finishedAt ?? b.startedAt) - (a.finishedAt ?? a.startedAt),
        ),
    };
  }

  /** How many objects of each kind are held, and how many folded copies. */
  counts(): Record<ResourceKind, number> & {
    evidenceEntries: number;
    volumesWithEvidence: number;
  } {
    let evidenceEntries = 0;
    let volumesWithEvidence = 0;
    for (const store of Object.values(this.#evidence)) {
      volumesWithEvidence += store.size;
      for (const e of store.values())
        evidenceEntries += e.recent.length + e.completed.length;
    }
    return {
      PersistentVolumeClaim: this.#claims.size,
      PersistentVolume: this.#volumes.size,
      StorageClass: this.#storageClasses.size,
      Pod: this.#pods.size,
      Namespace: this.#namespaces.size,
      Backup: this.#backups.size,
      Schedule: this.#schedules.size,
      BackupStorageLocation: this.#bsls.size,
      // Not stored: folded into per-volume evidence.
      PodVolumeBackup: 0,
      DataUpload: 0,
      DeleteBackupRequest: this.#deleteRequests.size,
      ConfigMap: this.#configMaps.size,
      ...this.#restores.counts(),
      evidenceEntries,
      volumesWithEvidence,
    };
  }

  // ---- internals ---------------------------------------------------------

  #refuse(
    kind: ResourceKind | undefined,
    reason: string,
  ): ReadonlySet<ClaimKey> {
    if (this.#strict) throw new InvalidObjectError(reason);
    if (kind) this.#ledger.skip(kind, reason);
    return NOTHING;
  }

  #uidsOf(kind: ResourceKind): UidIndex {
    let index = this.#uids.get(kind);
    if (!index) {
      index = new UidIndex();
      this.#uids.set(kind, index);
    }
    return index;
  }

  /** Stores an object (already validated), resolving a duplicate uid. */
  #upsert(kind: ResourceKind, object: unknown): ReadonlySet<ClaimKey> {
    if (EVIDENCE_KINDS[kind]) return this.#applyKind(kind, object, false);
    const identity = identityOf(object);
    const uids = this.#uidsOf(kind);
    const decision = uids.check(identity);
    if (!decision.accept) {
      return this.#refuse(
        kind,
        `${describeObject(object).slice(0, 200)}: uid ${identity.uid?.slice(
          0,
          64,
        )} is held by a newer object`,
      );
    }
    const affected = new Set<ClaimKey>();
    if (decision.displaced !== undefined) {
      this.#project(kind, object); // valid before anything is deleted
      for (const key of this.#deleteKey(kind, decision.displaced))
        affected.add(key);
      this.#ledger.skip(
        kind,
        `${decision.displaced}: uid held by a newer object`,
      );
    }
    for (const key of this.#applyKind(kind, object, false)) affected.add(key);
    uids.record(identity);
    return affected;
  }

  #delete(kind: ResourceKind, object: unknown): ReadonlySet<ClaimKey> {
    if (!EVIDENCE_KINDS[kind]) this.#uidsOf(kind).forget(identityOf(object));
    return this.#applyKind(kind, object, true);
  }

  /** Deletes the object stored at `namespace/name` (a displaced duplicate). */
  #deleteKey(kind: ResourceKind, key: string): ReadonlySet<ClaimKey> {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    const stub = {
      kind,
      metadata: {
        name: key.slice(slash + 1),
        ...(namespace ? { namespace } : {}),
      },
    };
    // Its uid now belongs to the object that displaced it (recorded next).
    return this.#applyKind(kind, stub, true);
  }

  /** The valid objects of a kind, duplicates by uid resolved; the rest refused. */
  #validObjects(
    kind: ResourceKind,
    objects: Iterable<unknown>,
    refused: string[],
  ): unknown[] {
    const byKey = new Map<string, unknown>();
    const uids = new UidIndex();
    for (const object of objects) {
      if (resourceKindOf(object) !== kind) continue;
      try {
        this.#project(kind, object);
      } catch (error) {
        if (this.#strict || !(error instanceof InvalidObjectError)) throw error;
        refused.push(error.message);
        continue;
      }
      const identity = identityOf(object);
      const decision = uids.check(identity);
      if (!decision.accept) {
        refused.push(`${identity.key}: uid held by a newer object`);
        continue;
      }
      if (decision.displaced !== undefined) {
        byKey.delete(decision.displaced);
        refused.push(`${decision.displaced}: uid held by a newer object`);
      }
      uids.record(identity);
      byKey.set(identity.key, object);
    }
    return [...byKey.values()];
  }

  #project(kind: ResourceKind, object: unknown): unknown {
    switch (kind) {
      case 'PersistentVolumeClaim':
        return projectClaim(object);
      case 'PersistentVolume':
        return projectVolume(object);
      case 'StorageClass':
        return projectStorageClass(object);
      case 'Pod':
        return projectPod(object);
      case 'Namespace':
        return projectNamespace(object);
      case 'Backup':
        return projectBackup(object);
      case 'Schedule':
        return projectSchedule(object);
      case 'BackupStorageLocation':
        return projectBsl(object);
      case 'PodVolumeBackup':
        return projectPodVolumeBackup(object);
      case 'DataUpload':
        return projectDataUpload(object);
      case 'DeleteBackupRequest':
        return projectDeleteRequest(object);
      case 'ConfigMap':
        return projectConfigMap(object);
      case 'Restore':
        return projectRestore(object);
      case 'PodVolumeRestore':
        return projectPodVolumeRestore(object);
      case 'DataDownload':
        return projectDataDownload(object);
      default:
        throw new InvalidObjectError(
          `unsupported kind in ${describeObject(object)}`,
        );
    }
  }

  #applyKind(
    kind: ResourceKind,
    object: unknown,
    deleted: boolean,
  ): ReadonlySet<ClaimKey> {
    switch (kind) {
      case 'PersistentVolumeClaim':
        return this.#applyClaim(projectClaim(object), deleted);
      case 'PersistentVolume':
        return this.#applyVolume(projectVolume(object), deleted);
      case 'StorageClass':
        return this.#applyStorageClass(projectStorageClass(object), deleted);
      case 'Pod':
        return this.#applyPod(projectPod(object), deleted);
      case 'Namespace': {
        const namespace = projectNamespace(object);
        if (deleted) this.#namespaces.delete(namespace.name);
        else this.#namespaces.set(namespace.name, namespace);
        // Velero selects pods and claims, not namespaces, by label.
        return NOTHING;
      }
      case 'Backup':
        return this.#applyBackup(projectBackup(object), deleted);
      case 'Schedule':
        return this.#applySchedule(projectSchedule(object), deleted);
      case 'BackupStorageLocation': {
        const bsl = projectBsl(object);
        if (deleted) this.#bsls.delete(objectKey(bsl.namespace, bsl.name));
        else this.#bsls.set(objectKey(bsl.namespace, bsl.name), bsl);
        return new Set(this.#claims.keys());
      }
      case 'PodVolumeBackup':
        return this.#applyEvidence(
          projectPodVolumeBackup(object),
          deleted,
          this.#evidence,
        );
      case 'DataUpload':
        return this.#applyEvidence(
          projectDataUpload(object),
          deleted,
          this.#evidence,
        );
      case 'DeleteBackupRequest': {
        const request = projectDeleteRequest(object);
        const key = objectKey(request.namespace, request.name);
        if (deleted) this.#deleteRequests.delete(key);
        else this.#deleteRequests.set(key, request);
        return new Set(this.#claims.keys());
      }
      case 'ConfigMap': {
        const configMap = projectConfigMap(object);
        const key = objectKey(configMap.namespace, configMap.name);
        if (deleted) this.#configMaps.delete(key);
        else this.#configMaps.set(key, configMap);
        return new Set(this.#claims.keys());
      }
      case 'Restore':
        this.#restores.setRestore(projectRestore(object), deleted);
        // Which backup a copy came from, and whether its Restore finished.
        return new Set(this.#claims.keys());
      case 'PodVolumeRestore':
      case 'DataDownload': {
        const copy =
          kind === 'PodVolumeRestore'
            ? projectPodVolumeRestore(object)
            : projectDataDownload(object);
        return this.#claimsOfRestoreCopy(
          copy,
          this.#restores.setCopy(copy, deleted),
        );
      }
      default:
        return NOTHING;
    }
  }

  #applyClaim(claim: ProjectedClaim, deleted: boolean): ReadonlySet<ClaimKey> {
    const key = claimKey(claim.namespace, claim.name);
    const old = this.#claims.get(key);
    if (old) {
      if (this.#claimKeyByUid.get(old.uid) === key)
        this.#claimKeyByUid.delete(old.uid);
      if (
        old.volumeName &&
        this.#claimKeyByVolume.get(old.volumeName) === key
      ) {
        this.#claimKeyByVolume.delete(old.volumeName);
      }
    }
    if (deleted) {
      this.#claims.delete(key);
      removeFromIndex(this.#claimsByNamespace, claim.namespace, key);
    } else {
      this.#claims.set(key, claim);
      if (claim.uid) this.#claimKeyByUid.set(claim.uid, key);
      if (claim.volumeName) this.#claimKeyByVolume.set(claim.volumeName, key);
      addToIndex(this.#claimsByNamespace, claim.namespace, key);
    }
    return new Set([key]);
  }

  #existing(keys: Iterable<ClaimKey | undefined>): Set<ClaimKey> {
    const out = new Set<ClaimKey>();
    for (const key of keys)
      if (key !== undefined && this.#claims.has(key)) out.add(key);
    return out;
  }

  #applyVolume(
    volume: ProjectedVolume,
    deleted: boolean,
  ): ReadonlySet<ClaimKey> {
    const old = this.#volumes.get(volume.name);
    if (deleted) this.#volumes.delete(volume.name);
    else this.#volumes.set(volume.name, volume);
    const ref = (v?: ProjectedVolume) =>
      v?.claimRef ? claimKey(v.claimRef.namespace, v.claimRef.name) : undefined;
    return this.#existing([
      this.#claimKeyByVolume.get(volume.name),
      ref(old),
      ref(volume),
    ]);
  }

  #applyStorageClass(
    sc: ProjectedStorageClass,
    deleted: boolean,
  ): ReadonlySet<ClaimKey> {
    if (deleted) this.#storageClasses.delete(sc.name);
    else this.#storageClasses.set(sc.name, sc);
    const affected = new Set<ClaimKey>();
    for (const [key, claim] of this.#claims) {
      const className =
        claim.storageClassName ??
        (claim.volumeName
          ? this.#volumes.get(claim.volumeName)?.storageClassName
          : undefined);
      if (className === sc.name) affected.add(key);
    }
    return affected;
  }

  #applyPod(pod: ProjectedPod, deleted: boolean): ReadonlySet<ClaimKey> {
    const key = objectKey(pod.namespace, pod.name);
    const old = this.#pods.get(key);
    const touched: ClaimKey[] = [];
    for (const mount of old?.claimMounts ?? []) {
      const ck = claimKey(old!.namespace, mount.claimName);
      removeFromIndex(this.#podsByClaim, ck, key);
      touched.push(ck);
    }
    if (deleted) {
      this.#pods.delete(key);
    } else {
      this.#pods.set(key, pod);
      for (const mount of pod.claimMounts) {
        const ck = claimKey(pod.namespace, mount.claimName);
        addToIndex(this.#podsByClaim, ck, key);
        touched.push(ck);
      }
    }
    return this.#existing(touched);
  }

  #claimsInScope(scopes: Array<BackupScope | undefined>): Set<ClaimKey> {
    const affected = new Set<ClaimKey>();
    for (const [namespace, keys] of this.#claimsByNamespace) {
      const inScope = scopes.some(
        scope => scope && namespaceScope(scope, namespace) === 'included',
      );
      if (inScope) for (const key of keys) affected.add(key);
    }
    return affected;
  }

  #applyBackup(
    backup: ProjectedBackup,
    deleted: boolean,
  ): ReadonlySet<ClaimKey> {
    const key = objectKey(backup.namespace, backup.name);
    const old = this.#backups.get(key);
    if (old?.scheduleName) {
      const scheduleKey = objectKey(old.namespace, old.scheduleName);
      removeFromIndex(this.#backupsBySchedule, scheduleKey, key);
      this.#sortedScheduleBackups.delete(scheduleKey);
    }
    if (deleted) {
      this.#backups.delete(key);
    } else {
      this.#backups.set(key, backup);
      if (backup.scheduleName) {
        const scheduleKey = objectKey(backup.namespace, backup.scheduleName);
        addToIndex(this.#backupsBySchedule, scheduleKey, key);
        this.#sortedScheduleBackups.delete(scheduleKey);
      }
    }
    return this.#claimsInScope([old?.scope, backup.scope]);
  }

  #applySchedule(
    schedule: ProjectedSchedule,
    deleted: boolean,
  ): ReadonlySet<ClaimKey> {
    const key = objectKey(schedule.namespace, schedule.name);
    const old = this.#schedules.get(key);
    if (deleted) this.#schedules.delete(key);
    else this.#schedules.set(key, schedule);
    return this.#claimsInScope([old?.template, schedule.template]);
  }

  #claimsForEvidenceKey(key: EvidenceKey): ReadonlySet<ClaimKey> {
    let claim: ClaimKey | undefined;
    if (key.by === 'uid') {
      claim = this.#claimKeyByUid.get(key.id);
    } else if (key.by === 'pvc') {
      claim = key.id;
    } else {
      const [namespace, podName, volume] = key.id.split('/');
      const mount = this.#pods
        .get(objectKey(namespace, podName))
        ?.claimMounts.find(m => m.volumeName === volume);
      claim = mount ? claimKey(namespace, mount.claimName) : undefined;
    }
    if (claim === undefined || !this.#claims.has(claim)) return NOTHING;
    // Not `new Set([claim])`: this runs for every PodVolumeBackup event.
    const affected = new Set<ClaimKey>();
    affected.add(claim);
    return affected;
  }

  #applyEvidence(
    projected: ProjectedEvidence | undefined,
    deleted: boolean,
    store: EvidenceStore,
  ): ReadonlySet<ClaimKey> {
    if (!projected) return NOTHING;
    const { key, entry } = projected;
    const map = store[key.by];
    let evidence = map.get(key.id);
    let changed: boolean;
    if (deleted) {
      changed = evidence ? removeEvidence(evidence, entry) : false;
      if (evidence && isEmptyEvidence(evidence)) map.delete(key.id);
    } else {
      if (!evidence) {
        evidence = emptyEvidence();
        map.set(key.id, evidence);
      }
      changed = foldEvidence(evidence, entry);
    }
    return changed ? this.#claimsForEvidenceKey(key) : NOTHING;
  }

  #replaceEvidence(
    kind: ResourceKind,
    method: EvidenceMethod,
    objects: Iterable<unknown>,
    refused: string[],
  ): void {
    // Fold into a copy and swap it in at the end, so a malformed object
    // leaves the state as it was, without holding every listed object.
    const fresh = this.#evidenceWithout(method);
    for (const object of objects) this.#foldInto(kind, object, fresh, refused);
    this.#evidence = fresh;
  }

  /** A copy of the evidence without the entries of one method. */
  #evidenceWithout(method: EvidenceMethod): EvidenceStore {
    const fresh = emptyStore();
    for (const by of ['uid', 'pod', 'pvc'] as const) {
      for (const [id, evidence] of this.#evidence[by]) {
        const copy = {
          recent: [...evidence.recent],
          completed: [...evidence.completed],
        };
        dropMethod(copy, method);
        if (!isEmptyEvidence(copy)) fresh[by].set(id, copy);
      }
    }
    return fresh;
  }

  #foldInto(
    kind: ResourceKind,
    object: unknown,
    store: EvidenceStore,
    refused: string[],
  ): void {
    if (resourceKindOf(object) !== kind) return;
    let projected: ProjectedEvidence | undefined;
    try {
      projected =
        kind === 'PodVolumeBackup'
          ? projectPodVolumeBackup(object)
          : projectDataUpload(object);
    } catch (error) {
      if (this.#strict || !(error instanceof InvalidObjectError)) throw error;
      refused.push(error.message);
      return;
    }
    this.#applyEvidence(projected, false, store);
  }

  #clearKind(kind: ResourceKind): void {
    switch (kind) {
      case 'PersistentVolumeClaim':
        this.#claims.clear();
        this.#claimKeyByUid.clear();
        this.#claimKeyByVolume.clear();
        this.#claimsByNamespace.clear();
        break;
      case 'PersistentVolume':
        this.#volumes.clear();
        break;
      case 'StorageClass':
        this.#storageClasses.clear();
        break;
      case 'Pod':
        this.#pods.clear();
        this.#podsByClaim.clear();
        break;
      case 'Namespace':
        this.#namespaces.clear();
        break;
      case 'Backup':
        this.#backups.clear();
        this.#backupsBySchedule.clear();
        this.#sortedScheduleBackups.clear();
        break;
      case 'Schedule':
        this.#schedules.clear();
        break;
      case 'BackupStorageLocation':
        this.#bsls.clear();
        break;
      case 'DeleteBackupRequest':
        this.#deleteRequests.clear();
        break;
      case 'ConfigMap':
        this.#configMaps.clear();
        break;
      case 'Restore':
        this.#restores.clearRestores();
        break;
      case 'PodVolumeRestore':
        this.#restores.clearMethod('fs-backup');
        break;
      case 'DataDownload':
        this.#restores.clearMethod('data-mover');
        break;
      default:
        break;
    }
  }
}

function backupTime(backup: ProjectedBackup): number {
  return backup.createdAt ?? backup.startedAt ?? backup.completedAt ?? 0;
}
