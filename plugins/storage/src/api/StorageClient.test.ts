import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  coverageResponse,
  coverageRow,
  entityStorageResponse,
  protectedClaim,
  tiers,
} from '../__testUtils__/fixtures';
import {
  errorResponse,
  STORAGE_BASE_URL,
  testStorageClient,
} from '../__testUtils__/testApp';

const server = setupServer();
registerMswTestHooks(server);

describe('StorageClient', () => {
  it('fetches an entity by namespace, kind and name, URL-encoded', async () => {
    const body = entityStorageResponse([protectedClaim]);
    let path = '';
    server.use(
      http.get(
        `${STORAGE_BASE_URL}/entities/:namespace/:kind/:name`,
        ({ request }) => {
          path = new URL(request.url).pathname;
          return HttpResponse.json(body);
        },
      ),
    );
    const result = await testStorageClient().getEntityStorage({
      namespace: 'default',
      kind: 'component',
      name: 'a b/c',
    });
    expect(path).toBe('/api/storage/entities/default/component/a%20b%2Fc');
    expect(result).toEqual(body);
  });

  it('downloads the CSV export in one request, counting rows as they stream in', async () => {
    let query = '';
    const header = 'cluster,namespace,name\r\n';
    const rows = Array.from(
      { length: 1500 },
      (_, i) => `prod-eu,payments,"vol\n${i}"\r\n`,
    );
    server.use(
      http.get(`${STORAGE_BASE_URL}/coverage/export.csv`, ({ request }) => {
        query = new URL(request.url).search;
        const encoder = new TextEncoder();
        const stream = new ReadableStream({
          start(controller) {
            controller.enqueue(
              encoder.encode(header + rows.slice(0, 700).join('')),
            );
            // A chunk boundary between CR and LF still ends one line.
            const rest = rows.slice(700).join('');
            controller.enqueue(encoder.encode(rest.slice(0, 1)));
            controller.enqueue(encoder.encode(rest.slice(1)));
            controller.close();
          },
        });
        return new HttpResponse(stream, {
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        });
      }),
    );
    const progress: number[] = [];
    const blob = await testStorageClient().exportCoverageCsv(
      { verdict: ['unprotected'], search: 'vol' },
      { onProgress: n => progress.push(n) },
    );
    expect(query).toBe('?verdict=unprotected&search=vol');
    expect(await blob.text()).toBe(header + rows.join(''));
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(progress.at(-1)).toBe(1500);
    expect(progress[0]).toBe(700);
  });

  it('rejects a failed CSV export with the backend error', async () => {
    server.use(
      http.get(`${STORAGE_BASE_URL}/coverage/export.csv`, () =>
        errorResponse(
          403,
          'NotAllowedError',
          'You may not read the storage coverage report',
        ),
      ),
    );
    await expect(testStorageClient().exportCoverageCsv()).rejects.toMatchObject(
      {
        name: 'ResponseError',
        statusCode: 403,
        body: {
          error: { message: 'You may not read the storage coverage report' },
        },
      },
    );
  });

  it('sends coverage filters as repeated query parameters', async () => {
    let query = '';
    server.use(
      http.get(`${STORAGE_BASE_URL}/coverage`, ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json(
          coverageResponse([coverageRow(protectedClaim)]),
        );
      }),
    );
    const result = await testStorageClient().getCoverage({
      verdict: ['unprotected', 'failing'],
      tier: ['fast'],
      cluster: ['prod-eu'],
      owner: ['group:default/team-a'],
      search: 'db',
      offset: 50,
      limit: 25,
    });
    expect(query).toBe(
      '?cluster=prod-eu&tier=fast&verdict=unprotected&verdict=failing&owner=group%3Adefault%2Fteam-a&search=db&offset=50&limit=25',
    );
    expect(result.rows).toHaveLength(1);
  });

  it('sends no query string for an empty query', async () => {
    let search = 'unset';
    server.use(
      http.get(`${STORAGE_BASE_URL}/coverage`, ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json(coverageResponse([]));
      }),
    );
    await testStorageClient().getCoverage();
    expect(search).toBe('');
  });

  it('fetches tiers and clusters', async () => {
    server.use(
      http.get(`${STORAGE_BASE_URL}/tiers`, () => HttpResponse.json({ tiers })),
      http.get(`${STORAGE_BASE_URL}/clusters`, () =>
        HttpResponse.json({
          clusters: [{ name: 'prod-eu', status: 'synced' }],
        }),
      ),
    );
    const client = testStorageClient();
    expect((await client.getTiers()).tiers.map(t => t.name)).toEqual([
      'fast',
      'bulk',
      'nfs',
      'local',
    ]);
    expect((await client.getClusters()).clusters[0].status).toBe('synced');
  });

  it.each([
    [403, 'NotAllowedError', 'Not allowed to read storage'],
    [404, 'NotFoundError', 'Entity component:default/nope not found'],
    [500, 'Error', 'The cache is not ready'],
  ])(
    'rejects with a ResponseError carrying the backend error (%s)',
    async (status, name, message) => {
      server.use(
        http.get(`${STORAGE_BASE_URL}/tiers`, () =>
          errorResponse(status, name, message),
        ),
      );
      await expect(testStorageClient().getTiers()).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: status,
        cause: { name, message },
      });
    },
  );
});
