import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import * as k from '../testing/objects';
import {
  loadSnapshotDirectory,
  readSnapshotDocuments,
  readSnapshotObjects,
} from './loadSnapshotDirectory';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'snapshot-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function cluster(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('loadSnapshotDirectory', () => {
  it('reads YAML, JSON and subdirectories, names the cluster after the directory', async () => {
    const dir = cluster('edge-1', {
      'pvcs.yaml': stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [k.pvc(), k.pvc({ name: 'logs' })],
      }),
      'pods.json': JSON.stringify(k.pod()),
      'velero/all.yml': `${stringify(k.schedule())}---\n${stringify(k.bsl())}`,
      'apps.yaml': stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'x', namespace: 'app' },
      }),
      'README.md': 'not read',
      '.hidden.yaml': 'kind: [broken',
    });
    const snapshot = await loadSnapshotDirectory(dir);
    expect(snapshot.cluster).toBe('edge-1');
    expect(snapshot.files).toEqual([
      'apps.yaml',
      'pods.json',
      'pvcs.yaml',
      join('velero', 'all.yml'),
    ]);
    expect(snapshot.objects).toBe(5);
    expect(snapshot.ignored).toBe(1);
    expect([...snapshot.state.claimKeys()].sort()).toEqual([
      'app/data',
      'app/logs',
    ]);
    expect([...snapshot.state.schedules()].map(s => s.name)).toEqual(['daily']);
  });

  it('names the file and document of malformed YAML', async () => {
    const dir = cluster('bad', {
      'ok.yaml': stringify(k.pvc()),
      'pods.yaml': `${stringify(k.pod())}---\nkind: Pod\nmetadata: [oops\n`,
    });
    await expect(loadSnapshotDirectory(dir)).rejects.toThrow(
      `${join(dir, 'pods.yaml')}: document 2: invalid YAML`,
    );
  });

  it('names the file and document of an invalid object', async () => {
    const dir = cluster('bad', {
      'pvcs.yaml': stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          k.pvc(),
          {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            metadata: { name: 'x' },
          },
        ],
      }),
    });
    await expect(loadSnapshotDirectory(dir)).rejects.toThrow(
      `${join(
        dir,
        'pvcs.yaml',
      )}: document 1, item 1: PersistentVolumeClaim x: metadata.namespace is missing`,
    );
  });

  it.each([
    [
      'a missing directory',
      (r: string) => join(r, 'nope'),
      /^snapshot directory not found: /,
    ],
    [
      'a file',
      (r: string) => {
        writeFileSync(join(r, 'f.yaml'), '');
        return join(r, 'f.yaml');
      },
      /^snapshot path is not a directory: /,
    ],
    [
      'an empty directory',
      (r: string) => {
        mkdirSync(join(r, 'empty'));
        return join(r, 'empty');
      },
      /^snapshot directory has no \.yaml, \.yml or \.json files: /,
    ],
  ])('rejects %s', async (_name, make, message) => {
    await expect(loadSnapshotDirectory(make(root))).rejects.toThrow(message);
  });
});

describe('readSnapshotObjects', () => {
  it('returns raw objects, shifted when asked, with the manifest', async () => {
    const manifest = {
      apiVersion: 'gitops-storage.dev/v1alpha1',
      kind: 'ClusterSnapshot',
      capturedAt: '2026-11-26T06:00:00Z',
    };
    const dir = cluster('c', {
      'snapshot.yaml': stringify(manifest),
      'pvc.yaml': stringify(k.pvc({ created: '2026-11-25T06:00:00Z' })),
    });
    const plain = (await readSnapshotObjects(dir)) as Array<{
      kind: string;
      metadata?: { creationTimestamp?: string };
    }>;
    expect(plain.map(o => o.kind)).toEqual([
      'PersistentVolumeClaim',
      'ClusterSnapshot',
    ]);
    expect(plain[0].metadata?.creationTimestamp).toBe('2026-11-25T06:00:00Z');
    const shifted = (await readSnapshotObjects(dir, {
      timeShift: true,
      now: new Date('2026-11-27T06:00:00Z'),
    })) as typeof plain;
    expect(shifted[0].metadata?.creationTimestamp).toBe('2026-11-26T06:00:00Z');
    expect(shifted[1]).toEqual(manifest);
  });
});

describe('large and broken snapshot files', () => {
  it('loads a 150,000-object list without overflowing the stack', async () => {
    const items = Array.from({ length: 150_000 }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: `ns-${i}` },
    }));
    const dir = cluster('big', {
      'namespaces.json': JSON.stringify({ kind: 'List', items }),
    });
    const { documents } = await readSnapshotDocuments(dir);
    expect(documents).toHaveLength(150_000);
    const loaded = await loadSnapshotDirectory(dir);
    expect(loaded.state.counts().Namespace).toBe(150_000);
  }, 60_000);

  it('caps the bytes of a file, naming it', async () => {
    const dir = cluster('capped', {
      'ok.yaml': stringify(k.pvc()),
      'huge.yaml': stringify(k.pvc({ name: 'x' })) + '#'.repeat(4096),
    });
    await expect(
      readSnapshotDocuments(dir, { maxFileBytes: 2048 }),
    ).rejects.toThrow(
      /huge\.yaml: file is \d+ bytes, more than the 2048 allowed/,
    );
  });

  it('names the file of every error', async () => {
    const badYaml = cluster('bad-yaml', { 'a.yaml': 'kind: [unclosed' });
    await expect(readSnapshotDocuments(badYaml)).rejects.toThrow(
      /bad-yaml\/a\.yaml: document 1: invalid YAML/,
    );
    const badJson = cluster('bad-json', { 'b.json': '{ nope' });
    await expect(readSnapshotDocuments(badJson)).rejects.toThrow(
      /bad-json\/b\.json: document 1: invalid JSON/,
    );
    const badObject = cluster('bad-object', {
      'c.yaml': stringify({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: null,
      }),
    });
    await expect(loadSnapshotDirectory(badObject)).rejects.toThrow(
      /bad-object\/c\.yaml: document 1: .*metadata\.name is missing/,
    );
  });
});
