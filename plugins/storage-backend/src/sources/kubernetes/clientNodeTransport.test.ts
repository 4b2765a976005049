import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadClientNode } from '../../kubernetes/clientNode';
import { createClientNodeTransport } from './clientNodeTransport';
import { MAX_IDLE_MS } from './keepAliveAgent';

describe('createClientNodeTransport', () => {
  let server: http.Server;
  let connections = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const page = Number(
        new URL(req.url!, 'http://x').searchParams.get('continue') ?? 0,
      );
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          metadata: {
            resourceVersion: '7',
            ...(page < 2 ? { continue: String(page + 1) } : {}),
          },
          items: [{ metadata: { name: `pvc-${page}` } }],
        }),
      );
    });
    server.on('connection', () => connections++);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  });

  async function kubeConfig() {
    const { KubeConfig } = await loadClientNode();
    const kc = new KubeConfig();
    const { port } = server.address() as AddressInfo;
    kc.loadFromOptions({
      clusters: [
        { name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true },
      ],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    return kc;
  }

  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

  it('lists page after page over one kept-alive connection, counting the bytes', async () => {
    const transport = await createClientNodeTransport(await kubeConfig());

    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await transport.list('/api/v1/persistentvolumeclaims', {
        limit: 1,
        continue: token,
      });
      names.push(
        ...page.items.map(
          i => (i as { metadata: { name: string } }).metadata.name,
        ),
      );
      token = page.metadata.continue;
    } while (token);

    expect(names).toEqual(['pvc-0', 'pvc-1', 'pvc-2']);
    expect(connections).toBe(1);
    expect(transport.bytesReceived).toBeGreaterThan(3 * 50);
  });

  it('does not reuse a connection that sat idle long enough for the server to close it', async () => {
    const transport = await createClientNodeTransport(await kubeConfig());
    const before = connections;
    await transport.list('/api/v1/pods', {});
    await transport.list('/api/v1/pods', {});
    expect(connections - before).toBe(1);
    const later = Date.now() + MAX_IDLE_MS + 1;
    const clock = jest.spyOn(Date, 'now').mockReturnValue(later);
    try {
      await transport.list('/api/v1/pods', {});
    } finally {
      clock.mockRestore();
    }
    expect(connections - before).toBe(2);
  });
});
