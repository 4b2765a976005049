import { RESOURCE_KIND_INFO } from '@gitops-storage/plugin-storage-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };

describe('rbac/storage-reader.yaml', () => {
  const docs = parseAllDocuments(
    fs.readFileSync(
      path.resolve(__dirname, '../rbac/storage-reader.yaml'),
      'utf8',
    ),
  ).map(d => d.toJS());
  const rules: Rule[] = docs
    .filter(d => d.kind === 'ClusterRole' || d.kind === 'Role')
    .flatMap(d => d.rules);

  it('grants list and watch on exactly the kinds the plugin reads, and nothing else', () => {
    const granted = rules
      .flatMap(r => r.resources.map(res => `${r.apiGroups[0]}/${res}`))
      .sort();
    const needed = Object.values(RESOURCE_KIND_INFO)
      .map(i => `${i.group}/${i.plural}`)
      .sort();
    expect(granted).toEqual(needed);
    for (const rule of rules) expect(rule.verbs).toEqual(['list', 'watch']);
  });

  it('grants Velero kinds in the Velero namespace only', () => {
    const role = docs.find(d => d.kind === 'Role');
    expect(role.metadata.namespace).toBe('velero');
    expect(
      role.rules.every((r: Rule) => r.apiGroups.includes('velero.io')),
    ).toBe(true);
  });
});
