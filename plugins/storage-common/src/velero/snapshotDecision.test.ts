import { snapshotSkip, type SnapshotInputs } from './snapshotDecision';

const input = (i: Partial<SnapshotInputs> = {}): SnapshotInputs => ({
  legacyFsBackupByAPod: false,
  hasStorageClass: true,
  csi: true,
  source: 'csi',
  csiFeatureEnabled: true,
  ...i,
});

// Mirrors volumeHelperImpl.ShouldPerformSnapshot (volume_policy_helper_test.go
// TestVolumeHelperImpl_ShouldPerformSnapshot), pvcBackupItemAction.validatePVCandPV
// (pvc_action_test.go) and util/csi.ShouldSkipAction (EnableCSI).
describe('snapshotSkip (ShouldPerformSnapshot + CSI PVC action)', () => {
  it.each<[string, Partial<SnapshotInputs>, string | undefined]>([
    ['CSI volume, snapshots on by default (nil)', {}, undefined],
    ['snapshotVolumes: false', { snapshotVolumes: false }, 'snapshots-off'],
    [
      'a pod opts the volume into FSB the legacy way',
      { legacyFsBackupByAPod: true },
      'fs-backup-instead',
    ],
    [
      'policy snapshot beats the FSB opt-in and snapshotVolumes: false',
      {
        policyAction: 'snapshot',
        legacyFsBackupByAPod: true,
        snapshotVolumes: false,
      },
      undefined,
    ],
    ['policy skip', { policyAction: 'skip' }, 'policy'],
    ['policy fs-backup', { policyAction: 'fs-backup' }, 'policy'],
    [
      'NFS volume: no volumesnapshotter',
      { csi: false, source: 'nfs' },
      'unsupported-source',
    ],
    ['EnableCSI off', { csiFeatureEnabled: false }, 'csi-disabled'],
    [
      'claim without storage class',
      { hasStorageClass: false },
      'no-storage-class',
    ],
  ])('%s → %s', (_name, i, kind) => {
    expect(snapshotSkip(input(i))?.kind).toBe(kind);
  });
});
