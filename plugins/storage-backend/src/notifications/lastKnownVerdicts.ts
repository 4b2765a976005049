import type { Verdict } from '@gitops-storage/plugin-storage-common';
import type { VolumeTransition } from '../history/types';

/** A volume's last verdict that was not `unknown`, before a transition. */
export interface KnownState {
  verdict: Verdict;
  backupStatus: VolumeTransition['toBackupStatus'];
}

export function volumeId(v: VolumeTransition['volume']): string {
  return `${v.cluster}/${v.namespace}/${v.name}/${v.uid}`;
}

/**
 * For transitions out of `unknown`, the verdict the volume had before its
 * data became unreadable, from its stored history: a cluster that blinks
 * (failing → unknown → failing) must not alert twice, and a volume that
 * recovers while unreadable (failing → unknown → protected) still gets its
 * resolution. Undefined for volumes whose history holds no known verdict
 * before (they were first seen unreadable: the baseline).
 */
export function lastKnownVerdicts(
  current: readonly VolumeTransition[],
  history: readonly VolumeTransition[],
): Map<string, KnownState | undefined> {
  const byVolume = new Map<string, VolumeTransition[]>();
  for (const t of history) {
    const id = volumeId(t.volume);
    const list = byVolume.get(id);
    if (list) list.push(t);
    else byVolume.set(id, [t]);
  }
  const out = new Map<string, KnownState | undefined>();
  for (const t of current) {
    if (t.from !== 'unknown') continue;
    const id = volumeId(t.volume);
    const before = (byVolume.get(id) ?? [])
      .filter(h => h.seq < t.seq)
      .sort((a, b) => b.seq - a.seq)
      .find(h => h.to !== null && h.to !== 'unknown');
    out.set(
      id,
      before
        ? { verdict: before.to!, backupStatus: before.toBackupStatus }
        : undefined,
    );
  }
  return out;
}
