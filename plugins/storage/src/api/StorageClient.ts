import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  ClustersResponse,
  CoverageQuery,
  CoverageResponse,
  EntityStorageResponse,
  TiersResponse,
} from '@gitops-storage/plugin-storage-common';
import type { StorageApi } from './StorageApi';
import { coverageQueryToSearchParams } from './coverageQuery';

/**
 * {@link StorageApi} over the storage backend plugin (`/api/storage`).
 * @public
 */
export class StorageClient implements StorageApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getEntityStorage(entity: CompoundEntityRef): Promise<EntityStorageResponse> {
    const path = [entity.namespace, entity.kind, entity.name]
      .map(encodeURIComponent)
      .join('/');
    return this.get(`/entities/${path}`);
  }

  getCoverage(query: CoverageQuery = {}): Promise<CoverageResponse> {
    const search = coverageQueryToSearchParams(query).toString();
    return this.get(`/coverage${search ? `?${search}` : ''}`);
  }

  getTiers(): Promise<TiersResponse> {
    return this.get('/tiers');
  }

  getClusters(): Promise<ClustersResponse> {
    return this.get('/clusters');
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('storage');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
