import { RESOURCE_KIND_INFO } from '@gitops-storage/plugin-storage-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { collectionPath } from './sources/kubernetes/resources';

type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };
type Doc = {
  kind: string;
  metadata: { namespace?: string };
  rules: Rule[];
};

describe('rbac/storage-reader.yaml', () => {
  const docs: Doc[] = parseAllDocuments(
    fs.readFileSync(
      path.resolve(__dirname, '../rbac/storage-reader.yaml'),
      'utf8',
    ),
  ).map(d => d.toJS());
  const grants = (kind: 'ClusterRole' | 'Role') =>
    docs
      .filter(d => d.kind === kind)
      .flatMap(d => d.rules)
      .flatMap(r => r.resources.map(res => `${r.apiGroups[0]}/${res}`))
      .sort();
  const infos = Object.values(RESOURCE_KIND_INFO);
  const inVeleroNamespace = (i: (typeof infos)[number]) =>
    i.group === 'velero.io' || i.scope === 'velero';

  it('grants list and watch on exactly the kinds the plugin reads, and nothing else', () => {
    const needed = infos.map(i => `${i.group}/${i.plural}`).sort();
    expect([...grants('ClusterRole'), ...grants('Role')].sort()).toEqual(
      needed,
    );
    for (const doc of docs.filter(d => d.rules)) {
      for (const rule of doc.rules)
        expect(rule.verbs).toEqual(['list', 'watch']);
    }
  });

  it('grants Velero kinds and Velero-scoped kinds (ConfigMaps) in the Velero namespace only', () => {
    const role = docs.find(d => d.kind === 'Role')!;
    expect(role.metadata.namespace).toBe('velero');
    expect(grants('Role')).toEqual(
      infos
        .filter(inVeleroNamespace)
        .map(i => `${i.group}/${i.plural}`)
        .sort(),
    );
    expect(grants('ClusterRole')).not.toContain('/configmaps');
  });

  it('reads each kind where the manifest grants it', () => {
    expect(collectionPath('ConfigMap', 'velero')).toBe(
      '/api/v1/namespaces/velero/configmaps',
    );
    expect(collectionPath('DeleteBackupRequest', 'velero')).toBe(
      '/apis/velero.io/v1/namespaces/velero/deletebackuprequests',
    );
    expect(collectionPath('Pod', 'velero')).toBe('/api/v1/pods');
  });
});
