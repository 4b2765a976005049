import type {
  ProjectedRestore,
  ProjectedRestoreCopy,
  RestoreMethod,
} from './projections';

/** What the index needs to know about the claims and pods of a cluster. */
export interface RestoreClaimLookup {
  /** The claim a pod volume of a pod in a namespace mounts, if that pod is known. */
  claimOfPodVolume(
    namespace: string,
    pod: string,
    volume: string,
  ): string | undefined;
  /** Name of the claim with this uid (a restored copy), if known. */
  claimNameByUid(uid: string): string | undefined;
}

function copyKey(
  copy: Pick<ProjectedRestoreCopy, 'method' | 'veleroNamespace' | 'name'>,
) {
  return `${copy.method}|${copy.veleroNamespace}/${copy.name}`;
}

/**
 * Restores and the per-volume copies they wrote (PodVolumeRestores,
 * DataDownloads). Stored whole, not folded: restores are rare next to
 * backups (drills and recoveries, not every hour), and a copy's volume can
 * only be told once the pods and claims it names are known, so it is
 * resolved when read.
 */
export class RestoreIndex {
  readonly #restores = new Map<string, ProjectedRestore>();
  readonly #copies = new Map<string, ProjectedRestoreCopy>();
  /** Copy keys by the namespace the data was backed up from. */
  readonly #bySource = new Map<string, Set<string>>();

  setRestore(restore: ProjectedRestore, deleted: boolean): void {
    const key = `${restore.namespace}/${restore.name}`;
    if (deleted) this.#restores.delete(key);
    else this.#restores.set(key, restore);
  }

  restore(namespace: string, name: string): ProjectedRestore | undefined {
    return this.#restores.get(`${namespace}/${name}`);
  }

  /** Store or delete a copy; returns the source namespaces it touched. */
  setCopy(copy: ProjectedRestoreCopy, deleted: boolean): string[] {
    const key = copyKey(copy);
    const old = this.#copies.get(key);
    const touched: string[] = [];
    if (old) {
      const set = this.#bySource.get(old.sourceNamespace);
      set?.delete(key);
      if (set?.size === 0) this.#bySource.delete(old.sourceNamespace);
      touched.push(old.sourceNamespace);
    }
    if (deleted) {
      this.#copies.delete(key);
    } else {
      this.#copies.set(key, copy);
      let set = this.#bySource.get(copy.sourceNamespace);
      if (!set) {
        set = new Set();
        this.#bySource.set(copy.sourceNamespace, set);
      }
      set.add(key);
      touched.push(copy.sourceNamespace);
    }
    return touched;
  }

  /** Drop every copy of one method (before a relist of that kind). */
  clearMethod(method: RestoreMethod): void {
    for (const copy of [...this.#copies.values()]) {
      if (copy.method === method) this.setCopy(copy, true);
    }
  }

  clearRestores(): void {
    this.#restores.clear();
  }

  /**
   * The copies of the data of claim `namespace/name`, resolved as Velero
   * writes them: a DataDownload names the claim (`spec.targetVolume.pvc`,
   * unchanged by a restore); a PodVolumeRestore names the pod it was backed
   * up from (Velero's getVolumeBackupInfoForPod matches PodVolumeBackups by
   * that pod's name and `sourceNamespace`) and, in its `velero.io/pvc-uid`
   * label, the restored claim, whose name is the original's.
   */
  copiesOf(
    namespace: string,
    name: string,
    lookup: RestoreClaimLookup,
  ): ProjectedRestoreCopy[] {
    const keys = this.#bySource.get(namespace);
    if (!keys) return [];
    const out: ProjectedRestoreCopy[] = [];
    for (const key of keys) {
      const copy = this.#copies.get(key)!;
      if (copy.claimName !== undefined) {
        if (copy.claimName === name) out.push(copy);
        continue;
      }
      const viaPod = copy.pod
        ? lookup.claimOfPodVolume(namespace, copy.pod.name, copy.pod.volume)
        : undefined;
      const viaRestored = copy.restoredClaimUid
        ? lookup.claimNameByUid(copy.restoredClaimUid)
        : undefined;
      if (viaPod === name || (viaPod === undefined && viaRestored === name)) {
        out.push(copy);
      }
    }
    return out;
  }

  counts(): {
    Restore: number;
    PodVolumeRestore: number;
    DataDownload: number;
  } {
    let fs = 0;
    for (const copy of this.#copies.values())
      if (copy.method === 'fs-backup') fs++;
    return {
      Restore: this.#restores.size,
      PodVolumeRestore: fs,
      DataDownload: this.#copies.size - fs,
    };
  }
}
