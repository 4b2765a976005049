import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { ApiClient } from '../backend/apiClient';
import {
  PEER_CUSTOM_RESOURCES,
  startKubernetesBackend,
} from '../backend/startKubernetesBackend';
import type { LoadResult } from '../client/loadTest';
import type { HelperProcess } from '../ipc';
import type { ServedCluster, ServerStats } from '../server/serverProcess';
import { peerAnswerContents, type PeerAnswerContents } from './peerAnswer';

export interface KubernetesBackendFigures {
  plugin: string;
  configuration: { endpoint: string; customResources: string[] };
  /** One entity view (POST /api/kubernetes/resources/custom/query), averaged over a few. */
  perView: {
    listCalls: number;
    bytesFromApiServers: number;
    responseBytes: number;
    ms: number;
  };
  load: LoadResult[];
  answer: PeerAnswerContents;
  /** Its p50 ÷ the storage entity endpoint's p50, at the same client count. */
  ratioAt: Record<string, number>;
}

const ENDPOINT = '/api/kubernetes/resources/custom/query';
const VIEWS_SAMPLED = 3;
const PEER_CONCURRENCY = [1, 10];

const sum = (
  stats: ServerStats,
  pick: (c: ServerStats['clusters'][0]) => number,
) => stats.clusters.reduce((total, c) => total + pick(c), 0);

/**
 * Backstage's own Kubernetes backend answering the entity views the storage
 * plugin answers, against the same fake API servers: its latency at 1 and 10
 * clients, the list calls and bytes each view costs the API servers, and
 * what its answer holds of what a verdict needs.
 */
export async function measureKubernetesBackend(options: {
  clusters: readonly ServedCluster[];
  entities: Entity[];
  servers: HelperProcess;
  client: HelperProcess;
  durationMs: number;
  storageEntity: readonly LoadResult[];
}): Promise<KubernetesBackendFigures> {
  const { entities, servers, client } = options;
  const peer = await startKubernetesBackend(options.clusters, entities);
  const api = new ApiClient(peer.baseUrl);
  try {
    const query = (e: Entity) => ({
      entityRef: stringifyEntityRef(e),
      auth: {},
      customResources: PEER_CUSTOM_RESOURCES,
    });
    const body = (e: Entity) => JSON.stringify(query(e));

    // One untimed view first (connections, JIT), then a few measured ones.
    await api.post(ENDPOINT, query(entities[0]));
    const before = await servers.request<ServerStats>('stats');
    let responseBytes = 0;
    let elapsed = 0;
    let answer: PeerAnswerContents | undefined;
    for (let i = 0; i < VIEWS_SAMPLED; i++) {
      const e =
        entities[Math.floor(((i + 0.5) * entities.length) / VIEWS_SAMPLED)];
      const res = await api.post<unknown>(ENDPOINT, query(e));
      responseBytes += res.bytes;
      elapsed += res.ms;
      answer ??= peerAnswerContents(res.body);
    }
    const after = await servers.request<ServerStats>('stats');

    const load: LoadResult[] = [];
    for (const concurrency of PEER_CONCURRENCY) {
      load.push(
        await client.request<LoadResult>('load', {
          baseUrl: peer.baseUrl,
          paths: entities.map(() => ENDPOINT),
          bodies: entities.map(body),
          concurrency,
          durationMs: options.durationMs,
          warmupPerClient: 1,
        }),
      );
    }
    const ratioAt: Record<string, number> = {};
    for (const l of load) {
      const ours = options.storageEntity.find(
        s => s.concurrency === l.concurrency,
      );
      if (ours) ratioAt[String(l.concurrency)] = l.p50 / ours.p50;
    }
    return {
      plugin: '@backstage/plugin-kubernetes-backend',
      configuration: {
        endpoint: `POST ${ENDPOINT}`,
        customResources: PEER_CUSTOM_RESOURCES.map(
          r => `${r.group || 'core'}/${r.apiVersion}/${r.plural}`,
        ),
      },
      perView: {
        listCalls:
          (sum(after, c => c.lists) - sum(before, c => c.lists)) /
          VIEWS_SAMPLED,
        bytesFromApiServers:
          (sum(after, c => c.bytesSent) - sum(before, c => c.bytesSent)) /
          VIEWS_SAMPLED,
        responseBytes: responseBytes / VIEWS_SAMPLED,
        ms: elapsed / VIEWS_SAMPLED,
      },
      load,
      answer: answer ?? { objects: {}, missing: [], errors: 0 },
      ratioAt,
    };
  } finally {
    api.close();
    await peer.stop();
  }
}
