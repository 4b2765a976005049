import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  errorResponse,
  STORAGE_BASE_URL,
  testStorageClient,
} from '../__testUtils__/testApp';

const server = setupServer();
registerMswTestHooks(server);

describe('StorageClient history', () => {
  it('sends days and the cluster, tier and owner filters', async () => {
    let search = '';
    const body = { series: [], demo: false, retentionDays: 400 };
    server.use(
      http.get(`${STORAGE_BASE_URL}/history`, ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json(body);
      }),
    );
    const result = await testStorageClient().getHistory({
      days: 90,
      cluster: ['prod', 'staging'],
      tier: ['fast'],
      owner: ['group:default/team-a'],
    });
    expect(search).toBe(
      '?days=90&cluster=prod&cluster=staging&tier=fast&owner=group%3Adefault%2Fteam-a',
    );
    expect(result).toEqual(body);
  });

  it("fetches an entity's history, URL-encoded, and rejects on errors", async () => {
    let path = '';
    server.use(
      http.get(
        `${STORAGE_BASE_URL}/entities/:namespace/:kind/:name/history`,
        ({ request }) => {
          const url = new URL(request.url);
          path = `${url.pathname}${url.search}`;
          return url.searchParams.get('days') === '7'
            ? errorResponse(400, 'InputError', 'bad days')
            : HttpResponse.json({ transitions: [] });
        },
      ),
    );
    const ref = { namespace: 'default', kind: 'component', name: 'a b' };
    await testStorageClient().getEntityHistory(ref, { days: 30 });
    expect(path).toBe(
      '/api/storage/entities/default/component/a%20b/history?days=30',
    );
    await expect(
      testStorageClient().getEntityHistory(ref, { days: 7 }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 400 });
  });
});
