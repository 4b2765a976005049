import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  matchesLabels,
  parseLabelSelector,
  type LabelRequirement,
} from './labelSelector';
import { parseResourcePath, pathCovers, sameResource } from './resourcePath';
import { serveKubectl } from './discovery';
import {
  includeObjectOf,
  printerFor,
  toTable,
  wantsTable,
} from './table/asTable';
import type { KubeObject, TablePrinter } from './table/types';
import {
  serveStreamFault,
  type ListInjection,
  type StreamFault,
} from './streamFaults';
import type { ResourcePath, ResourceStore, WatchEvent } from './ResourceStore';

/** A fault injected into matching requests, `times` times (default: forever). */
export type Fault = {
  /** Plural resource name to match; all resources when absent. */
  resource?: string;
  /** Match only watch requests (true) or only lists (false). */
  watch?: boolean;
  times?: number;
} & (
  | { status: number; message?: string }
  | { drop: true }
  | { delayMs: number }
  | StreamFault
  | ListInjection
);

export interface FakeKubeApiServerOptions {
  store: ResourceStore;
  /** When set, requests without `Authorization: Bearer <token>` get 401. */
  token?: string;
  /** Interval of BOOKMARK events on watches that allow them. */
  bookmarkIntervalMs?: number;
  /** Port to listen on; 0 picks a free one. */
  port?: number;
}

const KIND_BY_RESOURCE: Record<string, string> = {
  persistentvolumeclaims: 'PersistentVolumeClaim',
  persistentvolumes: 'PersistentVolume',
  storageclasses: 'StorageClass',
  pods: 'Pod',
  namespaces: 'Namespace',
  backups: 'Backup',
  schedules: 'Schedule',
  backupstoragelocations: 'BackupStorageLocation',
  podvolumebackups: 'PodVolumeBackup',
  datauploads: 'DataUpload',
  deletebackuprequests: 'DeleteBackupRequest',
  configmaps: 'ConfigMap',
  restores: 'Restore',
  podvolumerestores: 'PodVolumeRestore',
  datadownloads: 'DataDownload',
};

function status(code: number, reason: string, message: string) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
}

/** kube-apiserver's idle timeout for kept-alive connections. */
const KEEP_ALIVE_TIMEOUT_MS = 90_000;

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  410: 'Expired',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};

/**
 * Serves list and watch requests from a ResourceStore over real HTTP on
 * 127.0.0.1, the way kube-apiserver does: paged lists with `limit`/`continue`,
 * watches from a `resourceVersion` with BOOKMARK events, `410 Gone` for
 * versions older than the store keeps, Status bodies for errors.
 */
export class FakeKubeApiServer {
  readonly stats = { requests: 0, lists: 0, watches: 0, bytesSent: 0 };
  #faults: Fault[] = [];
  #watchers = new Set<http.ServerResponse>();
  #sockets = new Set<Socket>();

  private constructor(
    private readonly server: http.Server,
    private readonly options: FakeKubeApiServerOptions,
  ) {}

