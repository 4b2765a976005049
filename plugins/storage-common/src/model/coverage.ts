import type { Reason } from './reasons';
import type { ClaimRestoreVerification } from './restore';
import type { Verdict } from './verdicts';

/**
 * What kind of volume backs a claim. Decides which Velero methods can protect
 * it: file-system backup never reads hostPath volumes; snapshots need CSI.
 * @public
 */
export type VolumeSource =
  | 'csi'
  | 'nfs'
  | 'local'
  | 'hostPath'
  | 'other'
  | 'unbound';

/** How Velero copies a volume's data. @public */
export type BackupMethod = 'fs-backup' | 'snapshot' | 'data-mover';

/** A backup of one volume: when, by which Backup, in which phase. @public */
export interface VolumeBackupRef {
  /** RFC 3339: completion time for finished attempts, else start or creation. */
  time: string;
  /** Name of the velero.io Backup. */
  backup: string;
  /** Phase of the per-volume evidence (PodVolumeBackup / DataUpload) or of the Backup. */
  phase: string;
  /** The Schedule that created the Backup, when one did. */
  schedule?: string;
  method: BackupMethod;
  /**
   * What this backup did for this volume: `not-attempted` when the Backup
   * failed (or finished) without a record of this volume.
   */
  outcome?: 'completed' | 'failed' | 'not-attempted' | 'in-progress';
  /** Velero's message for a failed attempt, when it gave one. */
  message?: string;
}

/**
 * The kro instance that made a Schedule (e.g. the BackupPolicy of a
 * namespace), from the labels kro v0.9.3 stamps on what it creates
 * (`kro.run/instance-kind`, `-name`, `-namespace`,
 * `kro.run/resource-graph-definition-name`). @public
 */
export interface ScheduleOwner {
  kind: string;
  name: string;
  /** Absent for a cluster-scoped instance. */
  namespace?: string;
  /** The ResourceGraphDefinition the instance is of. */
  graph?: string;
}

/** A schedule that would back up a claim's data. @public */
export interface CoveringSchedule {
  name: string;
  /** Cron expression of the schedule. */
  cron: string;
  method: BackupMethod;
  /** The BackupStorageLocation its backups go to (default location when unset). */
  storageLocation?: string;
  /** Set when kro manages the Schedule: change it through that instance. */
  owner?: ScheduleOwner;
}

/** The coverage of one PersistentVolumeClaim. @public */
export interface ClaimCoverage {
  cluster: string;
  namespace: string;
  name: string;
  uid: string;
  storageClass?: string;
  tier: string;
  /** Requested or bound capacity as a Kubernetes quantity, e.g. `50Gi`. */
  capacity?: string;
  /** The same capacity in bytes, for sums and sorting. */
  capacityBytes?: number;
  accessModes: string[];
  volume: { name?: string; source: VolumeSource };
  verdict: Verdict;
  /**
   * Refines `stale` when no copy exists: `never-backed-up` (a run that should
   * have copied it was missed) or `awaiting-first-backup` (its first run is
   * not due yet: no alert).
   */
  backupStatus?: 'never-backed-up' | 'awaiting-first-backup';
  reasons: Reason[];
  lastSuccessfulBackup?: VolumeBackupRef;
  lastAttempt?: VolumeBackupRef;
  schedules: CoveringSchedule[];
  /** Pods that mount the claim (namespace-local names). */
  pods?: string[];
  /** Labels of the claim, for entity selectors and owner lookups. */
  labels?: Record<string, string>;
  /**
   * Restore verification (its own status; the verdict ignores it). Absent
   * when the tier sets no `restoreTestInterval` and no restore is known.
   */
  restore?: ClaimRestoreVerification;
}

/** Counts of claims by verdict, with a total. @public */
export interface VerdictCounts {
  total: number;
  byVerdict: Record<Verdict, number>;
}

/** Summary of a set of claims. @public */
export interface CoverageSummary extends VerdictCounts {
  byTier: Record<string, VerdictCounts>;
  byCluster: Record<string, VerdictCounts>;
  byNamespace: Record<string, VerdictCounts>;
}

/** How well a cluster's data could be read. @public */
export type ClusterHealth =
  | 'synced'
  | 'syncing'
  | 'lagging'
  | 'forbidden'
  | 'unreachable'
  | 'error';

/**
 * Why a resource could not be read, as a stable code (the detail goes to the
 * backend log, never to clients). @public
 */
export type ResourceErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'throttled'
  | 'server-error'
  | 'timeout'
  | 'too-large'
  | 'unreachable'
  | 'invalid-response'
  | 'request-failed';

/** Read status of one resource type in one cluster. @public */
export interface ResourceStatus {
  resource: string;
  status: ClusterHealth | 'absent';
  /** A sanitised sentence: no server URLs, identities or server text. */
  error?: string;
  errorCode?: ResourceErrorCode;
  /** The HTTP status of the last failed request, when there was one. */
  httpStatus?: number;
  /**
   * When the kind's data was last confirmed current (RFC 3339): a list that
   * completed, or a watch event or bookmark that parsed.
   */
  lastEventAt?: string;
  objects?: number;
  /** Objects refused on ingest (malformed, or an older duplicate uid). */
  skipped?: number;
}

/** @public */
export interface ClusterStatus {
  name: string;
  status: ClusterHealth;
  /** A sanitised sentence (see ResourceStatus.error). */
  error?: string;
  errorCode?: ResourceErrorCode;
  /**
   * The oldest "last confirmed" time over the kinds the cluster serves
   * (RFC 3339): how old the cluster's data may be. Absent until every kind
   * has been read once.
   */
  lastConfirmedAt?: string;
  /** `storage.sync.staleAfterSeconds` for live clusters: data older than this is unknown. */
  staleAfterSeconds?: number;
  /** The kind of source: a live cluster or a snapshot directory. */
  source?: 'kubernetes' | 'snapshot';
  resources?: ResourceStatus[];
}

/** A BackupStorageLocation and whether Velero can reach it. @public */
export interface BackupStorageLocationStatus {
  cluster: string;
  name: string;
  phase: 'Available' | 'Unavailable' | 'Unknown';
  default: boolean;
  provider?: string;
  lastValidationTime?: string;
  message?: string;
}

/** The report `backstage-storage coverage --format json` prints. @public */
export interface CoverageReport {
  generatedAt: string;
  clusters: Array<{ name: string; status: ClusterHealth; error?: string }>;
  claims: ClaimCoverage[];
  summary: CoverageSummary;
  backupStorageLocations?: BackupStorageLocationStatus[];
}
