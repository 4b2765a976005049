import { readStorageEngineConfig } from '@gitops-storage/plugin-storage-common';
import type { FleetSize } from '../fleet/FleetSize';
import { serveRequests } from '../ipc';
import { measureParseThroughput } from '../measure/parseThroughput';
import { fanOutEntity, type FanOutCluster } from './fanOut';
import { kubeConfigFor } from './kubeList';
import { runLoad, runSequential, type LoadOptions } from './loadTest';

/**
 * The clients of the bench, in their own process so that neither their CPU
 * nor their memory is counted against the backend: HTTP load on the plugin's
 * API, and the fan-out handler that lists every cluster per request.
 */

export interface FanOutRun {
  id: string;
  ms: number;
  requests: number;
  bytes: number;
  claims: Array<{
    cluster: string;
    namespace: string;
    name: string;
    verdict: string;
  }>;
}

serveRequests({
  parseThroughput: (p: { size: FleetSize; now: number; pageSize: number }) =>
    measureParseThroughput(p.size, p.now, p.pageSize),

  load: (options: LoadOptions) => runLoad(options),

  sequential: (p: { baseUrl: string; path: string; repeat: number }) =>
    runSequential(p.baseUrl, p.path, p.repeat),

  async fanOut(p: {
    kubeconfig: string;
    clusters: string[];
    entityIds: string[];
    appConfig: unknown;
    veleroNamespace: string;
  }): Promise<FanOutRun[]> {
    const engine = readStorageEngineConfig(p.appConfig);
    const clusters: FanOutCluster[] = await Promise.all(
      p.clusters.map(async name => ({
        name,
        kc: await kubeConfigFor(p.kubeconfig, name),
      })),
    );
    // One untimed request first: module loading, JIT and connections.
    await fanOutEntity(clusters, p.entityIds[0], engine, p.veleroNamespace);
    const runs: FanOutRun[] = [];
    for (const id of p.entityIds) {
      const started = performance.now();
      const { claims, wire } = await fanOutEntity(
        clusters,
        id,
        engine,
        p.veleroNamespace,
      );
      runs.push({
        id,
        ms: performance.now() - started,
        requests: wire.requests,
        bytes: wire.bytes,
        claims: claims.map(c => ({
          cluster: c.cluster,
          namespace: c.namespace,
          name: c.name,
          verdict: c.verdict,
        })),
      });
    }
    return runs;
  },

  stop() {
    setImmediate(() => process.exit(0));
  },
});

process.on('disconnect', () => process.exit(0));
