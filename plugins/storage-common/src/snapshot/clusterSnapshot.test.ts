import * as k from '../testing/objects';
import {
  buildSnapshotState,
  readClusterSnapshotManifest,
} from './clusterSnapshot';
import type { SnapshotDocument } from './parseManifests';

function docs(...objects: Array<Record<string, unknown>>): SnapshotDocument[] {
  return objects.map((object, i) => ({
    file: 'snap.yaml',
    document: i + 1,
    object,
  }));
}

const manifest = (extra: Record<string, unknown> = {}) => ({
  apiVersion: 'gitops-storage.dev/v1alpha1',
  kind: 'ClusterSnapshot',
  capturedAt: '2026-11-26T06:00:00Z',
  ...extra,
});

describe('buildSnapshotState', () => {
  it('applies every object it reads and counts the others', () => {
    const result = buildSnapshotState(
      docs(
        k.pvc(),
        k.pod(),
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } },
        manifest(),
      ),
    );
    expect(result.objects).toBe(2);
    expect(result.ignored).toBe(1);
    expect(result.manifest).toEqual({
      capturedAt: '2026-11-26T06:00:00Z',
      resources: [],
    });
    expect(result.state.podsMounting('app/data').map(p => p.name)).toEqual([
      'app-0',
    ]);
  });

  it('treats every kind as read unless the manifest says otherwise', () => {
    const plain = buildSnapshotState(docs(k.pvc()));
    expect(plain.state.readability('Schedule')).toEqual({ status: 'readable' });
    const withGaps = buildSnapshotState(
      docs(
        k.pvc(),
        manifest({
          resources: [
            { kind: 'DataUpload', status: 'forbidden', message: 'no RBAC' },
          ],
        }),
      ),
    );
    expect(withGaps.state.readability('DataUpload')).toEqual({
      status: 'forbidden',
      message: 'no RBAC',
    });
  });

  it('shifts times by now − capturedAt when asked', () => {
    const now = new Date('2026-12-01T06:00:00Z');
    const result = buildSnapshotState(
      docs(manifest(), k.pvc({ created: '2026-11-25T06:00:00Z' })),
      { timeShift: true, now },
    );
    expect(result.shiftedByMs).toBe(5 * 86400_000);
    expect(result.state.claim('app/data')?.createdAt).toBe(
      Date.parse('2026-11-30T06:00:00Z'),
    );
    const unshifted = buildSnapshotState(
      docs(manifest(), k.pvc({ created: '2026-11-25T06:00:00Z' })),
      { now },
    );
    expect(unshifted.state.claim('app/data')?.createdAt).toBe(
      Date.parse('2026-11-25T06:00:00Z'),
    );
  });

  it.each([
    [
      'timeShift without capturedAt',
      docs(k.pvc()),
      { timeShift: true },
      /timeShift needs the snapshot's capture time/,
    ],
    [
      'two manifests',
      docs(manifest(), manifest()),
      {},
      /snap\.yaml: document 2: a snapshot has at most one ClusterSnapshot/,
    ],
    [
      'bad capturedAt',
      docs(manifest({ capturedAt: 'yesterday' })),
      {},
      /document 1: ClusterSnapshot capturedAt must be an RFC 3339 time/,
    ],
    [
      'bad kind',
      docs(
        manifest({ resources: [{ kind: 'Deployment', status: 'forbidden' }] }),
      ),
      {},
      /resources\[0\]\.kind must be one of/,
    ],
    [
      'bad status',
      docs(manifest({ resources: [{ kind: 'Backup', status: 'nope' }] })),
      {},
      /resources\[0\]\.status must be one of/,
    ],
    [
      'malformed object',
      docs(k.pvc(), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }),
      {},
      /^snap\.yaml: document 2: Pod x: metadata\.namespace is missing$/,
    ],
  ])('rejects %s', (_name, documents, options, message) => {
    expect(() => buildSnapshotState(documents, options)).toThrow(message);
  });
});

describe('readClusterSnapshotManifest', () => {
  it('finds the manifest among raw objects', () => {
    expect(
      readClusterSnapshotManifest([
        k.pvc(),
        manifest({ resources: [{ kind: 'Backup', status: 'absent' }] }),
      ]),
    ).toEqual({
      capturedAt: '2026-11-26T06:00:00Z',
      resources: [{ kind: 'Backup', status: 'absent' }],
    });
    expect(readClusterSnapshotManifest([k.pvc()])).toBeUndefined();
  });
});
