import type { PodClaimMount, ProjectedPod } from '../state/projections';
import {
  podNotRunning,
  podVolumeSkip,
  type PodVolumeInputs,
} from './podVolumeBackup';

const pod = (p: Partial<ProjectedPod> = {}): ProjectedPod => ({
  namespace: 'app',
  name: 'app-0',
  uid: 'u',
  labels: {},
  phase: 'Running',
  nodeName: 'node-1',
  claimMounts: [],
  backupVolumesExcludes: [],
  ...p,
});
const mount: PodClaimMount = {
  volumeName: 'data',
  claimName: 'data',
  mounted: true,
};
const input = (i: Partial<PodVolumeInputs> = {}): PodVolumeInputs => ({
  pod: pod(),
  mount,
  defaultVolumesToFsBackup: true,
  claimsExcluded: false,
  hostPathVolume: false,
  ...i,
});

// Mirrors volumeHelperImpl.ShouldPerformFSBackup / shouldIncludeVolumeInBackup /
// shouldPerformFSBackupLegacy (volume_policy_helper_test.go
// TestVolumeHelperImpl_ShouldPerformFSBackup, TestVolumeHelperImpl_ShouldIncludeVolumeInBackup)
// and the skips of backupper.BackupPodVolumes (backupper_test.go TestBackupPodVolumes,
// TestIsHostPathVolume), with GetVolumesToBackup/GetVolumesToExclude
// (pod_volume_test.go TestGetVolumesToBackup, TestGetVolumesByPod).
describe('podVolumeSkip (ShouldPerformFSBackup + BackupPodVolumes)', () => {
  it.each<[string, Partial<PodVolumeInputs>, string | undefined]>([
    ['opt-out default takes it', {}, undefined],
    [
      'opt-out, listed in backup-volumes-excludes',
      { pod: pod({ backupVolumesExcludes: ['data'] }) },
      'opted-out',
    ],
    ['opt-in, not listed', { defaultVolumesToFsBackup: false }, 'not-opted-in'],
    [
      'opt-in, listed',
      {
        defaultVolumesToFsBackup: false,
        pod: pod({ backupVolumes: ['cache', 'data'] }),
      },
      undefined,
    ],
    [
      'opt-in, listed with a space (no trimming)',
      {
        defaultVolumesToFsBackup: false,
        pod: pod({ backupVolumes: ['cache', ' data'] }),
      },
      'not-opted-in',
    ],
    [
      'PVCs excluded from the backup',
      { claimsExcluded: true },
      'pvcs-excluded',
    ],
    [
      'volume policy fs-backup beats opt-in',
      { defaultVolumesToFsBackup: false, policyAction: 'fs-backup' },
      undefined,
    ],
    ['volume policy skip beats opt-out', { policyAction: 'skip' }, 'policy'],
    [
      'volume policy snapshot stops FSB',
      { policyAction: 'snapshot' },
      'policy',
    ],
    [
      'pod not scheduled',
      { pod: pod({ nodeName: undefined }) },
      'pod-not-running',
    ],
    ['pod Pending', { pod: pod({ phase: 'Pending' }) }, 'pod-not-running'],
    ['pod being deleted', { pod: pod({ deleting: true }) }, 'pod-not-running'],
    ['hostPath PV', { hostPathVolume: true }, 'host-path'],
    ['raw block device', { mount: { ...mount, block: true } }, 'block-volume'],
    [
      'declared, not mounted by a container',
      { mount: { ...mount, mounted: false } },
      'not-mounted',
    ],
    [
      'default-token volumes',
      { mount: { ...mount, volumeName: 'default-token-x' } },
      'default-token',
    ],
  ])('%s → %s', (_name, i, kind) => {
    expect(podVolumeSkip(input(i))?.kind).toBe(kind);
  });

  it('IsPodRunning needs a node, phase Running and no deletion (pod_test.go TestIsPodRunning)', () => {
    expect(podNotRunning(pod())).toBeUndefined();
    expect(podNotRunning(pod({ phase: 'Succeeded' }))).toMatch(
      /phase Succeeded/,
    );
  });
});
