import type {
  Reason,
  ScheduleOwner,
  VolumeBackupRef,
  VolumeSource,
} from '../model';
import type { KindReadability } from '../state/ClusterState';
import type { ProjectedBsl, ProjectedPod } from '../state/projections';
import { resourceName, type ResourceKind } from '../state/resourceKinds';
import type { VolumeResource } from '../velero/resourceFilters';
import { formatSeconds, listText, quotedList } from './humanize';

/**
 * Every reason the engine gives, as code + a sentence a service owner can act
 * on. Kept in one place so the wording stays consistent.
 */

const SCHEDULE_TEMPLATE = 'the "storage-velero-schedules" template';

function readabilityText(readability: KindReadability): string {
  switch (readability.status) {
    case 'forbidden':
      return 'access is forbidden';
    case 'absent':
      return 'the API does not serve it';
    default:
      return 'reading it failed';
  }
}

function withDetail(text: string, detail: string | undefined): string {
  return detail ? `${text} (${detail})` : text;
}

export function clusterUnreachable(cluster: string, message?: string): Reason {
  return {
    code: 'cluster-unreachable',
    message: `${withDetail(
      `Cluster "${cluster}" could not be reached`,
      message,
    )}, so this volume's backup state is unknown. Verdicts come back once the storage plugin can talk to the cluster's API again.`,
  };
}

export function coreUnreadable(
  cluster: string,
  kind: ResourceKind,
  readability: KindReadability,
): Reason {
  return {
    code: 'cluster-unreachable',
    message: `${resourceName(
      kind,
    )} in cluster "${cluster}" could not be read (${
      readability.message ?? readabilityText(readability)
    }), so this volume's backup state is unknown. Grant the storage plugin's ClusterRole get, list and watch on ${resourceName(
      kind,
    )}.`,
  };
}

export function veleroUnreadable(
  cluster: string,
  kinds: Array<[ResourceKind, KindReadability]>,
): Reason {
  const absent = kinds.every(([, r]) => r.status === 'absent');
  const what = listText(
    kinds.map(
      ([kind, r]) =>
        `${resourceName(kind)} (${r.message ?? readabilityText(r)})`,
    ),
  );
  const fix = absent
    ? 'Install Velero (the "storage-velero" template) or check that its CRDs are installed.'
    : `Grant the storage plugin's ClusterRole get, list and watch on ${listText(
        kinds.map(([k]) => resourceName(k)),
      )}.`;
  return {
    code: 'velero-unreadable',
    message: `Velero's ${what} could not be read in cluster "${cluster}", so whether this volume is backed up is unknown. ${fix}`,
  };
}

export function waived(text: string, expires?: string): Reason {
  return {
    code: 'waived',
    message: `Backup waived: "${text}"${
      expires ? ` (until ${expires})` : ''
    }. Remove the gitops-storage.dev/backup-waiver annotation when the data starts to matter.`,
  };
}

export function waiverExpired(expires: string, valid: boolean): Reason {
  return {
    code: 'waiver-expired',
    message: valid
      ? `The backup waiver expired at ${expires}, so the volume is checked like any other. Protect it, or renew gitops-storage.dev/backup-waiver-expires if it still needs no backup.`
      : `The backup waiver's expiry "${expires}" is not an RFC 3339 time (e.g. 2027-01-31T00:00:00Z), so the waiver is ignored. Fix gitops-storage.dev/backup-waiver-expires.`,
  };
}

export function noMatchingSchedule(
  namespace: string,
  scheduleCount: number,
): Reason {
  return {
    code: 'no-matching-schedule',
    message:
      scheduleCount === 0
        ? `Velero has no backup schedules in this cluster, so nothing backs this volume up. Create a schedule for namespace "${namespace}" with ${SCHEDULE_TEMPLATE}.`
        : `No Velero schedule includes namespace "${namespace}", so nothing backs this volume up. Add the namespace to a schedule's includedNamespaces, or create one with ${SCHEDULE_TEMPLATE}.`,
  };
}

export function namespaceExcluded(
  schedule: string,
  namespace: string,
  patterns: string[],
): Reason {
  return {
    code: 'namespace-excluded',
    schedule,
    message: `Schedule "${schedule}" excludes namespace "${namespace}" (excludedNamespaces: ${patterns.join(
      ', ',
    )}). Remove the exclusion if this volume's data needs a backup.`,
  };
}

