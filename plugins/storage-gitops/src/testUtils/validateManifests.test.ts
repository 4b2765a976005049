import { parse, stringify } from 'yaml';
import { exampleInput, fixtureFiles } from './fixtureRepo';
import { generate, withChanges } from './harness';
import { validateManifests } from './validateManifests';
import { veleroGenerator } from '../generators/velero';
import { kroInventoryGenerator } from '../generators/kro-inventory';

/** The oracle catches what a hand-written schema mirroring the generators would not. */
describe('validateManifests (upstream oracle)', () => {
  const edit = (
    files: Record<string, string>,
    path: string,
    change: (doc: any) => void,
  ) => {
    const doc = parse(files[path], { version: '1.1' });
    change(doc);
    return { ...files, [path]: stringify(doc) };
  };

  it('reports a Helm value the velero chart does not have', () => {
    const files = withChanges(
      fixtureFiles(),
      generate(veleroGenerator, exampleInput('velero')),
    );
    const path = 'apps/storage/velero/base/values.yaml';
    expect(validateManifests(files, [path])).toEqual([]);
    const bad = edit(files, path, doc => {
      doc.configuration.resticTimeout = '1h';
    });
    expect(validateManifests(bad, [path])).toEqual([
      `${path} (values of velero 12.1.0): configuration.resticTimeout: not a value of the chart (absent from its values.yaml)`,
    ]);
  });

  it('reports an Application field Argo CD does not define', () => {
    const files = withChanges(
      fixtureFiles(),
      generate(veleroGenerator, exampleInput('velero')),
    );
    const path =
      'apps/cicd/argocd/overlays/main/applications/prod/storage/velero.yaml';
    const bad = edit(files, path, doc => {
      doc.spec.syncPolicy.retryPolicy = { limit: 3 };
    });
    expect(validateManifests(bad, [path])).toEqual([
      `${path} (Application): spec.syncPolicy.retryPolicy: unknown field "retryPolicy"`,
    ]);
  });

  it('checks kro instances against the CRD their graph generates, and graph templates as objects', () => {
    const files = withChanges(
      fixtureFiles(),
      generate(kroInventoryGenerator, exampleInput('kro-inventory')),
    );
    const instance =
      'apps/storage/overlays/prod/drive-inventory-cluster-drives.yaml';
    const graph = 'apps/storage/overlays/prod/drive-inventory-graph.yaml';
    expect(validateManifests(files, [instance, graph])).toEqual([]);
    const bad = edit(
      edit(files, instance, doc => {
        doc.spec.drives[0].size = '1Ti';
        doc.spec.drives[0].tier = 'storage-nfs';
      }),
      graph,
      doc => {
        doc.spec.resources[2].template.spec.hostpath = { path: '/x' };
      },
    );
    expect(validateManifests(bad, [instance, graph])).toEqual([
      `${instance} (DriveInventory): spec.drives[0].tier: Unsupported value "storage-nfs": supported values: "storage-fast", "storage-bulk"`,
      `${instance} (DriveInventory): spec.drives[0].size: unknown field "size"`,
      `${graph} (ResourceGraphDefinition): spec.resources[2].template: spec.hostpath: unknown field "hostpath"`,
    ]);
  });
});
