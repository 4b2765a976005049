import { InvalidObjectError, describeObject } from '../kube/objects';
import {
  claimOfEvidenceKey,
  claimsOfRestoreCopy,
  claimsOfStorageClass,
  claimsOfVolume,
} from './affectedClaims';
import { ClaimIndex } from './claimIndex';
import { emptyEvidence, type VolumeEvidence } from './evidence';
import { EVIDENCE_KINDS, EvidenceIndex } from './evidenceIndex';
import {
  KindLedger,
  type KindReadability,
  type SkippedObjects,
} from './kindLedger';
import { PodIndex } from './podIndex';
import {
  projectClaim,
  projectNamespace,
  projectPod,
  projectStorageClass,
  projectVolume,
} from './projectCore';
import { projectObject } from './projectObject';
import {
  projectDataDownload,
  projectPodVolumeRestore,
  projectRestore,
} from './projectRestore';
import {
  projectBackup,
  projectBsl,
  projectConfigMap,
  projectDataUpload,
  projectDeleteRequest,
  projectPodVolumeBackup,
  projectSchedule,
  ProjectedEvidence,
} from './projectVelero';
import type {
  ClaimKey,
  ProjectedBackup,
  ProjectedBsl,
  ProjectedClaim,
  ProjectedConfigMap,
  ProjectedDeleteRequest,
  ProjectedNamespace,
  ProjectedPod,
  ProjectedRestore,
  ProjectedRestoreCopy,
  ProjectedSchedule,
  ProjectedStorageClass,
  ProjectedVolume,
} from './projections';
import { foldRelisted, validObjects } from './relist';
import { resourceKindOf, type ResourceKind } from './resourceKinds';
import { RestoreIndex, type RestoreClaimLookup } from './restoreIndex';
import { identityOf, UidIndex } from './uidIndex';
import { VeleroObjects } from './veleroObjects';

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
 *
 * A facade: the stores (ClaimIndex, PodIndex, VeleroObjects, RestoreIndex,
 * EvidenceIndex) hold the objects; this class routes each object to its
 * store, resolves duplicate uids, counts refusals, and tells which claims a
 * change touches.
 * @public
 */