export function labelSelectorMismatch(
  schedule: string,
  selector: string,
  subjects: string[],
): Reason {
  return {
    code: 'label-selector-mismatch',
    schedule,
    message: `Schedule "${schedule}" only backs up objects that match the label selector "${selector}", and ${
      subjects.length > 0
        ? `${quotedList(subjects)} ${
            subjects.length > 1 ? 'do' : 'does'
          } not match`
        : 'nothing using this volume matches'
    }. Change the labels of the pod that mounts the volume so it matches, or widen the schedule's selector.`,
  };
}

const RESOURCE_TEXT: Record<VolumeResource, string> = {
  pods: 'pods',
  persistentvolumeclaims: 'persistentvolumeclaims',
  persistentvolumes: 'persistentvolumes',
};

export function resourceFilterExcludes(
  schedule: string,
  resources: VolumeResource[],
): Reason {
  return {
    code: 'resource-filter-excludes',
    schedule,
    message: `Schedule "${schedule}" leaves out ${listText(
      resources.map(r => RESOURCE_TEXT[r]),
    )} through its resource filters, so this volume's data is not copied. Include them in the schedule, or back the data up with another schedule.`,
  };
}

export function hostPathUnsupported(
  localPath: boolean,
  storageClass?: string,
): Reason {
  return {
    code: 'hostpath-volume-unsupported',
    message: localPath
      ? `local-path volumes are hostPath volumes, which Velero's file-system backup skips and which cannot be snapshotted. Annotate the StorageClass${
          storageClass ? ` "${storageClass}"` : ''
        } with defaultVolumeType: local (or this claim with volumeType: local) and re-create the volume, or move the data to another tier.`
      : `This volume is a hostPath volume, which Velero's file-system backup skips and which cannot be snapshotted. Move the data to a tier with local, NFS or CSI volumes.`,
  };
}

export function noRunningPod(pods: ProjectedPod[]): Reason {
  const notRunning = pods.map(
    p => `${p.name} is ${p.phase ?? 'in an unknown phase'}`,
  );
  return {
    code: 'no-running-pod',
    message: `Velero's file-system backup only copies volumes mounted by a running pod, and ${
      pods.length > 0
        ? `none is running (${listText(notRunning)})`
        : 'no pod mounts this volume'
    }. Scale the workload up when backups run, or delete the claim if the data is no longer needed.`,
  };
}

export function notOptedIn(
  schedule: string,
  mounts: Array<{ pod: string; volume: string }>,
): Reason {
  const first = mounts[0];
  return {
    code: 'not-opted-in-fs-backup',
    schedule,
    message: `Schedule "${schedule}" backs up only opted-in pod volumes, and pod volume "${
      first.volume
    }" is not listed in the pod's backup.velero.io/backup-volumes annotation${
      mounts.length > 1
        ? ` (pods ${quotedList(mounts.map(m => m.pod))})`
        : ` (pod "${first.pod}")`
    }. Add backup.velero.io/backup-volumes: ${
      first.volume
    } to the pod template, or set defaultVolumesToFsBackup: true on the schedule.`,
  };
}

export function excludedByAnnotation(
  schedule: string,
  mounts: Array<{ pod: string; volume: string }>,
): Reason {
  const first = mounts[0];
  return {
    code: 'excluded-by-annotation',
    schedule,
    message: `Pod "${first.pod}" lists volume "${first.volume}" in backup.velero.io/backup-volumes-excludes, so schedule "${schedule}" skips it. Remove it from the annotation if the data needs a backup, or add a waiver if it does not.`,
  };
}

const SOURCE_TEXT: Record<VolumeSource, string> = {
  csi: 'CSI',
  nfs: 'NFS',
  local: 'local',
  hostPath: 'hostPath',
  other: 'non-CSI',
  unbound: 'unbound',
};

export function snapshotUnsupported(
  schedule: string,
  source: VolumeSource,
): Reason {
  return {
    code: 'snapshot-unsupported-volume',
    schedule,
    message: `Schedule "${schedule}" would snapshot this volume, but ${SOURCE_TEXT[source]} volumes cannot be snapshotted (only CSI volumes can). Opt the pod volume in to file-system backup instead.`,
  };
}

export function volumeUnbound(claimName: string, phase?: string): Reason {
  return {
    code: 'volume-unbound',
    message: `Claim "${claimName}" is not bound to a volume${
      phase ? ` (phase ${phase})` : ''
    }, so there is no data Velero could copy yet. Check the claim's events if it should be bound by now.`,
  };
}

