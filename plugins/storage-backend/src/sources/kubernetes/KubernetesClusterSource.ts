import type {
  ClusterHealth,
  ClusterStatus,
  ResourceKind,
  ResourceStatus,
} from '@gitops-storage/plugin-storage-common';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterSink, ClusterSource } from '../ClusterSource';
import type { BackoffOptions } from './backoff';
import { describeError } from './KubeApiError';
import type { KubeTransport } from './KubeTransport';
import { ResourceReflector } from './ResourceReflector';
import { collectionPath, WATCHED_KINDS } from './resources';

export interface KubernetesClusterSourceOptions {
  name: string;
  /** Builds the transport lazily (client-node is loaded on start). */
  transport: () => Promise<KubeTransport>;
  veleroNamespace: string;
  logger: LoggerService;
  pageSize?: number;
  backoff?: BackoffOptions;
  watchTimeoutSeconds?: number;
  watchIdleMs?: number;
  staleAfterMs?: number;
}

/** Worst first: the cluster's status is the worst of its kinds'. */
const HEALTH_ORDER: ClusterHealth[] = [
  'unreachable',
  'error',
  'forbidden',
  'lagging',
  'syncing',
  'synced',
];

/** A live cluster: one list+watch reflector per kind the plugin reads. */
export class KubernetesClusterSource implements ClusterSource {
  readonly type = 'kubernetes';
  #reflectors: Array<{ kind: ResourceKind; reflector: ResourceReflector }> = [];
  #transport?: KubeTransport;

  constructor(private readonly options: KubernetesClusterSourceOptions) {}

  get name() {
    return this.options.name;
  }

  /** Requests made to the API server so far (list pages and watches). */
  get requests(): number {
    return this.#reflectors.reduce((n, r) => n + r.reflector.requests, 0);
  }

  /** Bytes received from the API server so far. */
  get bytesReceived(): number {
    return this.#transport?.bytesReceived ?? 0;
  }

  async start(sink: ClusterSink): Promise<void> {
    const { logger, name } = this.options;
    const transport = await this.options.transport();
    this.#transport = transport;
    this.#reflectors = WATCHED_KINDS.map(kind => ({
      kind,
      reflector: new ResourceReflector({
        resource: kind,
        path: collectionPath(kind, this.options.veleroNamespace),
        transport,
        pageSize: this.options.pageSize,
        backoff: this.options.backoff,
        watchTimeoutSeconds: this.options.watchTimeoutSeconds,
        watchIdleMs: this.options.watchIdleMs,
        staleAfterMs: this.options.staleAfterMs,
        sink: {
          listStarted: () => sink.listStarted(kind),
          upsert: o => sink.upsert(kind, o),
          remove: o => sink.remove(kind, o),
          listFinished: () => sink.listFinished(kind),
          status: s => sink.status(kind, s),
          confirmed: at => sink.confirmed(kind, at),
        },
        // The full error (server text, URLs) goes to the log only; the
        // status carries a sanitised code and sentence.
        onError: (error, status) =>
          logger.warn(
            `cluster ${name}: ${kind} is ${status}: ${describeError(error)}`,
          ),
      }),
    }));
    await Promise.all(this.#reflectors.map(r => r.reflector.start()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.#reflectors.map(r => r.reflector.stop()));
  }

  status(): ClusterStatus {
    const resources = this.#reflectors.map(r => r.reflector.status);
    if (resources.length === 0) {
      return {
        name: this.name,
        status: 'syncing',
        source: 'kubernetes',
        resources,
      };
    }
    // A kind the API does not serve (Velero CRDs missing) is not a cluster
    // fault; its claims' verdicts say so.
    const present = resources.filter(r => r.status !== 'absent');
    const worst =
      HEALTH_ORDER.find(h => present.some(r => r.status === h)) ?? 'synced';
    const failing = present.find(r => r.status === worst && r.error);
    return {
      name: this.name,
      status: worst,
      error: worst === 'synced' ? undefined : failing?.error,
      source: 'kubernetes',
      resources,
      ...oldestConfirmation(present),
    };
  }
}

/**
 * The oldest "last confirmed" time of the kinds a cluster serves (forbidden
 * ones never confirm, and say so in their own status): absent until each of
 * them has been read once.
 */
function oldestConfirmation(resources: readonly ResourceStatus[]): {
  lastConfirmedAt?: string;
} {
  let oldest: string | undefined;
  for (const r of resources) {
    if (r.status === 'forbidden') continue;
    if (!r.lastEventAt) return {};
    if (!oldest || r.lastEventAt < oldest) oldest = r.lastEventAt;
  }
  return oldest ? { lastConfirmedAt: oldest } : {};
}
