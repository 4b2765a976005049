import { mockServices } from '@backstage/backend-test-utils';
import {
  FakeKubeApiServer,
  type InMemoryResourceStore,
} from '@gitops-storage/fake-kube-apiserver';
import { kubeConfigFor } from '../../config/kubeConfigFor';
import { eventually, RecordingSink } from '../../__testUtils__/RecordingSink';
import {
  object,
  pathOf,
  storeWithKinds,
} from '../../__testUtils__/fakeCluster';
import { createClientNodeTransport } from './clientNodeTransport';
import { KubernetesClusterSource } from './KubernetesClusterSource';

const TOKEN = 'test-token';
// Real HTTP on a shared 2-core machine (the fault matrix may run alongside).
jest.setTimeout(20_000);
const FAST_BACKOFF = { initialMs: 10, maxMs: 50, jitter: 0.5 };

describe('KubernetesClusterSource against a fake API server', () => {
  let server: FakeKubeApiServer;
  let store: InMemoryResourceStore;
  let source: KubernetesClusterSource | undefined;

  async function startSource(
    options: {
      token?: string;
      url?: string;
      watchIdleMs?: number;
      staleAfterMs?: number;
    } = {},
  ) {
    const sink = new RecordingSink();
    const cluster = {
      type: 'kubernetes' as const,
      name: 'test',
      url: options.url ?? server.url,
      auth: { type: 'serviceAccount' as const, token: options.token ?? TOKEN },
      // client-node refuses plain HTTP unless TLS verification is off.
      skipTLSVerify: true,
    };
    source = new KubernetesClusterSource({
      name: 'test',
      veleroNamespace: 'velero',
      transport: async () =>
        createClientNodeTransport(await kubeConfigFor(cluster)),
      logger: mockServices.logger.mock(),
      pageSize: 3,
      backoff: FAST_BACKOFF,
      watchIdleMs: options.watchIdleMs,
      staleAfterMs: options.staleAfterMs,
    });
    await source.start(sink);
    return sink;
  }

  async function startServer(
    s: InMemoryResourceStore,
    bookmarkIntervalMs = 50,
  ) {
    store = s;
    server = await FakeKubeApiServer.start({
      store,
      token: TOKEN,
      bookmarkIntervalMs,
    });
  }

  afterEach(async () => {
    await source?.stop();
    source = undefined;
    await server?.close();
  });

  it('lists in pages with limit/continue, then follows watch events', async () => {
    await startServer(storeWithKinds());
    for (let i = 0; i < 7; i++) {
      store.put(
        pathOf('PersistentVolumeClaim'),
        object('PersistentVolumeClaim', `data-${i}`, 'team-a'),
      );
    }
    store.put(pathOf('Schedule'), object('Schedule', 'daily', 'velero'));
    store.put(pathOf('Schedule'), object('Schedule', 'elsewhere', 'other'));

    const sink = await startSource();

    expect(sink.names('PersistentVolumeClaim')).toHaveLength(7);
    // Velero objects are read from Velero's namespace only.
    expect(sink.names('Schedule')).toEqual(['velero/daily']);
    // 7 claims in pages of 3 → 3 requests for that kind alone.
    expect(server.stats.lists).toBeGreaterThanOrEqual(10 + 2);
    expect(sink.statuses.get('PersistentVolumeClaim')?.status).toBe('synced');
    expect(source!.status().status).toBe('synced');

    store.put(
      pathOf('PersistentVolumeClaim'),
      object('PersistentVolumeClaim', 'new', 'team-a'),
    );
    store.put(
      pathOf('PersistentVolumeClaim'),
      object('PersistentVolumeClaim', 'data-0', 'team-a', {
        spec: { changed: true },
      }),
    );
    store.delete(pathOf('PersistentVolumeClaim'), 'data-1', 'team-a');

    await eventually(() => {
      const names = sink.names('PersistentVolumeClaim');
      expect(names).toContain('team-a/new');
      expect(names).not.toContain('team-a/data-1');
      expect(
        sink.objects.get('PersistentVolumeClaim')!.get('team-a/data-0'),
      ).toMatchObject({
        spec: { changed: true },
      });
    });
  });

  it('relists after 410 Gone, dropping what was deleted meanwhile', async () => {
    await startServer(storeWithKinds());
    store.put(pathOf('Pod'), object('Pod', 'kept', 'ns'));
    store.put(pathOf('Pod'), object('Pod', 'deleted-while-away', 'ns'));
    const sink = await startSource();
    expect(sink.lists.get('Pod')).toBe(1);

    // While the watch is down, changes happen and the server forgets its history.
    server.addFault({ resource: 'pods', watch: true, status: 503, times: 1 });
    server.dropWatches();
    store.delete(pathOf('Pod'), 'deleted-while-away', 'ns');
    store.put(pathOf('Pod'), object('Pod', 'added-while-away', 'ns'));
    store.compact();

    await eventually(() => {
      expect(sink.lists.get('Pod')).toBe(2);
      expect(sink.names('Pod')).toEqual(['ns/added-while-away', 'ns/kept']);
      expect(sink.statuses.get('Pod')?.status).toBe('synced');
    });
  });

  it('re-watches from the last version after a dropped connection, without a relist', async () => {
    await startServer(storeWithKinds());
    const sink = await startSource();
    server.dropWatches();
    store.put(pathOf('Namespace'), object('Namespace', 'after-drop'));
    await eventually(() =>
      expect(sink.names('Namespace')).toEqual(['/after-drop']),
    );
    expect(sink.lists.get('Namespace')).toBe(1);
  });

  it('restarts a watch that goes silent', async () => {
    // No bookmarks: the watch sends nothing while nothing changes.
    await startServer(storeWithKinds(), 60_000);
    const sink = await startSource({ watchIdleMs: 200 });
    const watchesBefore = server.stats.watches;
    await eventually(() =>
      expect(server.stats.watches).toBeGreaterThan(watchesBefore + 10),
    );
    store.put(pathOf('Namespace'), object('Namespace', 'still-followed'));
    await eventually(() =>
      expect(sink.names('Namespace')).toEqual(['/still-followed']),
    );
  });

  it('reports a forbidden kind as forbidden and an absent CRD as absent', async () => {
    await startServer(storeWithKinds(['DataUpload']));
    server.addFault({
      resource: 'backups',
      status: 403,
      message: 'backups.velero.io is forbidden',
    });
    const sink = await startSource();

    expect(sink.statuses.get('Backup')).toMatchObject({
      status: 'forbidden',
      errorCode: 'forbidden',
      httpStatus: 403,
    });
    // The server's own text stays in the log.
    expect(sink.statuses.get('Backup')?.error).not.toContain('is forbidden');
    expect(sink.statuses.get('DataUpload')?.status).toBe('absent');
    expect(sink.statuses.get('PersistentVolumeClaim')?.status).toBe('synced');
    expect(source!.status().status).toBe('forbidden');
  });

  it('confirms nothing from a watch that yields only garbage', async () => {
    await startServer(storeWithKinds(), 60_000);
    const sink = await startSource();
    const before = sink.confirmations.get('Namespace');
    expect(before).toBeGreaterThan(0);
    server.addFault({ resource: 'namespaces', watch: true, garbage: true });
    server.dropWatches();
    await eventually(() => expect(server.openWatches).toBeGreaterThan(0));
    await new Promise(r => setTimeout(r, 500));
    expect(sink.confirmations.get('Namespace')).toBe(before);
    // A real event afterwards confirms again.
    server.clearFaults();
    server.dropWatches();
    store.put(pathOf('Namespace'), object('Namespace', 'real'));
    await eventually(() =>
      expect(sink.confirmations.get('Namespace')).toBeGreaterThan(before!),
    );
  });

  it('relists when the server is behind its version (restarted: 504 too large)', async () => {
    await startServer(storeWithKinds());
    for (let i = 0; i < 5; i++)
      store.put(pathOf('Namespace'), object('Namespace', `ns-${i}`));
    const sink = await startSource();
    expect(sink.lists.get('Namespace')).toBe(1);
    // The same server answers from a store that never got that far.
    const fresh = storeWithKinds();
    fresh.put(pathOf('Namespace'), object('Namespace', 'only-this'));
    const port = Number(new URL(server.url).port);
    await server.close();
    server = await FakeKubeApiServer.start({
      store: fresh,
      token: TOKEN,
      port,
    });
    store = fresh;
    await eventually(
      () => expect(sink.names('Namespace')).toEqual(['/only-this']),
      15_000,
    );
  }, 20_000);

  it('reports bad credentials (401) as an error', async () => {
    await startServer(storeWithKinds());
    const sink = await startSource({ token: 'wrong' });
    expect(sink.statuses.get('Pod')).toMatchObject({
      status: 'error',
      error: expect.stringContaining('401'),
    });
    expect(source!.status().status).toBe('error');
  });

  it.each([429, 500])(
    'retries with backoff after %i and recovers',
    async code => {
      await startServer(storeWithKinds());
      store.put(pathOf('StorageClass'), object('StorageClass', 'storage-fast'));
      server.addFault({
        resource: 'storageclasses',
        watch: false,
        status: code,
        times: 2,
      });
      const sink = await startSource();
      // Fast backoff may have recovered already: the history tells.
      await eventually(() =>
        expect(sink.history.get('StorageClass')).toContain('lagging'),
      );
      await eventually(() => {
        expect(sink.statuses.get('StorageClass')?.status).toBe('synced');
        expect(sink.names('StorageClass')).toEqual(['/storage-fast']);
      });
    },
  );

  it('reports a dropped list connection as unreachable, then recovers', async () => {
    await startServer(storeWithKinds());
    server.addFault({
      resource: 'persistentvolumes',
      watch: false,
      drop: true,
      times: 1,
    });
    const sink = await startSource();
    await eventually(() =>
      expect(sink.history.get('PersistentVolume')).toContain('unreachable'),
    );
    await eventually(() =>
      expect(sink.statuses.get('PersistentVolume')?.status).toBe('synced'),
    );
  });

  it('waits out a slow list', async () => {
    await startServer(storeWithKinds());
    server.addFault({
      resource: 'namespaces',
      watch: false,
      delayMs: 300,
      times: 1,
    });
    store.put(pathOf('Namespace'), object('Namespace', 'slow'));
    const sink = await startSource();
    expect(sink.names('Namespace')).toEqual(['/slow']);
  });

  it('turns lagging into unreachable when a synced cluster stays away', async () => {
    await startServer(storeWithKinds());
    const sink = await startSource({ staleAfterMs: 300 });
    await server.close();
    await eventually(() =>
      expect(sink.statuses.get('Pod')?.status).toBe('lagging'),
    );
    await eventually(() =>
      expect(sink.statuses.get('Pod')?.status).toBe('unreachable'),
    );
    expect(source!.status().status).toBe('unreachable');
    await startServer(storeWithKinds());
  });

  it('reports a cluster nobody answers for as unreachable', async () => {
    await startServer(storeWithKinds());
    const url = server.url;
    await server.close();
    const sink = await startSource({ url });
    expect(sink.statuses.get('Pod')?.status).toBe('unreachable');
    expect(source!.status().status).toBe('unreachable');
    // Started again for afterEach.
    await startServer(storeWithKinds());
  });
});
