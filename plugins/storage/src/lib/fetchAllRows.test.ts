import type {
  CoverageQuery,
  CoverageRow,
} from '@gitops-storage/plugin-storage-common';
import {
  claim,
  coverageResponse,
  coverageRow,
} from '../__testUtils__/fixtures';
import { fetchAllRows } from './fetchAllRows';

function fakeApi(allRows: CoverageRow[], totalRows = allRows.length) {
  const queries: CoverageQuery[] = [];
  return {
    queries,
    async getCoverage(query: CoverageQuery = {}) {
      queries.push(query);
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 50;
      return coverageResponse(allRows.slice(offset, offset + limit), {
        totalRows,
        offset,
        limit,
      });
    },
  };
}

const rows = Array.from({ length: 1234 }, (_, i) =>
  coverageRow(claim({ name: `claim-${i}`, uid: `uid-${i}` })),
);

describe('fetchAllRows', () => {
  it('fetches page by page with the filters until the total is reached', async () => {
    const api = fakeApi(rows);
    const progress: Array<[number, number]> = [];
    const result = await fetchAllRows(
      api,
      { verdict: ['unprotected'], search: 'db' },
      { pageSize: 500, onProgress: (f, t) => progress.push([f, t]) },
    );
    expect(result.map(r => r.name)).toEqual(rows.map(r => r.name));
    expect(api.queries).toEqual([
      { verdict: ['unprotected'], search: 'db', offset: 0, limit: 500 },
      { verdict: ['unprotected'], search: 'db', offset: 500, limit: 500 },
      { verdict: ['unprotected'], search: 'db', offset: 1000, limit: 500 },
    ]);
    expect(progress).toEqual([
      [500, 1234],
      [1000, 1234],
      [1234, 1234],
    ]);
  });

  it('stops at an empty page when the total shrinks meanwhile', async () => {
    const api = fakeApi(rows.slice(0, 10), 5000);
    const result = await fetchAllRows(api, {}, { pageSize: 4 });
    expect(result).toHaveLength(10);
    expect(api.queries.map(q => q.offset)).toEqual([0, 4, 8, 10]);
  });

  it('makes one request when nothing matches', async () => {
    const api = fakeApi([]);
    expect(await fetchAllRows(api, {})).toEqual([]);
    expect(api.queries).toHaveLength(1);
  });
});
