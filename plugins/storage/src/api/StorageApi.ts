import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  ClustersResponse,
  CoverageQuery,
  CoverageResponse,
  EntityHistoryResponse,
  EntityStorageResponse,
  HistoryQuery,
  HistoryResponse,
  TiersResponse,
} from '@gitops-storage/plugin-storage-common';

/**
 * Client for the storage backend's REST API. Every method rejects with a
 * `ResponseError` (from `@backstage/errors`) when the backend answers with an
 * error status.
 * @public
 */
export interface StorageApi {
  /** Volumes, tiers and backup verdicts of one catalog entity. */
  getEntityStorage(entity: CompoundEntityRef): Promise<EntityStorageResponse>;
  /** One page of the fleet-wide coverage report, worst first. */
  getCoverage(query?: CoverageQuery): Promise<CoverageResponse>;
  /**
   * Every row of the coverage report that matches the filters, as CSV, in
   * one streamed response. `onProgress` is told the rows received so far.
   */
  exportCoverageCsv(
    filters?: Omit<CoverageQuery, 'offset' | 'limit'>,
    options?: { onProgress?: (rows: number) => void },
  ): Promise<Blob>;
  /** The configured storage tiers. */
  getTiers(): Promise<TiersResponse>;
  /** The clusters the backend reads and how well it can read them. */
  getClusters(): Promise<ClustersResponse>;
  /** The fleet's coverage over time (volumes by verdict per day). */
  getHistory(query?: HistoryQuery): Promise<HistoryResponse>;
  /** One entity's volumes over time, their transitions and since when. */
  getEntityHistory(
    entity: CompoundEntityRef,
    options?: { days?: number },
  ): Promise<EntityHistoryResponse>;
}

/** @public */
export const storageApiRef = createApiRef<StorageApi>({
  id: 'plugin.storage.service',
});