  static async start(
    options: FakeKubeApiServerOptions,
  ): Promise<FakeKubeApiServer> {
    const server = http.createServer();
    // kube-apiserver keeps idle connections for 90 s (Node's default is 5 s,
    // which a busy client reusing a connection can lose the race against).
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    const instance = new FakeKubeApiServer(server, options);
    server.on('request', (req, res) => instance.handle(req, res));
    server.on('connection', socket => {
      instance.#sockets.add(socket);
      socket.on('close', () => instance.#sockets.delete(socket));
    });
    await new Promise<void>(resolve =>
      server.listen(options.port ?? 0, '127.0.0.1', resolve),
    );
    return instance;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Number of watch streams open right now. */
  get openWatches(): number {
    return this.#watchers.size;
  }

  addFault(fault: Fault): void {
    this.#faults.push({ ...fault });
  }

  clearFaults(): void {
    this.#faults = [];
  }

  /** Cuts every open watch connection, as a network failure would. */
  dropWatches(): void {
    for (const res of this.#watchers) res.socket?.destroy();
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    this.stats.requests += 1;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isWatch = url.searchParams.get('watch') === 'true';
    const path = parseResourcePath(url.pathname);

    if (
      this.options.token &&
      req.headers.authorization !== `Bearer ${this.options.token}`
    ) {
      this.sendStatus(res, 401, 'Unauthorized');
      return;
    }
    const fault = this.takeFault(path, isWatch);
    if (fault && 'drop' in fault) {
      req.socket.destroy();
      return;
    }
    if (fault && 'delayMs' in fault) {
      await new Promise(resolve => setTimeout(resolve, fault.delayMs));
    }
    if (fault && 'status' in fault) {
      this.sendStatus(
        res,
        fault.status,
        fault.message ?? `injected ${fault.status}`,
      );
      return;
    }
    if (fault && serveStreamFault(fault, res, r => this.#watchers.add(r))) {
      res.on('close', () => this.#watchers.delete(res));
      return;
    }
    // Discovery, /version and single objects, for kubectl (discovery.ts).
    if (serveKubectl(this.options.store, req, res, url)) return;
    if (req.method !== 'GET' || !path) {
      this.sendStatus(res, 404, `the server could not find ${url.pathname}`);
      return;
    }
    if (!this.options.store.hasResource(path)) {
      this.sendStatus(
        res,
        404,
        `the server could not find the requested resource (${path.resource})`,
      );
      return;
    }
    // `kubectl get` asks for server-side tables (table/asTable.ts).
    const table = wantsTable(String(req.headers.accept ?? ''))
      ? printerFor(path.resource)
      : undefined;
    if (isWatch) {
      this.watch(path, url.searchParams, res, table);
    } else {
      const extra = fault && 'injectItems' in fault ? fault.injectItems : [];
      this.list(path, url.searchParams, res, extra, table);
    }
  }

  private takeFault(path: ResourcePath | undefined, isWatch: boolean) {
    const index = this.#faults.findIndex(
      f =>
        (f.resource === undefined || f.resource === path?.resource) &&
        (f.watch === undefined || f.watch === isWatch),
    );
    if (index < 0) return undefined;
    const fault = this.#faults[index];
    if (fault.times !== undefined && --fault.times <= 0) {
      this.#faults.splice(index, 1);
    }
    return fault;
  }

  private list(
    path: ResourcePath,
    params: URLSearchParams,
    res: http.ServerResponse,
    extraItems: readonly unknown[] = [],
    table?: TablePrinter,
  ) {
    this.stats.lists += 1;
    const { store } = this.options;
    const limit = Number(params.get('limit') ?? 0) || Number.MAX_SAFE_INTEGER;
    const selector = this.selectorOf(params, res);
    if (!selector) return;
    let offset = 0;
    let version = store.currentVersion();
    const token = params.get('continue');
    if (token) {
      const decoded = decodeContinue(token);
      if (!decoded || store.eventsSince(path, decoded.version) === 'gone') {
        this.sendStatus(
          res,
          410,
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
        );
        return;
      }
      ({ offset, version } = decoded);
    }
    const wanted = selector.length ? selector : undefined;
    const page = store.listPageJson
      ? store.listPageJson(path, offset, limit, wanted)
      : store.listPage(path, offset, limit, wanted);
    const next = offset + page.items.length;
    const kind = KIND_BY_RESOURCE[path.resource] ?? 'Object';
    const envelope = {
      kind: `${kind}List`,
      apiVersion: path.group ? `${path.group}/${path.version}` : path.version,
      metadata: {
        resourceVersion: version,
        ...(next < page.total
          ? {
              continue: encodeContinue({ offset: next, version }),
              remainingItemCount: page.total - next,
            }
          : {}),
      },
    };
    if (table) {
      const items = [
        ...page.items.map(i =>
          typeof i === 'string' ? (JSON.parse(i) as KubeObject) : i,
        ),
        ...extraItems,
      ] as KubeObject[];
      this.sendJson(
        res,
        200,
        toTable(table, items, {
          metadata: envelope.metadata,
          includeObject: includeObjectOf(params.get('includeObject')),
        }),
      );
    } else if (store.listPageJson) {
      // `{…,"items":[]}` with the serialized items spliced in.
      const head = JSON.stringify({ ...envelope, items: [] }).slice(0, -2);
      const items = [
        ...(page.items as string[]),
        ...extraItems.map(i => JSON.stringify(i)),
      ];
      this.sendText(res, 200, `${head}${items.join(',')}]}`);
    } else {
      this.sendJson(res, 200, {
        ...envelope,
        items: [...page.items, ...extraItems],
      });
    }
  }

  private watch(
    path: ResourcePath,
    params: URLSearchParams,
    res: http.ServerResponse,
    table?: TablePrinter,
  ) {
    const selector = this.selectorOf(params, res);
    if (!selector) return;
    this.stats.watches += 1;
    const includeObject = includeObjectOf(params.get('includeObject'));
    const { store } = this.options;
    const selected = (event: WatchEvent) =>
      event.type === 'BOOKMARK' ||
      event.type === 'ERROR' ||
      matchesLabels(labelsOf(event.object), selector);
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
    });
    // Headers now, as kube-apiserver does: a client waits for them before
    // it reads events, and a quiet watch may send none for minutes.
    res.flushHeaders();
    const write = (event: WatchEvent) => {
      // A table watch sends each changed object as a one-row Table.
      const sent =
        table && event.type !== 'BOOKMARK' && event.type !== 'ERROR'
          ? {
              ...event,
              object: toTable(table, [event.object as KubeObject], {
                metadata: {
                  resourceVersion: (event.object as KubeObject).metadata
                    ?.resourceVersion,
                },
                includeObject,
              }),
            }
          : event;
      const line = `${JSON.stringify(sent)}\n`;
      this.stats.bytesSent += Buffer.byteLength(line);
      res.write(line);
    };
    const since = params.get('resourceVersion') || store.currentVersion();
    // kube-apiserver's watch cache answers a version it has not reached (a
    // client that knew another server, e.g. before a restart) this way.
    if (/^\d+$/.test(since) && Number(since) > Number(store.currentVersion())) {
      write({
        type: 'ERROR',
        object: status(
          504,
          'Timeout',
          `Too large resource version: ${since}, current: ${store.currentVersion()}`,
        ),
      });
      res.end();
      return;
    }
    const backlog = store.eventsSince(path, since);
    if (backlog === 'gone') {
      write({
        type: 'ERROR',
        object: status(
          410,
          'Expired',
          `too old resource version: ${since} (${store.currentVersion()})`,
        ),
      });
      res.end();
      return;
    }
    this.#watchers.add(res);
    backlog.filter(selected).forEach(write);

    const unsubscribe = store.subscribe((eventPath, event) => {
      if (
        sameResource(eventPath, path) &&
        pathCovers(path, eventPath.namespace)
      ) {
        write(event);
      }
    });
    const timers: NodeJS.Timeout[] = [];
    if (params.get('allowWatchBookmarks') === 'true') {
      timers.push(
        setInterval(() => {
          write({
            type: 'BOOKMARK',
            object: {
              kind: KIND_BY_RESOURCE[path.resource],
              apiVersion: path.group
                ? `${path.group}/${path.version}`
                : path.version,
              metadata: { resourceVersion: store.currentVersion() },
            },
          });
        }, this.options.bookmarkIntervalMs ?? 1000),
      );
    }
    const timeoutSeconds = Number(params.get('timeoutSeconds') ?? 0);
    if (timeoutSeconds > 0) {
      timers.push(setTimeout(() => res.end(), timeoutSeconds * 1000));
    }
    const cleanup = () => {
      unsubscribe();
      timers.forEach(t => clearTimeout(t));
      this.#watchers.delete(res);
    };
    res.on('close', cleanup);
    res.on('finish', cleanup);
  }

  /** The request's `labelSelector`, or undefined after answering 400. */
  private selectorOf(
    params: URLSearchParams,
    res: http.ServerResponse,
  ): LabelRequirement[] | undefined {
    try {
      return parseLabelSelector(params.get('labelSelector') ?? '');
    } catch (error) {
      this.sendStatus(res, 400, `labelSelector: ${(error as Error).message}`);
      return undefined;
    }
  }

  private sendStatus(res: http.ServerResponse, code: number, message: string) {
    this.sendJson(res, code, status(code, REASONS[code] ?? 'Unknown', message));
  }

  private sendJson(res: http.ServerResponse, code: number, body: unknown) {
    this.sendText(res, code, JSON.stringify(body));
  }

  private sendText(res: http.ServerResponse, code: number, text: string) {
    // Encoded once, then counted and sent (large lists: one pass, not two).
    const body = Buffer.from(text);
    this.stats.bytesSent += body.length;
    res.writeHead(code, { 'Content-Type': 'application/json' });
    res.end(body);
  }
}

function labelsOf(object: unknown): Record<string, string> | undefined {
  return (object as { metadata?: { labels?: Record<string, string> } })
    ?.metadata?.labels;
}

function encodeContinue(token: { offset: number; version: string }): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeContinue(
  token: string,
): { offset: number; version: string } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString());
    if (
      typeof parsed.offset === 'number' &&
      typeof parsed.version === 'string'
    ) {
      return parsed;
    }
  } catch {
    // fall through: an unreadable token is an expired one
  }
  return undefined;
}
