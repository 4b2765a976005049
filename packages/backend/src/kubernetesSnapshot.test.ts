import { join } from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  serveSnapshot,
  snapshotClustersForKubernetes,
} from './kubernetesSnapshot';

const DEMO = join(__dirname, '../../../test/fixtures/clusters/demo');

describe('snapshotClustersForKubernetes', () => {
  const storage = {
    clusters: [
      { name: 'demo', type: 'snapshot', path: DEMO, timeShift: true },
      { name: 'prod', authProvider: 'kubeconfig', kubeconfigPath: 'x' },
    ],
  };

  it('gives the Kubernetes plugin the storage snapshots when it has no cluster', () => {
    const config = new ConfigReader({
      storage,
      kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters: [] }] },
    });
    expect(snapshotClustersForKubernetes(config)).toEqual([
      { name: 'demo', path: DEMO, timeShift: true },
    ]);
    expect(
      snapshotClustersForKubernetes(new ConfigReader({ storage })),
    ).toHaveLength(1);
  });

  it('leaves a configured Kubernetes plugin alone (yarn start:live, real clusters)', () => {
    for (const locator of [
      {
        type: 'config',
        clusters: [{ name: 'demo', url: 'http://127.0.0.1:6443' }],
      },
      { type: 'catalog' },
    ]) {
      const config = new ConfigReader({
        storage,
        kubernetes: { clusterLocatorMethods: [locator] },
      });
      expect(snapshotClustersForKubernetes(config)).toEqual([]);
    }
  });
});

describe('serveSnapshot', () => {
  it("serves the demo's pods to the Kubernetes plugin's queries, and empty lists for its other kinds", async () => {
    const { server, details } = await serveSnapshot({
      name: 'demo',
      path: DEMO,
      timeShift: true,
    });
    try {
      expect(details).toEqual(
        expect.objectContaining({
          name: 'demo',
          url: server.url,
          skipMetricsLookup: true,
        }),
      );
      const pods = await (
        await fetch(
          `${server.url}/api/v1/pods?labelSelector=${encodeURIComponent(
            'backstage.io/kubernetes-id=payments-api',
          )}`,
        )
      ).json();
      expect(pods.items.length).toBeGreaterThan(0);
      for (const pod of pods.items) {
        expect(pod.metadata.labels['backstage.io/kubernetes-id']).toBe(
          'payments-api',
        );
      }
      // Shifted like the storage plugin's copy: nothing is from the future.
      const started = Math.max(
        ...pods.items.map((p: { metadata: { creationTimestamp: string } }) =>
          Date.parse(p.metadata.creationTimestamp),
        ),
      );
      expect(started).toBeLessThanOrEqual(Date.now());
      expect(Date.now() - started).toBeLessThan(400 * 24 * 3600_000);
      const deployments = await fetch(`${server.url}/apis/apps/v1/deployments`);
      expect(deployments.status).toBe(200);
      expect((await deployments.json()).items).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
