import { mockCredentials, startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { storagePlugin } from './plugin';

describe('storagePlugin', () => {
  it('serves /health without authentication', async () => {
    const { server } = await startTestBackend({ features: [storagePlugin] });

    const res = await request(server)
      .get('/api/storage/health')
      .set('Authorization', mockCredentials.none.header());

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});
