import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  ClustersResponse,
  CoverageQuery,
  CoverageResponse,
  EntityStorageResponse,
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
  /** The configured storage tiers. */
  getTiers(): Promise<TiersResponse>;
  /** The clusters the backend reads and how well it can read them. */
  getClusters(): Promise<ClustersResponse>;
}

/** @public */
export const storageApiRef = createApiRef<StorageApi>({
  id: 'plugin.storage.service',
});
