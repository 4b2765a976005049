import {
  dropMethod,
  emptyEvidence,
  foldEvidence,
  isEmptyEvidence,
  removeEvidence,
  type VolumeEvidence,
} from './evidence';
import type { EvidenceKey, ProjectedEvidence } from './projectVelero';
import type {
  ClaimKey,
  EvidenceMethod,
  ProjectedClaim,
  ProjectedPod,
} from './projections';
import type { ResourceKind } from './resourceKinds';

/** The kinds folded into evidence instead of stored, and the method of each. */
export const EVIDENCE_KINDS: Partial<Record<ResourceKind, EvidenceMethod>> = {
  PodVolumeBackup: 'fs-backup',
  DataUpload: 'data-mover',
};

const KEY_KINDS = ['uid', 'pod', 'pvc'] as const;

/**
 * Per-volume backup history folded from PodVolumeBackups and DataUploads,
 * by the key each copy names its volume with: the claim's uid, the pod
 * volume it was read through (`namespace/pod/volume`), or the claim
 * (`namespace/name`). Which claim a key means is resolved when read, so a
 * copy that arrives before its claim or pod is kept.
 */
export class EvidenceIndex {
  readonly #store: Record<EvidenceKey['by'], Map<string, VolumeEvidence>> = {
    uid: new Map(),
    pod: new Map(),
    pvc: new Map(),
  };

  /**
   * Fold a copy into its volume's history, or take it out. Returns whether
   * the history changed. Runs for every PodVolumeBackup: allocates only a
   * volume's first history.
   */
  apply(projected: ProjectedEvidence, deleted: boolean): boolean {
    const { key, entry } = projected;
    const map = this.#store[key.by];
    let evidence = map.get(key.id);
    if (deleted) {
      if (!evidence) return false;
      const changed = removeEvidence(evidence, entry);
      if (isEmptyEvidence(evidence)) map.delete(key.id);
      return changed;
    }
    if (!evidence) {
      evidence = emptyEvidence();
      map.set(key.id, evidence);
    }
    return foldEvidence(evidence, entry);
  }

  /**
   * A copy without the copies of one method, for a relist of that kind to
   * fold into and replace this one: a malformed object leaves the original
   * as it was, and the listed objects need not be held.
   */
  without(method: EvidenceMethod): EvidenceIndex {
    const fresh = new EvidenceIndex();
    for (const by of KEY_KINDS) {
      for (const [id, evidence] of this.#store[by]) {
        const copy = {
          recent: [...evidence.recent],
          completed: [...evidence.completed],
        };
        dropMethod(copy, method);
        if (!isEmptyEvidence(copy)) fresh.#store[by].set(id, copy);
      }
    }
    return fresh;
  }

  /**
   * The copies of a claim's volume, from every key they can be under (PVC
   * uid, claim name, the volumes of the pods that mount it). Read-only.
   */
  forClaim(
    claim: ProjectedClaim,
    key: ClaimKey,
    podsMounting: readonly ProjectedPod[],
  ): Readonly<VolumeEvidence> {
    const found: VolumeEvidence[] = [];
    const add = (evidence: VolumeEvidence | undefined) => {
      if (evidence) found.push(evidence);
    };
    if (claim.uid) add(this.#store.uid.get(claim.uid));
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
    add(own(this.#store.pvc.get(key)));
    for (const pod of podsMounting) {
      for (const mount of pod.claimMounts) {
        if (mount.claimName === claim.name) {
          add(
            own(
              this.#store.pod.get(
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

  /** Copies kept, and volume histories (one per key) that hold them. */
  counts(): { evidenceEntries: number; volumesWithEvidence: number } {
    let evidenceEntries = 0;
    let volumesWithEvidence = 0;
    for (const by of KEY_KINDS) {
      const map = this.#store[by];
      volumesWithEvidence += map.size;
      for (const e of map.values())
        evidenceEntries += e.recent.length + e.completed.length;
    }
    return { evidenceEntries, volumesWithEvidence };
  }
}
