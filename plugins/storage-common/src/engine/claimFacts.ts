import type { VolumeSource } from '../model';
import type { ClusterState } from '../state/ClusterState';
import type {
  ClaimKey,
  ProjectedClaim,
  ProjectedPod,
  ProjectedStorageClass,
  ProjectedVolume,
} from '../state/projections';

/** A pod volume that uses the claim. */
export interface ClaimMount {
  pod: ProjectedPod;
  /** The pod volume's name, which Velero's FSB annotations refer to. */
  volumeName: string;
}

/** Everything about one claim that the coverage rules look at. */
export interface ClaimFacts {
  key: ClaimKey;
  claim: ProjectedClaim;
  volume?: ProjectedVolume;
  source: VolumeSource;
  storageClassName?: string;
  storageClass?: ProjectedStorageClass;
  /** Provisioned by rancher's local-path-provisioner. */
  localPath: boolean;
  mounts: ClaimMount[];
  /** Mounts by pods in phase Running: the only ones FSB copies. */
  runningMounts: ClaimMount[];
}

const LOCAL_PATH_PROVISIONERS =
  /(^|\/)local-path(-provisioner)?$|^rancher\.io\/local-path$/;

export function isLocalPathProvisioner(
  provisioner: string | undefined,
): boolean {
  return !!provisioner && LOCAL_PATH_PROVISIONERS.test(provisioner);
}

/** A claim's volume source: unbound until it names a volume. */
function sourceOf(
  claim: ProjectedClaim,
  volume: ProjectedVolume | undefined,
): VolumeSource {
  if (!claim.volumeName) return 'unbound';
  // A bound claim whose PV is not in the state: we cannot tell its type.
  return volume?.source ?? 'other';
}

export function gatherClaimFacts(
  state: ClusterState,
  key: ClaimKey,
): ClaimFacts | undefined {
  const claim = state.claim(key);
  if (!claim) return undefined;
  const volume = claim.volumeName ? state.volume(claim.volumeName) : undefined;
  const storageClassName = claim.storageClassName ?? volume?.storageClassName;
  const storageClass = storageClassName
    ? state.storageClass(storageClassName)
    : undefined;
  const mounts: ClaimMount[] = [];
  for (const pod of state.podsMounting(key)) {
    for (const mount of pod.claimMounts) {
      if (mount.claimName === claim.name)
        mounts.push({ pod, volumeName: mount.volumeName });
    }
  }
  mounts.sort((a, b) => a.pod.name.localeCompare(b.pod.name));
  return {
    key,
    claim,
    volume,
    source: sourceOf(claim, volume),
    storageClassName,
    storageClass,
    localPath: isLocalPathProvisioner(storageClass?.provisioner),
    mounts,
    runningMounts: mounts.filter(m => m.pod.phase === 'Running'),
  };
}
