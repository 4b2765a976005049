import type { ClusterState } from '../state/ClusterState';
import type { ProjectedBsl, ProjectedSchedule } from '../state/projections';
import {
  backupSpecErrors,
  namesPolicyConfigMap,
} from '../velero/backupValidation';
import { isExcludedFromBackup } from '../velero/excludeLabel';
import { scheduleValidationErrors } from '../velero/scheduleRuns';
import {
  chooseStorageLocation,
  storageLocationErrors,
  type ChosenLocation,
} from '../velero/storageLocation';
import {
  readResourcePolicies,
  type ResourcePolicies,
} from '../velero/volumePolicies';

/** What a schedule's Backups will be, worked out once per evaluation. */
export interface SchedulePlan {
  schedule: ProjectedSchedule;
  /** Effective `defaultVolumesToFsBackup` of its Backups. */
  fsDefault: boolean;
  /** Effective `snapshotMoveData`. */
  moveData: boolean;
  policies?: ResourcePolicies;
  /** The policy ConfigMap could not be read (ConfigMaps not readable). */
  policiesUnknown: boolean;
  location: ChosenLocation;
  /** Namespaces Velero adds to the excludes (`velero.io/exclude-from-backup=true`). */
  excludedByLabel: ReadonlySet<string>;
  /** Why every Backup of the schedule fails validation (cron, spec). */
  invalid: string[];
  /** Why every Backup fails validation because of its storage location. */
  locationErrors: string[];
}

export interface PlanDefaults {
  /** The server's `--default-volumes-to-fs-backup`. */
  defaultVolumesToFsBackup?: boolean;
  /** The server's `--default-snapshot-move-data`. */
  defaultSnapshotMoveData?: boolean;
  /** The server's `--default-backup-storage-location`. */
  defaultBackupLocation?: string;
}

/**
 * Plan one schedule's Backups as `prepareBackupRequest` would prepare them
 * now: server defaults filled in, the storage location chosen, the volume
 * policies read, and every validation error it would record.
 */
export function planSchedule(
  state: ClusterState,
  schedule: ProjectedSchedule,
  locations: readonly ProjectedBsl[],
  defaults: PlanDefaults,
): SchedulePlan {
  const scope = schedule.template;
  const latest = state.backupsOfSchedule(schedule.namespace, schedule.name)[0];
  const fsDefault =
    scope.defaultVolumesToFsBackup ??
    latest?.scope.defaultVolumesToFsBackup ??
    defaults.defaultVolumesToFsBackup ??
    false;
  const moveData =
    scope.snapshotMoveData ??
    latest?.scope.snapshotMoveData ??
    defaults.defaultSnapshotMoveData ??
    false;

  const excludedByLabel = new Set<string>();
  for (const ns of state.namespaces()) {
    if (isExcludedFromBackup(ns.labels)) excludedByLabel.add(ns.name);
  }

  let policies: ResourcePolicies | undefined;
  let policiesUnknown = false;
  let policyInput: Parameters<typeof backupSpecErrors>[1]['policies'];
  if (namesPolicyConfigMap(scope) && scope.resourcePolicy) {
    if (state.readability('ConfigMap').status !== 'readable') {
      policiesUnknown = true;
    } else {
      const configMap = state.configMap(
        schedule.namespace,
        scope.resourcePolicy.name,
      );
      policyInput = configMap
        ? readResourcePolicies(configMap.data)
        : 'missing';
      if (policyInput !== 'missing' && policyInput.ok)
        policies = policyInput.policies;
    }
  }

  const invalid = [
    ...scheduleValidationErrors(schedule.cron),
    ...backupSpecErrors(scope, {
      excludedByLabel: [...excludedByLabel].sort(),
      policies: policyInput,
    }),
  ];
  const location = chooseStorageLocation(
    scope.storageLocation,
    locations.filter(l => l.namespace === schedule.namespace),
    defaults.defaultBackupLocation,
  );
  return {
    schedule,
    fsDefault,
    moveData,
    ...(policies ? { policies } : {}),
    policiesUnknown,
    location,
    excludedByLabel,
    invalid,
    locationErrors: storageLocationErrors(location),
  };
}
