import { loadClientNode } from './clientNode';

describe('loadClientNode', () => {
  it('loads the ESM-only client with a real dynamic import', async () => {
    const k8s = await loadClientNode();

    const kc = new k8s.KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: 'https://127.0.0.1:6443' }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
      currentContext: 'ctx',
    });

    expect(kc.getCurrentCluster()?.server).toBe('https://127.0.0.1:6443');
    expect(kc.makeApiClient(k8s.CoreV1Api)).toBeInstanceOf(k8s.CoreV1Api);
    expect(await loadClientNode()).toBe(k8s);
  });
});
