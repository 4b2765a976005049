import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
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
    return this.get(`/entities/${entityPath(entity)}`);
  }

  getEntityHistory(
    entity: CompoundEntityRef,
    options: { days?: number } = {},
  ): Promise<EntityHistoryResponse> {
    const days = options.days ? `?days=${options.days}` : '';
    return this.get(`/entities/${entityPath(entity)}/history${days}`);
  }

  getHistory(query: HistoryQuery = {}): Promise<HistoryResponse> {
    const params = new URLSearchParams();
    if (query.days) params.set('days', String(query.days));
    for (const name of ['cluster', 'tier', 'owner'] as const) {
      for (const value of query[name] ?? []) {
        if (value) params.append(name, value);
      }
    }
    const search = params.toString();
    return this.get(`/history${search ? `?${search}` : ''}`);
  }

  getCoverage(query: CoverageQuery = {}): Promise<CoverageResponse> {
    const search = coverageQueryToSearchParams(query).toString();
    return this.get(`/coverage${search ? `?${search}` : ''}`);
  }

  async exportCoverageCsv(
    filters: Omit<CoverageQuery, 'offset' | 'limit'> = {},
    options: { onProgress?: (rows: number) => void } = {},
  ): Promise<Blob> {
    const search = coverageQueryToSearchParams(filters).toString();
    const baseUrl = await this.discoveryApi.getBaseUrl('storage');
    const response = await this.fetchApi.fetch(
      `${baseUrl}/coverage/export.csv${search ? `?${search}` : ''}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return readCsv(response, options.onProgress);
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

/**
 * The CSV body as a Blob, counting rows (CRLF line ends; line breaks inside
 * a field are bare LF) as the chunks arrive, so a long export shows progress.
 */
async function readCsv(
  response: Response,
  onProgress?: (rows: number) => void,
): Promise<Blob> {
  const type = 'text/csv;charset=utf-8';
  const chunks: Uint8Array[] = [];
  let lines = 0;
  let lastByte = 0;
  const count = (chunk: Uint8Array) => {
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] === 10 && (i > 0 ? chunk[i - 1] : lastByte) === 13) lines++;
    }
    lastByte = chunk[chunk.length - 1] ?? lastByte;
    chunks.push(chunk);
    // The first line is the header.
    onProgress?.(Math.max(0, lines - 1));
  };
  if (!response.body) {
    count(new Uint8Array(await response.arrayBuffer()));
  } else {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      count(value);
    }
  }
  return new Blob(chunks as BlobPart[], { type });
}

function entityPath(entity: CompoundEntityRef): string {
  return [entity.namespace, entity.kind, entity.name]
    .map(encodeURIComponent)
    .join('/');
}
