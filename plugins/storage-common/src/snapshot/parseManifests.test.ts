import { parseManifests, SnapshotError } from './parseManifests';

describe('parseManifests', () => {
  it('reads multi-document YAML', () => {
    const docs = parseManifests(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n# comment only\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n',
      'ns.yaml',
    );
    expect(
      docs.map(d => [d.document, (d.object.metadata as { name: string }).name]),
    ).toEqual([
      [1, 'a'],
      [3, 'b'],
    ]);
  });

  it('expands kind: List as kubectl prints it', () => {
    const docs = parseManifests(
      'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p1\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p2\nkind: List\nmetadata:\n  resourceVersion: ""\n',
      'pods.yaml',
    );
    expect(docs.map(d => [d.item, d.object.kind])).toEqual([
      [0, 'Pod'],
      [1, 'Pod'],
    ]);
  });

  it('gives items of typed lists (PodList) their kind', () => {
    const docs = parseManifests(
      JSON.stringify({
        apiVersion: 'velero.io/v1',
        kind: 'BackupList',
        items: [{ metadata: { name: 'b1' } }],
      }),
      'backups.json',
    );
    expect(docs[0].object).toEqual({
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      metadata: { name: 'b1' },
    });
  });

  it('reads single JSON objects', () => {
    expect(
      parseManifests(
        '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a"}}',
        'a.json',
      ),
    ).toHaveLength(1);
  });

  it('keeps timestamps as strings', () => {
    const [doc] = parseManifests(
      'kind: X\nmetadata:\n  creationTimestamp: 2026-11-26T06:00:00Z\n',
      'x.yaml',
    );
    expect(
      (doc.object.metadata as Record<string, unknown>).creationTimestamp,
    ).toBe('2026-11-26T06:00:00Z');
  });

  it.each([
    [
      'bad YAML',
      'ok.yaml',
      'kind: A\n---\nkind: [unclosed\n',
      /^ok\.yaml: document 2: invalid YAML: /,
    ],
    ['bad JSON', 'x.json', '{"kind": ', /^x\.json: document 1: invalid JSON: /],
    [
      'a scalar document',
      's.yaml',
      'kind: A\n---\njust text\n',
      /^s\.yaml: document 2: expected a Kubernetes object, found string/,
    ],
    [
      'a list document',
      'l.yaml',
      '- a\n- b\n',
      /^l\.yaml: document 1: expected a Kubernetes object, found a list/,
    ],
    [
      'a bad list item',
      'i.yaml',
      'kind: List\nitems:\n- 3\n',
      /^i\.yaml: document 1, item 0: expected a Kubernetes object/,
    ],
  ])('names the file and document of %s', (_name, file, text, message) => {
    expect(() => parseManifests(text, file)).toThrow(SnapshotError);
    expect(() => parseManifests(text, file)).toThrow(message);
  });
});
