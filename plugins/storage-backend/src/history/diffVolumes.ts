import type { Reason, Verdict } from '@gitops-storage/plugin-storage-common';
import type { BackupStatus, VolumeIdentity, VolumeTransition } from './types';

/** A volume's verdict now, from the coverage engine. */
export interface CurrentVolume extends VolumeIdentity {
  verdict: Verdict;
  backupStatus?: BackupStatus;
  reasons: Reason[];
}

/** A volume's last recorded state. */
export interface StoredVolume extends VolumeIdentity {
  verdict: Verdict;
  backupStatus?: BackupStatus;
  seq: number;
  since: string;
}

export function volumeKey(v: VolumeIdentity): string {
  return `${v.cluster}\u0000${v.namespace}\u0000${v.name}\u0000${v.uid}`;
}

/**
 * What changed between the stored states and the current verdicts of the
 * same clusters: a transition for each volume that is new, whose verdict or
 * backup status changed, or that is gone. Reasons alone changing is no
 * transition. Pure, so the same inputs always give the same transitions (a
 * run repeated with nothing changed records nothing).
 */
export function diffVolumes(
  stored: readonly StoredVolume[],
  current: readonly CurrentVolume[],
  at: string,
): VolumeTransition[] {
  const before = new Map(stored.map(s => [volumeKey(s), s]));
  const transitions: VolumeTransition[] = [];
  const seen = new Set<string>();
  for (const volume of current) {
    const key = volumeKey(volume);
    if (seen.has(key)) continue;
    seen.add(key);
    const last = before.get(key);
    if (
      last &&
      last.verdict === volume.verdict &&
      (last.backupStatus ?? undefined) === (volume.backupStatus ?? undefined)
    ) {
      continue;
    }
    transitions.push({
      volume: identity(volume),
      seq: (last?.seq ?? 0) + 1,
      from: last?.verdict ?? null,
      to: volume.verdict,
      fromBackupStatus: last?.backupStatus ?? undefined,
      toBackupStatus: volume.backupStatus ?? undefined,
      reasons: volume.reasons.map(r => ({ code: r.code, message: r.message })),
      at,
      demo: false,
    });
  }
  for (const [key, last] of before) {
    if (seen.has(key)) continue;
    transitions.push({
      volume: identity(last),
      seq: last.seq + 1,
      from: last.verdict,
      to: null,
      fromBackupStatus: last.backupStatus ?? undefined,
      toBackupStatus: undefined,
      reasons: [],
      at,
      demo: false,
    });
  }
  return transitions;
}

function identity(v: VolumeIdentity): VolumeIdentity {
  return {
    cluster: v.cluster,
    namespace: v.namespace,
    name: v.name,
    uid: v.uid,
  };
}
