import type { VolumePolicyAction } from './volumePolicies';

/** Why no snapshot (CSI, data mover or native) is taken of a claim's volume. */
export type SnapshotSkip =
  | { kind: 'snapshots-off' }
  | { kind: 'policy'; action: VolumePolicyAction }
  | { kind: 'fs-backup-instead' }
  | { kind: 'no-storage-class' }
  | { kind: 'csi-disabled' }
  | { kind: 'unsupported-source'; source: string };

/** What decides whether the claim's volume is snapshotted. */
export interface SnapshotInputs {
  /** The Backup's `snapshotVolumes`; nil counts as true. */
  snapshotVolumes?: boolean;
  policyAction?: VolumePolicyAction;
  /** Some pod using the claim opts it into FSB the legacy way. */
  legacyFsBackupByAPod: boolean;
  /** `spec.storageClassName` is set on the claim. */
  hasStorageClass: boolean;
  /** The volume is a CSI volume. */
  csi: boolean;
  /** The PV's source type, for the message. */
  source: string;
  /** The Velero server runs with `--features=EnableCSI`. */
  csiFeatureEnabled: boolean;
}

/**
 * `volumeHelperImpl.ShouldPerformSnapshot` — a volume policy decides first
 * (`snapshot` takes one, any other action none), then a pod's legacy FSB
 * opt-in wins, then `snapshotVolumes` — followed by what the CSI
 * `pvcBackupItemAction` needs (a storage class, a CSI PV, the EnableCSI
 * feature; `util/csi.ShouldSkipAction`). Non-CSI volumes would need a
 * native VolumeSnapshotter, which NFS, hostPath and local volumes never
 * have (`takePVSnapshot`: "no applicable volumesnapshotter found").
 */
export function snapshotSkip(input: SnapshotInputs): SnapshotSkip | undefined {
  if (input.policyAction && input.policyAction !== 'snapshot') {
    return { kind: 'policy', action: input.policyAction };
  }
  // The outcome follows Velero's order; which reason is reported first is
  // ours: turned off, then a volume type no snapshot can copy.
  if (!input.policyAction && input.snapshotVolumes === false) {
    return { kind: 'snapshots-off' };
  }
  if (!input.csi) return { kind: 'unsupported-source', source: input.source };
  if (!input.policyAction && input.legacyFsBackupByAPod) {
    return { kind: 'fs-backup-instead' };
  }
  if (!input.csiFeatureEnabled) return { kind: 'csi-disabled' };
  if (!input.hasStorageClass) return { kind: 'no-storage-class' };
  return undefined;
}
