import { addToIndex, objectKey, removeFromIndex } from './indexing';
import { claimKey, type ClaimKey, type ProjectedPod } from './projections';

/**
 * The Pods of a cluster, and which pods mount each claim: Velero copies a
 * volume through the pod that mounts it, so pods tie PodVolumeBackups and
 * PodVolumeRestores to claims.
 */
export class PodIndex {
  readonly #pods = new Map<string, ProjectedPod>();
  /** `namespace/name` of pods, by the claim they mount. */
  readonly #byClaim = new Map<ClaimKey, Set<string>>();

  get size(): number {
    return this.#pods.size;
  }

  get(namespace: string, name: string): ProjectedPod | undefined {
    return this.#pods.get(objectKey(namespace, name));
  }

  values(): IterableIterator<ProjectedPod> {
    return this.#pods.values();
  }

  /** Pods whose volumes reference the claim. */
  mounting(key: ClaimKey): ProjectedPod[] {
    const podKeys = this.#byClaim.get(key);
    if (!podKeys) return [];
    const pods: ProjectedPod[] = [];
    for (const podKey of podKeys) {
      const pod = this.#pods.get(podKey);
      if (pod) pods.push(pod);
    }
    return pods;
  }

  /** Name of the claim a known pod mounts as `volume`, if any. */
  claimOfPodVolume(
    namespace: string,
    pod: string,
    volume: string,
  ): string | undefined {
    return this.#pods
      .get(objectKey(namespace, pod))
      ?.claimMounts.find(m => m.volumeName === volume)?.claimName;
  }

  /**
   * Stores or deletes a pod; returns the keys of the claims it mounted
   * before and mounts now (claims that may not exist).
   */
  set(pod: ProjectedPod, deleted: boolean): ClaimKey[] {
    const key = objectKey(pod.namespace, pod.name);
    const old = this.#pods.get(key);
    const touched: ClaimKey[] = [];
    for (const mount of old?.claimMounts ?? []) {
      const ck = claimKey(old!.namespace, mount.claimName);
      removeFromIndex(this.#byClaim, ck, key);
      touched.push(ck);
    }
    if (deleted) {
      this.#pods.delete(key);
    } else {
      this.#pods.set(key, pod);
      for (const mount of pod.claimMounts) {
        const ck = claimKey(pod.namespace, mount.claimName);
        addToIndex(this.#byClaim, ck, key);
        touched.push(ck);
      }
    }
    return touched;
  }

  clear(): void {
    this.#pods.clear();
    this.#byClaim.clear();
  }
}