export class ClusterState {
  readonly #claims = new ClaimIndex();
  readonly #pods = new PodIndex();
  readonly #volumes = new Map<string, ProjectedVolume>();
  readonly #storageClasses = new Map<string, ProjectedStorageClass>();
  readonly #namespaces = new Map<string, ProjectedNamespace>();
  readonly #velero = new VeleroObjects();
  readonly #restores = new RestoreIndex();
  /** Replaced whole when a folded kind is relisted. */
  #evidence = new EvidenceIndex();
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
      // Folded into a copy and swapped in at the end, so a malformed object
      // leaves the state as it was, without holding every listed object.
      const fresh = this.#evidence.without(method);
      for (const object of objects)
        foldRelisted(kind, object, fresh, this.#strict, refused);
      this.#evidence = fresh;
    } else {
      const valid = validObjects(kind, objects, this.#strict, refused);
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
    const fresh = this.#evidence.without(method);
    return {
      add: object => foldRelisted(kind, object, fresh, this.#strict, refused),
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
    return this.#claims.keyByUid(uid);
  }

  claimKeysInNamespace(namespace: string): ReadonlySet<ClaimKey> {
    return this.#claims.inNamespace(namespace);
  }

  claimNamespaces(): IterableIterator<string> {
    return this.#claims.namespaces();
  }

  volume(name: string): ProjectedVolume | undefined {
    return this.#volumes.get(name);
  }

  storageClass(name: string): ProjectedStorageClass | undefined {
    return this.#storageClasses.get(name);
  }

  pod(namespace: string, name: string): ProjectedPod | undefined {
    return this.#pods.get(namespace, name);
  }

  pods(): IterableIterator<ProjectedPod> {
    return this.#pods.values();
  }

  /** Pods whose volumes reference the claim. */
  podsMounting(key: ClaimKey): ProjectedPod[] {
    return this.#pods.mounting(key);
  }

  namespaces(): IterableIterator<ProjectedNamespace> {
    return this.#namespaces.values();
  }

  namespace(name: string): ProjectedNamespace | undefined {
    return this.#namespaces.get(name);
  }

  schedules(): IterableIterator<ProjectedSchedule> {
    return this.#velero.schedules();
  }

  backup(namespace: string, name: string): ProjectedBackup | undefined {
    return this.#velero.backup(namespace, name);
  }

  backups(): IterableIterator<ProjectedBackup> {
    return this.#velero.backups();
  }

  /** Backups a schedule created, newest first. */
  backupsOfSchedule(
    namespace: string,
    schedule: string,
  ): readonly ProjectedBackup[] {
    return this.#velero.backupsOfSchedule(namespace, schedule);
  }

  backupStorageLocations(): IterableIterator<ProjectedBsl> {
    return this.#velero.backupStorageLocations();
  }

  deleteBackupRequests(): IterableIterator<ProjectedDeleteRequest> {
    return this.#velero.deleteBackupRequests();
  }

  configMap(namespace: string, name: string): ProjectedConfigMap | undefined {
    return this.#velero.configMap(namespace, name);
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
      this.#pods.claimOfPodVolume(namespace, pod, volume),
    claimNameByUid: uid => {
      const key = this.#claims.keyByUid(uid);
      return key === undefined ? undefined : this.#claims.get(key)?.name;
    },
  };

  /**
   * The folded copies of a claim's volume, from every key they can be under
   * (PVC uid, claim name, pod volume). Read-only.
   */
  evidenceFor(key: ClaimKey): Readonly<VolumeEvidence> {
    const claim = this.#claims.get(key);
    if (!claim) return emptyEvidence();
    return this.#evidence.forClaim(claim, key, this.#pods.mounting(key));
  }

  /** How many objects of each kind are held, and how many folded copies. */
  counts(): Record<ResourceKind, number> & {
    evidenceEntries: number;
    volumesWithEvidence: number;
  } {
    const velero = this.#velero.counts();
    return {
      PersistentVolumeClaim: this.#claims.size,
      PersistentVolume: this.#volumes.size,
      StorageClass: this.#storageClasses.size,
      Pod: this.#pods.size,
      Namespace: this.#namespaces.size,
      Backup: velero.Backup,
      Schedule: velero.Schedule,
      BackupStorageLocation: velero.BackupStorageLocation,
      // Not stored: folded into per-volume evidence.
      PodVolumeBackup: 0,
      DataUpload: 0,
      DeleteBackupRequest: velero.DeleteBackupRequest,
      ConfigMap: velero.ConfigMap,
      ...this.#restores.counts(),
      ...this.#evidence.counts(),
    };
  }

  // ---- ingest ------------------------------------------------------------

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
      projectObject(kind, object); // valid before anything is deleted
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

  /** Projects an object into its store; returns the claims it may affect. */
  #applyKind(
    kind: ResourceKind,
    object: unknown,
    deleted: boolean,
  ): ReadonlySet<ClaimKey> {
    switch (kind) {
      case 'PersistentVolumeClaim':
        return new Set([this.#claims.set(projectClaim(object), deleted)]);
      case 'PersistentVolume': {
        const volume = projectVolume(object);
        const old = this.#volumes.get(volume.name);
        if (deleted) this.#volumes.delete(volume.name);
        else this.#volumes.set(volume.name, volume);
        return claimsOfVolume(this.#claims, volume.name, old, volume);
      }
      case 'StorageClass': {
        const sc = projectStorageClass(object);
        if (deleted) this.#storageClasses.delete(sc.name);
        else this.#storageClasses.set(sc.name, sc);
        return claimsOfStorageClass(this.#claims, this.#volumes, sc.name);
      }
      case 'Pod':
        return this.#claims.existing(
          this.#pods.set(projectPod(object), deleted),
        );
      case 'Namespace': {
        const namespace = projectNamespace(object);
        if (deleted) this.#namespaces.delete(namespace.name);
        else this.#namespaces.set(namespace.name, namespace);
        // Velero selects pods and claims, not namespaces, by label.
        return NOTHING;
      }
      case 'Backup': {
        const backup = projectBackup(object);
        const old = this.#velero.setBackup(backup, deleted);
        return this.#claims.inScope([old?.scope, backup.scope]);
      }
      case 'Schedule': {
        const schedule = projectSchedule(object);
        const old = this.#velero.setSchedule(schedule, deleted);
        return this.#claims.inScope([old?.template, schedule.template]);
      }
      case 'BackupStorageLocation':
        this.#velero.setBsl(projectBsl(object), deleted);
        return new Set(this.#claims.keys());
      case 'PodVolumeBackup':
        return this.#applyEvidence(projectPodVolumeBackup(object), deleted);
      case 'DataUpload':
        return this.#applyEvidence(projectDataUpload(object), deleted);
      case 'DeleteBackupRequest':
        this.#velero.setDeleteRequest(projectDeleteRequest(object), deleted);
        return new Set(this.#claims.keys());
      case 'ConfigMap':
        this.#velero.setConfigMap(projectConfigMap(object), deleted);
        return new Set(this.#claims.keys());
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
        const touched = this.#restores.setCopy(copy, deleted);
        return claimsOfRestoreCopy(this.#claims, copy, touched);
      }
      default:
        return NOTHING;
    }
  }

  #applyEvidence(
    projected: ProjectedEvidence | undefined,
    deleted: boolean,
  ): ReadonlySet<ClaimKey> {
    if (!projected || !this.#evidence.apply(projected, deleted)) return NOTHING;
    const claim = claimOfEvidenceKey(this.#claims, this.#pods, projected.key);
    if (claim === undefined) return NOTHING;
    // Not `new Set([claim])`: this runs for every PodVolumeBackup event.
    const affected = new Set<ClaimKey>();
    affected.add(claim);
    return affected;
  }

  /** Forget every object of a kind (before a relist of it). */
  #clearKind(kind: ResourceKind): void {
    switch (kind) {
      case 'PersistentVolumeClaim':
        this.#claims.clear();
        break;
      case 'PersistentVolume':
        this.#volumes.clear();
        break;
      case 'StorageClass':
        this.#storageClasses.clear();
        break;
      case 'Pod':
        this.#pods.clear();
        break;
      case 'Namespace':
        this.#namespaces.clear();
        break;
      case 'Backup':
      case 'Schedule':
      case 'BackupStorageLocation':
      case 'DeleteBackupRequest':
      case 'ConfigMap':
        this.#velero.clear(kind);
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
