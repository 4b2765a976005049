import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { readSnapshotDocuments } from '@gitops-storage/plugin-storage-common/node';
import { FakeKubeApiServer } from './FakeKubeApiServer';
import { InMemoryResourceStore } from './InMemoryResourceStore';
import { writeKubeconfig } from './kubeconfig';
import { loadObjects } from './loadObjects';
import {
  aggregatedDiscovery,
  parseObjectPath,
  servedResources,
} from './discovery';

// The real kubectl against the fake server, as a Kubernetes user would try
// it first. CI installs kubectl (.ci/run); elsewhere see the README.
const DEMO = join(__dirname, '../../../test/fixtures/clusters/demo');
const KUBECTL = [
  '/usr/bin/kubectl',
  ...(process.env.PATH ?? '').split(delimiter).map(d => join(d, 'kubectl')),
].find(p => existsSync(p));

jest.setTimeout(60_000);

let server: FakeKubeApiServer;
let demoStore: InMemoryResourceStore;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  demoStore = new InMemoryResourceStore();
  const { documents } = await readSnapshotDocuments(DEMO);
  loadObjects(
    demoStore,
    documents.map(d => d.object),
  );
  server = await FakeKubeApiServer.start({ store: demoStore });
  server.addFault({
    resource: 'datauploads',
    status: 403,
    message: 'datauploads.velero.io is forbidden',
  });
  dir = mkdtempSync(join(tmpdir(), 'fake-kubectl-'));
  kubeconfig = join(dir, 'kubeconfig');
  writeKubeconfig(kubeconfig, [{ name: 'demo', server: server.url }]);
});

afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function kubectl(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!KUBECTL)
    throw new Error(
      'kubectl not found: install it (Debian: apt-get install kubernetes-client) to run this test',
    );
  return new Promise(resolve => {
    execFile(
      KUBECTL,
      ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args],
      { timeout: 30_000, env: { PATH: process.env.PATH, HOME: dir } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('kubectl against the fake API server', () => {
  it('kubectl get pvc -A lists every claim of the snapshot', async () => {
    const { code, stdout, stderr } = await kubectl('get', 'pvc', '-A');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n');
    // The server-side table: the columns of kube-apiserver, not NAME/AGE.
    expect(rows[0].split(/\s{2,}/)).toEqual([
      'NAMESPACE',
      'NAME',
      'STATUS',
      'VOLUME',
      'CAPACITY',
      'ACCESS MODES',
      'STORAGECLASS',
      'VOLUMEATTRIBUTESCLASS',
      'AGE',
    ]);
    const claims = documentsOfKind('PersistentVolumeClaim');
    expect(rows).toHaveLength((await claims).length + 1);
    expect(stdout).toMatch(
      /^media\s+media-originals\s+Bound\s+pvc-\S+\s+300Gi\s+RWO\s+storage-local\s+<unset>\s+\S+$/m,
    );
  });

  it('prints the columns of each kind, wide ones with -o wide', async () => {
    const wide = await kubectl(
      'get',
      'pvc',
      'media-originals',
      '-n',
      'media',
      '-o',
      'wide',
    );
    expect(wide.stdout.split('\n')[0]).toMatch(/\sAGE\s+VOLUMEMODE$/);
    expect(wide.stdout).toMatch(/\sFilesystem$/m);

    const pv = await kubectl('get', 'pv');
    expect(pv.stdout.split('\n')[0].split(/\s{2,}/)).toEqual([
      'NAME',
      'CAPACITY',
      'ACCESS MODES',
      'RECLAIM POLICY',
      'STATUS',
      'CLAIM',
      'STORAGECLASS',
      'VOLUMEATTRIBUTESCLASS',
      'REASON',
      'AGE',
    ]);
    expect(pv.stdout).toMatch(/\sBound\s+media\/media-originals\s/);

    const sc = await kubectl('get', 'sc');
    expect(sc.stdout.split('\n')[0].split(/\s{2,}/)).toEqual([
      'NAME',
      'PROVISIONER',
      'RECLAIMPOLICY',
      'VOLUMEBINDINGMODE',
      'ALLOWVOLUMEEXPANSION',
      'AGE',
    ]);
    expect(sc.stdout).toMatch(/^storage-local\s+rancher\.io\/local-path\s/m);

    const pods = await kubectl('get', 'pods', '-A', '-o', 'wide');
    expect(pods.stdout.split('\n')[0].split(/\s{2,}/)).toEqual([
      'NAMESPACE',
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ]);

    // Velero kinds: their CRDs' additionalPrinterColumns.
    const schedules = await kubectl('get', 'schedules', '-n', 'velero');
    expect(schedules.stdout.split('\n')[0].split(/\s{2,}/)).toEqual([
      'NAME',
      'STATUS',
      'SCHEDULE',
      'LASTBACKUP',
      'AGE',
      'PAUSED',
    ]);
    expect(schedules.stdout).toMatch(
      /^payments-daily\s+Enabled\s+0 2 \* \* \*\s/m,
    );
    const bsl = await kubectl('get', 'bsl', '-n', 'velero');
    expect(bsl.stdout).toMatch(/^offsite\s+Unavailable\s+\S+\s+\S+\s+false$/m);
  });

  it('gets Velero kinds by plural, full name and short name', async () => {
    const schedules = await kubectl(
      'get',
      'schedules.velero.io',
      '-n',
      'velero',
      '-o',
      'name',
    );
    expect(schedules.code).toBe(0);
    expect(schedules.stdout).toContain('schedule.velero.io/payments-daily');
    const bsl = await kubectl(
      'get',
      'bsl',
      '-n',
      'velero',
      '-o',
      'jsonpath={.items[*].metadata.name}',
    );
    expect(bsl.stdout.split(' ')).toEqual(
      expect.arrayContaining(['default', 'offsite']),
    );
    const backups = await kubectl('get', 'backups', '-A');
    expect(backups.code).toBe(0);
    expect(backups.stdout).toMatch(/^velero\s+payments-daily-\d+\s/m);
  });

  it('gets and describes one object, and says when it is not there', async () => {
    const one = await kubectl(
      'get',
      'pvc',
      'media-originals',
      '-n',
      'media',
      '-o',
      'jsonpath={.spec.storageClassName}',
    );
    expect(one).toEqual({ code: 0, stdout: 'storage-local', stderr: '' });
    const described = await kubectl(
      'describe',
      'pvc',
      'media-originals',
      '-n',
      'media',
    );
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(/^StorageClass:\s+storage-local$/m);
    const missing = await kubectl('get', 'pvc', 'nope', '-n', 'media');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('persistentvolumeclaims "nope" not found');
  });

  it('gets every kind the server serves, by its full name', async () => {
    const store = new InMemoryResourceStore();
    loadObjects(store, []);
    const kinds = servedResources(store).filter(
      r => r.resource !== 'datauploads',
    );
    expect(kinds.length).toBeGreaterThan(10);
    for (const kind of kinds) {
      const name = kind.group
        ? `${kind.resource}.${kind.group}`
        : kind.resource;
      const result = await kubectl(
        'get',
        name,
        ...(kind.namespaced ? ['-A'] : []),
        '-o',
        'name',
      );
      expect({ name, code: result.code, stderr: result.stderr }).toEqual({
        name,
        code: 0,
        stderr: '',
      });
    }
  }, 180_000);

  it('shows a forbidden kind as forbidden, as a real server would', async () => {
    const { code, stderr } = await kubectl('get', 'datauploads', '-A');
    expect(code).toBe(1);
    expect(stderr).toContain('Forbidden');
  });

  it('watches: kubectl get -w prints the list, then each change as a table row', async () => {
    const started = Date.now();
    const watching = kubectl('get', 'pv', '-w', '--request-timeout=4s');
    // A volume created while kubectl watches arrives as a one-row Table.
    setTimeout(() => {
      demoStore.put(
        { group: '', version: 'v1', resource: 'persistentvolumes' },
        {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: {
            name: 'pv-during-watch',
            creationTimestamp: new Date().toISOString(),
          },
          spec: {
            capacity: { storage: '7Gi' },
            accessModes: ['ReadWriteOnce'],
            persistentVolumeReclaimPolicy: 'Retain',
            storageClassName: 'storage-fast',
          },
          status: { phase: 'Available' },
        },
      );
    }, 1500);
    const { code, stdout } = await watching;
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+CAPACITY\s+ACCESS MODES\s/);
    // The header once, and the new volume in the list's columns.
    expect(lines.filter(l => l.startsWith('NAME'))).toHaveLength(1);
    expect(stdout).toMatch(
      /^pv-during-watch\s+7Gi\s+RWO\s+Retain\s+Available\s+storage-fast\s+<unset>\s+\S+$/m,
    );
    // The watch ends at the request timeout (the server sends its headers
    // at once), not when the test's 30 s kill comes.
    expect([0, 1]).toContain(code);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('discovery documents', () => {
  it('lists only what the store serves, grouped as kube-apiserver does', () => {
    const store = new InMemoryResourceStore();
    store.defineResource({
      group: '',
      version: 'v1',
      resource: 'persistentvolumeclaims',
    });
    store.defineResource({
      group: 'velero.io',
      version: 'v1',
      resource: 'backups',
    });
    const served = servedResources(store);
    expect(served.map(r => r.resource)).toEqual([
      'persistentvolumeclaims',
      'backups',
    ]);
    const core = aggregatedDiscovery(served, true);
    expect(core.items[0].versions[0].resources[0]).toEqual(
      expect.objectContaining({
        resource: 'persistentvolumeclaims',
        scope: 'Namespaced',
        shortNames: ['pvc'],
      }),
    );
    const groups = aggregatedDiscovery(served, false);
    expect(groups.items.map(i => i.metadata.name)).toEqual(['velero.io']);
  });

  it.each([
    [
      '/api/v1/namespaces/media/persistentvolumeclaims/x',
      {
        group: '',
        version: 'v1',
        resource: 'persistentvolumeclaims',
        namespace: 'media',
        name: 'x',
      },
    ],
    [
      '/api/v1/persistentvolumes/pv-1',
      { group: '', version: 'v1', resource: 'persistentvolumes', name: 'pv-1' },
    ],
    [
      '/api/v1/namespaces/media',
      { group: '', version: 'v1', resource: 'namespaces', name: 'media' },
    ],
    [
      '/apis/velero.io/v1/namespaces/velero/backups/b',
      {
        group: 'velero.io',
        version: 'v1',
        resource: 'backups',
        namespace: 'velero',
        name: 'b',
      },
    ],
    ['/api/v1/persistentvolumeclaims', undefined],
    ['/apis/velero.io/v1/namespaces/velero/backups', undefined],
  ])('parses the object path %s', (path, expected) => {
    expect(parseObjectPath(path)).toEqual(expected);
  });
});

async function documentsOfKind(kind: string) {
  const { documents } = await readSnapshotDocuments(DEMO);
  return documents.filter(d => (d.object as { kind?: string }).kind === kind);
}
