import type { ClusterState } from '../state/ClusterState';
import type { ProjectedBsl, ProjectedSchedule } from '../state/projections';
import {
  backupSpecErrors,
  namesPolicyConfigMap,
} from '../velero/backupValidation';
import { nextCronRun, parseCron } from '../velero/cron';
import { isExcludedFromBackup } from '../velero/excludeLabel';
import { includesResource } from '../velero/resourceFilters';
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

/** Velero's `--default-backup-ttl`. */
export const DEFAULT_TTL_SECONDS = 720 * 60 * 60;

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
  /** Whether its Backups keep pods and claims (resource filters, worked out once). */
  includes: { pods: boolean; claims: boolean };
  /** Backups' TTL (template, else Velero's 720h default). */
  ttlSeconds: number;
  /** Seconds between two runs, when the cron expression parses. */
  intervalSeconds?: number;
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
  excludedByLabel: ReadonlySet<string> = namespacesExcludedByLabel(state),
  nowMs = Date.now(),
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
    includes: {
      pods: includesResource(scope, 'pods'),
      claims: includesResource(scope, 'persistentvolumeclaims'),
    },
    ttlSeconds: scope.ttlSeconds ?? DEFAULT_TTL_SECONDS,
    ...intervalOf(schedule.cron, nowMs),
  };
}

function intervalOf(
  cron: string,
  fromMs: number,
): { intervalSeconds?: number } {
  const parsed = parseCron(cron);
  if (!parsed.ok) return {};
  const a = nextCronRun(parsed.schedule, fromMs);
  const b = a === undefined ? undefined : nextCronRun(parsed.schedule, a);
  return a !== undefined && b !== undefined
    ? { intervalSeconds: (b - a) / 1000 }
    : {};
}

/** Namespaces labelled `velero.io/exclude-from-backup=true`. */
export function namespacesExcludedByLabel(state: ClusterState): Set<string> {
  const out = new Set<string>();
  for (const ns of state.namespaces()) {
    if (isExcludedFromBackup(ns.labels)) out.add(ns.name);
  }
  return out;
}

/** Kinds a plan is made of: a change to any of them makes new plans. */
const PLAN_KINDS = [
  'Schedule',
  'Backup',
  'BackupStorageLocation',
  'Namespace',
  'ConfigMap',
] as const;

interface CachedPlans {
  key: string;
  plans: SchedulePlan[];
}
const planCache = new WeakMap<ClusterState, CachedPlans>();

/**
 * The plans of every schedule (in the Velero namespace when given), sorted
 * by name. Cached per state until one of the kinds plans are made of
 * changes, so a batch of pod or claim events does not re-plan 500 schedules
 * for every evaluator.
 */
export function planSchedules(
  state: ClusterState,
  defaults: PlanDefaults & { veleroNamespace?: string },
  nowMs: number,
): SchedulePlan[] {
  const day = Math.floor(nowMs / 86_400_000);
  const key = [
    ...PLAN_KINDS.map(kind => state.kindRevision(kind)),
    defaults.veleroNamespace ?? '*',
    defaults.defaultVolumesToFsBackup ?? '',
    defaults.defaultSnapshotMoveData ?? '',
    defaults.defaultBackupLocation ?? '',
    day,
  ].join('|');
  const cached = planCache.get(state);
  if (cached?.key === key) return cached.plans;
  const { veleroNamespace } = defaults;
  const schedules = [...state.schedules()]
    .filter(
      s => veleroNamespace === undefined || s.namespace === veleroNamespace,
    )
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace),
    );
  const bsls = [...state.backupStorageLocations()];
  const excluded = namespacesExcludedByLabel(state);
  const plans = schedules.map(schedule =>
    planSchedule(state, schedule, bsls, defaults, excluded, nowMs),
  );
  planCache.set(state, { key, plans });
  return plans;
}
