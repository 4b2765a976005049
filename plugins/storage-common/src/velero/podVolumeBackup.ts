import type { PodClaimMount, ProjectedPod } from '../state/projections';
import type { VolumePolicyAction } from './volumePolicies';

/** Why file-system backup does not copy a pod volume. */
export type FsSkip =
  | { kind: 'pvcs-excluded' }
  | { kind: 'default-token' }
  | { kind: 'policy'; action: VolumePolicyAction }
  | { kind: 'not-opted-in' }
  | { kind: 'opted-out' }
  | { kind: 'pod-not-running'; why: string }
  | { kind: 'host-path' }
  | { kind: 'block-volume' }
  | { kind: 'not-mounted' };

/** What decides whether one pod volume gets a PodVolumeBackup. */
export interface PodVolumeInputs {
  pod: ProjectedPod;
  mount: PodClaimMount;
  /** The Backup's effective `defaultVolumesToFsBackup` (spec, else server flag). */
  defaultVolumesToFsBackup: boolean;
  /** `!ResourceIncludesExcludes.ShouldInclude("persistentvolumeclaims")`. */
  claimsExcluded: boolean;
  /** The matching volume-policy action for the claim's volume, if any. */
  policyAction?: VolumePolicyAction;
  /** The claim's PV is a hostPath volume (`isHostPathVolume`). */
  hostPathVolume: boolean;
}

/**
 * `shouldPerformFSBackupLegacy`: opt-in lists the volume in
 * `backup.velero.io/backup-volumes`; opt-out (`defaultVolumesToFsBackup`)
 * takes every volume not in `backup.velero.io/backup-volumes-excludes`.
 */
export function legacyFsBackup(
  pod: Pick<ProjectedPod, 'backupVolumes' | 'backupVolumesExcludes'>,
  volumeName: string,
  defaultVolumesToFsBackup: boolean,
): boolean {
  if (!defaultVolumesToFsBackup) {
    return (pod.backupVolumes ?? []).includes(volumeName);
  }
  return !pod.backupVolumesExcludes.includes(volumeName);
}

/** `kube.IsPodRunning`: scheduled, phase Running, not being deleted. */
export function podNotRunning(pod: ProjectedPod): string | undefined {
  if (!pod.nodeName) return 'pod is not scheduled';
  if (pod.phase !== 'Running')
    return `pod is in phase ${pod.phase ?? 'unknown'}`;
  if (pod.deleting) return 'pod is being terminated';
  return undefined;
}

/**
 * Whether a backed-up pod's claim volume gets a PodVolumeBackup: first
 * `volumeHelperImpl.ShouldPerformFSBackup` (volume checks, then the volume
 * policy, then the annotations), then the skips of
 * `backupper.BackupPodVolumes` (pod running, policy `skip`, hostPath PV,
 * block device, not mounted by a container). Undefined when it does.
 */
export function podVolumeSkip(input: PodVolumeInputs): FsSkip | undefined {
  const { pod, mount, policyAction } = input;
  // shouldIncludeVolumeInBackup
  if (input.claimsExcluded) return { kind: 'pvcs-excluded' };
  if (mount.volumeName.startsWith('default-token'))
    return { kind: 'default-token' };
  if (policyAction && policyAction !== 'fs-backup') {
    return { kind: 'policy', action: policyAction };
  }
  if (
    !policyAction &&
    !legacyFsBackup(pod, mount.volumeName, input.defaultVolumesToFsBackup)
  ) {
    return input.defaultVolumesToFsBackup
      ? { kind: 'opted-out' }
      : { kind: 'not-opted-in' };
  }
  // BackupPodVolumes
  const why = podNotRunning(pod);
  if (why) return { kind: 'pod-not-running', why };
  if (input.hostPathVolume) return { kind: 'host-path' };
  if (mount.block) return { kind: 'block-volume' };
  if (!mount.mounted) return { kind: 'not-mounted' };
  return undefined;
}
