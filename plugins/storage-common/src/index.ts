/**
 * Isomorphic types, permissions, the tier model and the pure coverage engine
 * shared by the storage backend, frontend and command line. Node-only helpers
 * (reading snapshot directories) are in `@gitops-storage/plugin-storage-common/node`.
 *
 * @packageDocumentation
 */

export * from './model';
export * from './permissions';

// Kubernetes helpers
export {
  matchesLabelSelector,
  formatLabelSelector,
  type LabelSelector,
  type LabelSelectorOperator,
  type LabelSelectorRequirement,
} from './kube/labelSelector';
export { parseLabelSelector } from './kube/parseLabelSelector';
export { InvalidObjectError } from './kube/objects';
export { parseQuantity } from './kube/quantity';
export { isRfc3339, parseRfc3339 } from './kube/time';

// Velero semantics
export type { BackupScope } from './velero/backupSpec';
export {
  matchesGlob,
  namespaceScope,
  type NamespaceScopeResult,
} from './velero/namespaceGlob';
export {
  backupOutcome,
  volumeBackupOutcome,
  type BackupOutcome,
  type VolumeBackupOutcome,
} from './velero/phases';
export {
  includesResource,
  type VolumeResource,
} from './velero/resourceFilters';
export { matchesBackupSelectors } from './velero/selectors';

// Durations in the engine's words (`24h`, `7d`), for every text that sits
// next to its reason messages.
export { formatSeconds } from './engine/humanize';

// The coverage CSV export (the backend streams it, the frontend downloads it).
export {
  CSV_COLUMNS,
  csvField,
  csvHeaderLine,
  csvLine,
  toCsv,
} from './csv/coverageCsv';

// Tiers and config
export {
  durationToSeconds,
  formatIsoDuration,
  parseIsoDuration,
} from './tiers/isoDuration';
export {
  readRpo,
  readStorageEngineConfig,
  veleroServerDefaults,
  readTiers,
  StorageConfigError,
  type StorageEngineConfig,
} from './tiers/readStorageConfig';
export { resolveTier, type ResolvedTier } from './tiers/resolveTier';

// Projected cluster state
export {
  ClusterState,
  type ClusterReachability,
  type KindReadability,
  type ResourceReadStatus,
  type WatchEvent,
} from './state/ClusterState';
export { EVIDENCE_DEPTH, type VolumeEvidence } from './state/evidence';
export {
  claimKey,
  type ClaimKey,
  type EvidenceEntry,
  type EvidenceMethod,
  type PodClaimMount,
  type ProjectedBackup,
  type ProjectedBsl,
  type ProjectedConfigMap,
  type ProjectedDeleteRequest,
  type ProjectedClaim,
  type ProjectedNamespace,
  type ProjectedPod,
  type ProjectedSchedule,
  type ProjectedStorageClass,
  type ProjectedVolume,
  type ProjectedRestore,
  type ProjectedRestoreCopy,
  type RestoreMethod,
} from './state/projections';
export {
  projectDataDownload,
  projectPodVolumeRestore,
  projectRestore,
} from './state/projectRestore';
export {
  restoreCopyOutcome,
  restoreOutcome,
  type RestoreOutcome,
} from './restore/restorePhases';
export {
  describeRestoreCopy,
  verifyRestores,
  type RestoreInputs,
} from './restore/restoreVerification';
export {
  projectClaim,
  projectNamespace,
  projectPod,
  projectStorageClass,
  projectVolume,
} from './state/projectCore';
export {
  projectBackup,
  projectBsl,
  projectConfigMap,
  projectDeleteRequest,
  projectDataUpload,
  projectPodVolumeBackup,
  projectSchedule,
} from './state/projectVelero';
export {
  REQUIRED_VELERO_KINDS,
  RESOURCE_KIND_INFO,
  RESOURCE_KINDS,
  resourceKindOf,
  resourceName,
  type ResourceKind,
} from './state/resourceKinds';

// Coverage engine
export { DEFAULT_RPO_SECONDS, type EvaluationContext } from './engine/context';
export {
  createClaimEvaluator,
  evaluateClaim,
  evaluateCluster,
  type ClaimEvaluator,
} from './engine/evaluateClaim';
export {
  compareWorstFirst,
  coveragePercent,
  summarize,
} from './engine/summarize';
export {
  backupStorageLocationStatuses,
  describeClusterStatus,
} from './engine/clusterReport';
export {
  buildCoverageReport,
  evaluateClusterCoverage,
  type ClusterCoverage,
} from './engine/coverageReport';

// Snapshots (isomorphic part; the directory loader is in ./node)
export {
  buildSnapshotState,
  CLUSTER_SNAPSHOT_API_VERSION,
  CLUSTER_SNAPSHOT_KIND,
  readClusterSnapshotManifest,
  type ClusterSnapshotManifest,
  type SnapshotState,
  type SnapshotStateOptions,
} from './snapshot/clusterSnapshot';
export {
  parseManifests,
  SnapshotError,
  type SnapshotDocument,
} from './snapshot/parseManifests';
export { shiftTimestamps } from './snapshot/timeShift';
