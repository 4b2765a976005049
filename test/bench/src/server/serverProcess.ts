import { FakeKubeApiServer } from '@gitops-storage/fake-kube-apiserver';
import type { FleetSize } from '../fleet/FleetSize';
import { GeneratedClusterStore } from '../fleet/GeneratedClusterStore';
import { serveRequests } from '../ipc';

/**
 * The fake API servers of the whole fleet, one per cluster on its own port,
 * in a process of their own so that the backend's memory and CPU are
 * measured alone. Driven by the bench over IPC.
 */

export interface ServedCluster {
  name: string;
  url: string;
  counts: Record<string, number>;
}

export interface ServerStats {
  clusters: Array<{
    name: string;
    bytesSent: number;
    lists: number;
    watches: number;
    openWatches: number;
  }>;
  /** CPU time of this process since `start` (user + system, ms). */
  cpuMs: number;
  rssBytes: number;
}

const clusters: Array<{
  store: GeneratedClusterStore;
  server: FakeKubeApiServer;
}> = [];
let cpuAtStart = process.cpuUsage();

serveRequests({
  async start(payload: {
    size: FleetSize;
    now: number;
    bookmarkIntervalMs: number;
  }) {
    for (let c = 0; c < payload.size.clusters; c++) {
      const store = new GeneratedClusterStore(payload.size, c, payload.now);
      const server = await FakeKubeApiServer.start({
        store,
        bookmarkIntervalMs: payload.bookmarkIntervalMs,
      });
      clusters.push({ store, server });
    }
    cpuAtStart = process.cpuUsage();
    return clusters.map(
      ({ store, server }): ServedCluster => ({
        name: store.layout.name,
        url: server.url,
        counts: store.counts(),
      }),
    );
  },

  stats(): ServerStats {
    const cpu = process.cpuUsage(cpuAtStart);
    return {
      clusters: clusters.map(({ store, server }) => ({
        name: store.layout.name,
        bytesSent: server.stats.bytesSent,
        lists: server.stats.lists,
        watches: server.stats.watches,
        openWatches: server.openWatches,
      })),
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssBytes: process.memoryUsage().rss,
    };
  },

  /** The newest PodVolumeBackup of a PVC turns Failed (a watch event). */
  failVolumeBackup(payload: { cluster: number; pvc: number }) {
    const object = clusters[payload.cluster]?.store.failVolumeBackup(
      payload.pvc,
    );
    if (!object)
      throw new Error(
        `PVC #${payload.pvc} of cluster #${payload.cluster} has no backup`,
      );
    return { name: object.metadata.name, emittedAt: Date.now() };
  },

  async stop() {
    await Promise.all(clusters.map(({ server }) => server.close()));
    setImmediate(() => process.exit(0));
  },
});

// Exit with the bench, even if it could not say goodbye.
process.on('disconnect', () => process.exit(0));