export function schedulePaused(
  schedule: string,
  owner?: ScheduleOwner,
): Reason {
  if (owner) {
    const instance = owner.namespace
      ? `${owner.namespace}/${owner.name}`
      : owner.name;
    // kro re-applies the Schedule from its instance: unpausing it by hand does not last.
    return {
      code: 'schedule-paused',
      schedule,
      scheduleOwner: owner,
      message: `Schedule "${schedule}" would back this volume up but is paused, so it creates no backups. kro manages it for ${owner.kind} ${instance}: set paused: false in that ${owner.kind} (kro undoes changes made to the Schedule itself).`,
    };
  }
  return {
    code: 'schedule-paused',
    schedule,
    message: `Schedule "${schedule}" would back this volume up but is paused, so it creates no backups. Unpause it (velero schedule unpause ${schedule}) or remove spec.paused in the GitOps repository.`,
  };
}

export function scheduleFailedValidation(
  schedule: string,
  errors: string[],
): Reason {
  return {
    code: 'schedule-failed-validation',
    schedule,
    message: `Schedule "${schedule}" failed Velero's validation${
      errors.length > 0 ? ` (${errors.join('; ')})` : ''
    }, so it creates no backups. Fix the schedule's spec.`,
  };
}

export function bslUnavailable(
  schedule: string,
  name: string | undefined,
  bsl?: ProjectedBsl,
): Reason {
  let what: string;
  if (!name)
    what =
      'has no storage location and the cluster has no default BackupStorageLocation';
  else if (!bsl)
    what = `writes to BackupStorageLocation "${name}", which does not exist`;
  else
    what = `writes to BackupStorageLocation "${name}", which is Unavailable${
      bsl.message ? ` (${bsl.message})` : ''
    }`;
  return {
    code: 'bsl-unavailable',
    schedule,
    message: `Schedule "${schedule}" ${what}, so its backups cannot be stored. Check the location's bucket, credentials and endpoint (velero backup-location get).`,
  };
}

export function backupFailed(
  backup: string,
  phase: string,
  detail?: string,
): Reason {
  return {
    code: 'backup-failed',
    message: `Backup "${backup}" ended ${phase}${
      detail ? ` (${detail})` : ''
    }. See velero backup describe ${backup} --details and velero backup logs ${backup}.`,
  };
}

export function backupLostVolume(backup: string): Reason {
  return {
    code: 'backup-failed',
    message: `Backup "${backup}" ended PartiallyFailed and holds no copy of this volume. See velero backup logs ${backup} for the volume's error.`,
  };
}

export function volumeBackupFailed(ref: VolumeBackupRef): Reason {
  const kind = ref.method === 'data-mover' ? 'DataUpload' : 'PodVolumeBackup';
  return {
    code: 'volume-backup-failed',
    message: `The last copy of this volume (${kind} in backup "${
      ref.backup
    }", ${ref.time}) ended ${ref.phase}${
      ref.message ? `: ${ref.message}` : ''
    }. Check the node-agent logs on the volume's node, then re-run the backup.`,
  };
}

function missedText(missedBy: string | undefined): string {
  return missedBy
    ? ` Backup "${missedBy}" completed without copying it: velero backup describe ${missedBy} --details lists the skipped volumes.`
    : '';
}

export function staleBackup(
  last: VolumeBackupRef,
  ageSeconds: number,
  rpoSeconds: number,
  tier: string,
  missedBy?: string,
): Reason {
  return {
    code: 'stale-backup',
    message: `The last successful backup of this volume (${last.backup}, ${
      last.time
    }) is ${formatSeconds(ageSeconds)} old, older than the ${formatSeconds(
      rpoSeconds,
    )} RPO of tier "${tier}".${missedText(
      missedBy,
    )} Make sure a schedule that covers it runs at least as often as the RPO and that its runs succeed.`,
  };
}

export function neverBackedUp(schedules: string[], missedBy?: string): Reason {
  return {
    code: 'never-backed-up',
    message: `No completed backup of this volume exists yet, although ${
      schedules.length > 1
        ? `schedules ${quotedList(schedules)} cover`
        : `schedule "${schedules[0]}" covers`
    } it.${missedText(missedBy)}${
      missedBy
        ? ''
        : ` Wait for the next run or start one now (velero backup create --from-schedule ${schedules[0]}).`
    }`,
  };
}

export function backupInProgress(backup: string, phase: string): Reason {
  return {
    code: 'backup-in-progress',
    message: `Backup "${backup}" of this volume is in progress (${phase}); the verdict reflects the previous backups until it finishes.`,
  };
}
