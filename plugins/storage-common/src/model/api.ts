import type {
  BackupStorageLocationStatus,
  ClaimCoverage,
  ClusterStatus,
  CoverageSummary,
  VerdictCounts,
  VolumeBackupRef,
} from './coverage';
import type { RestoreStatus } from './restore';
import type { Tier } from './tiers';
import type { Verdict } from './verdicts';

/** `GET /api/storage/entities/:namespace/:kind/:name`. @public */
export interface EntityStorageResponse {
  entityRef: string;
  claims: ClaimCoverage[];
  summary: EntityStorageSummary;
  /** Status of every cluster the entity was looked up in. */
  clusters: ClusterStatus[];
}

/** @public */
export interface EntityStorageSummary extends VerdictCounts {
  worstVerdict?: Verdict;
  tiers: string[];
  totalCapacityBytes: number;
  /** The oldest "last successful backup" over the entity's volumes. */
  oldestLastSuccess?: VolumeBackupRef;
}

/** A row of the fleet report: a claim with the catalog entities that own it. @public */
export interface CoverageRow extends ClaimCoverage {
  /** Entity refs of the catalog entities whose workloads use the claim. */
  entityRefs: string[];
  /** Owners (spec.owner) of those entities. */
  owners: string[];
}

/** `GET /api/storage/coverage`. @public */
export interface CoverageResponse {
  generatedAt: string;
  summary: CoverageSummary;
  /** Number of rows that match the filters (before paging). */
  totalRows: number;
  offset: number;
  limit: number;
  rows: CoverageRow[];
  backupStorageLocations: BackupStorageLocationStatus[];
  clusters: ClusterStatus[];
}

/** Query of `GET /api/storage/coverage`. @public */
export interface CoverageQuery {
  cluster?: string[];
  namespace?: string[];
  tier?: string[];
  verdict?: Verdict[];
  owner?: string[];
  /**
   * Restore status; `none` matches claims without one (no restore known,
   * none asked for by the tier).
   */
  restore?: Array<RestoreStatus | 'none'>;
  /** Free-text search over names, namespaces, owners and reasons. */
  search?: string;
  offset?: number;
  limit?: number;
}

/** `GET /api/storage/tiers`. @public */
export interface TiersResponse {
  tiers: Tier[];
}

/** `GET /api/storage/clusters`. @public */
export interface ClustersResponse {
  clusters: ClusterStatus[];
}
