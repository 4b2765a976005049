import type { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import {
  MockFetchApi,
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import {
  toCsv,
  VERDICT_SEVERITY,
  type CoverageRow,
  type Tier,
} from '@gitops-storage/plugin-storage-common';
import { storageApiRef, StorageClient } from '../api';
import {
  coverageResponse,
  syncedClusters,
  tiers as fixtureTiers,
} from './fixtures';

/** Where `mockApis.discovery()` puts the storage backend. */
export const STORAGE_BASE_URL = 'http://example.com/api/storage';

/** A real client over msw, the way the app wires it. */
export function testStorageClient() {
  return new StorageClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: new MockFetchApi(),
  });
}

/** Renders inside a legacy test app with the real storage client. */
export function renderWithStorage(
  element: ReactElement,
  options: { entity?: Entity; routeEntries?: string[] } = {},
) {
  const content = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  return renderInTestApp(
    <TestApiProvider apis={[[storageApiRef, testStorageClient()]]}>
      {content}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The error body `@backstage/errors` produces on the backend. */
export function errorResponse(status: number, name: string, message: string) {
  return HttpResponse.json(
    {
      error: { name, message },
      request: { method: 'GET', url: '/api/storage' },
      response: { statusCode: status },
    },
    { status },
  );
}

/**
 * A small stand-in for the backend's `GET /coverage`: filters, search, worst
 * first and paging over a fixed set of rows. Records every query it answers.
 */
export function serveCoverage(
  server: Pick<SetupServer, 'use'>,
  allRows: CoverageRow[],
  options: { tiers?: Tier[] } = {},
) {
  const requests: URLSearchParams[] = [];
  const exports: URLSearchParams[] = [];
  const matchingRows = (params: URLSearchParams) => {
    const inList = (name: string, value: string | string[]) => {
      const wanted = params.getAll(name);
      const values = Array.isArray(value) ? value : [value];
      return wanted.length === 0 || values.some(v => wanted.includes(v));
    };
    const search = params.get('search')?.toLowerCase();
    return allRows
      .filter(
        r =>
          inList('verdict', r.verdict) &&
          inList('tier', r.tier) &&
          inList('cluster', r.cluster) &&
          inList('namespace', r.namespace) &&
          inList('owner', r.owners) &&
          (!search ||
            [r.name, r.namespace, ...r.owners].some(s =>
              s.toLowerCase().includes(search),
            )),
      )
      .sort(
        (a, b) => VERDICT_SEVERITY[b.verdict] - VERDICT_SEVERITY[a.verdict],
      );
  };
  server.use(
    // The backend's streamed export: the same rows, as the shared CSV.
    http.get(`${STORAGE_BASE_URL}/coverage/export.csv`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      exports.push(params);
      return new HttpResponse(toCsv(matchingRows(params)), {
        headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      });
    }),
    http.get(`${STORAGE_BASE_URL}/coverage`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      requests.push(params);
      const matching = matchingRows(params);
      const offset = Number(params.get('offset') ?? 0);
      const limit = Number(params.get('limit') ?? 50);
      const page = coverageResponse(matching.slice(offset, offset + limit), {
        totalRows: matching.length,
        offset,
        limit,
      });
      // The summary covers every matching row, not just this page.
      const summary = coverageResponse(matching).summary;
      return HttpResponse.json({ ...page, summary });
    }),
    http.get(`${STORAGE_BASE_URL}/tiers`, () =>
      HttpResponse.json({ tiers: options.tiers ?? fixtureTiers }),
    ),
    http.get(`${STORAGE_BASE_URL}/clusters`, () =>
      HttpResponse.json({ clusters: syncedClusters }),
    ),
    // No history recorded yet: the trend card shows its empty state.
    http.get(`${STORAGE_BASE_URL}/history`, () =>
      HttpResponse.json({ series: [], demo: false, retentionDays: 400 }),
    ),
  );
  // The report's page requests, and (as `exports`) the CSV export's.
  return Object.assign(requests, { exports });
}
