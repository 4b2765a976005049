import { parse, parseAllDocuments } from 'yaml';
import { renderUnifiedDiff } from '../../changes/renderUnifiedDiff';
import { exampleInput, fixtureFiles } from '../../testUtils/fixtureRepo';
import {
  generate,
  manifestProblems,
  runAndApply,
  tempFixture,
  withChanges,
} from '../../testUtils/harness';
import { kustomize } from '../../testUtils/kustomizeBuild';
import { kroInventoryGenerator } from '.';
import { tierClassesCel } from './classPolicy';

const input = exampleInput('kro-inventory') as Record<string, unknown>;
const overlay = 'apps/storage/overlays/prod';

describe('kro-inventory', () => {
  it('writes the graph, the instance, the class policy and the wiring (golden diff)', () => {
    const changeSet = generate(kroInventoryGenerator, input);
    expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
      'update apps/cicd/argocd/base/argocd-cm.yaml',
      'create apps/cicd/argocd/overlays/main/applications/prod/argocd-settings.yaml',
      'update apps/cicd/argocd/overlays/main/applications/prod/kustomization.yaml',
      'create apps/cicd/argocd/overlays/main/applications/prod/storage/kro.yaml',
      'update apps/cicd/argocd/overlays/main/applications/prod/storage/kustomization.yaml',
      'create apps/storage/kro/base/kustomization.yaml',
      'create apps/storage/kro/base/values.yaml',
      'create apps/storage/kro/overlays/prod/kustomization.yaml',
      'update apps/storage/local-path-provisioner/overlays/prod/kustomization.yaml',
      'create apps/storage/local-path-provisioner/overlays/prod/storage-local-volume-type.yaml',
      'create apps/storage/overlays/prod/drive-inventory-cluster-drives.yaml',
      'create apps/storage/overlays/prod/drive-inventory-graph.yaml',
      'update apps/storage/overlays/prod/kustomization.yaml',
      'create apps/storage/overlays/prod/storage-class-policy.yaml',
    ]);
    expect(renderUnifiedDiff(changeSet)).toMatchSnapshot();
  });

  it('writes a v0.9 graph: cluster scope, forEach over the drives, local PVs with node affinity', () => {
    const files = withChanges(
      fixtureFiles(),
      generate(kroInventoryGenerator, input),
    );
    const graph = parse(files[`${overlay}/drive-inventory-graph.yaml`]);
    expect(graph.spec.schema).toMatchObject({
      apiVersion: 'v1alpha1',
      kind: 'DriveInventory',
      scope: 'Cluster',
    });
    expect(graph.spec.schema.spec).toEqual({
      drives: '[]Drive | required=true',
    });
    const volumes = graph.spec.resources.find(
      (r: { id: string }) => r.id === 'localVolumes',
    );
    expect(volumes.forEach).toEqual([{ drive: '${schema.spec.drives}' }]);
    expect(volumes.template.metadata.name).toBe(
      'local-${drive.node}-${drive.id}',
    );
    expect(
      volumes.template.spec.nodeAffinity.required.nodeSelectorTerms[0]
        .matchExpressions[0],
    ).toEqual({
      key: 'kubernetes.io/hostname',
      operator: 'In',
      values: ['${drive.node}'],
    });
    const classes = graph.spec.resources.filter(
      (r: { template: { kind: string } }) => r.template.kind === 'StorageClass',
    );
    expect(
      classes.map((c: any) => [
        c.template.metadata.name,
        c.template.provisioner,
        c.template.volumeBindingMode,
      ]),
    ).toEqual([
      ['storage-fast', 'kubernetes.io/no-provisioner', 'WaitForFirstConsumer'],
      ['storage-bulk', 'kubernetes.io/no-provisioner', 'WaitForFirstConsumer'],
    ]);
  });

  it('writes the instance with the drives, synced with SkipDryRunOnMissingResource', () => {
    const files = withChanges(
      fixtureFiles(),
      generate(kroInventoryGenerator, input),
    );
    const instance = parse(
      files[`${overlay}/drive-inventory-cluster-drives.yaml`],
    );
    expect(
      instance.metadata.annotations['argocd.argoproj.io/sync-options'],
    ).toBe('SkipDryRunOnMissingResource=true');
    expect(instance.spec.drives).toHaveLength(3);
    expect(instance.spec.drives[2]).toEqual({
      id: 'hdd0',
      node: 'worker-2',
      path: '/mnt/disks/hdd0',
      capacity: '8Ti',
      tier: 'storage-bulk',
    });
  });

  it('maps tiers to classes in the policy from the tier input', () => {
    expect(
      tierClassesCel([
        { name: 'fast', storageClasses: ['storage-fast', "o'dd"], rpo: 'PT1H' },
      ]),
    ).toBe("{'fast': ['storage-fast', 'o\\'dd']}");
    const files = withChanges(
      fixtureFiles(),
      generate(kroInventoryGenerator, input),
    );
    const [policy, binding] = [
      ...parseAllDocuments(files[`${overlay}/storage-class-policy.yaml`]),
    ].map(d => d.toJS());
    expect(policy.spec.variables[1].expression).toBe(
      "{'fast': ['storage-fast'], 'bulk': ['storage-bulk'], 'local': ['storage-local'], 'nfs': ['storage-nfs']}",
    );
    expect(
      binding.spec.matchResources.namespaceSelector.matchExpressions,
    ).toEqual([
      { key: 'gitops-storage.dev/allowed-tiers', operator: 'Exists' },
    ]);
  });

  it('leaves out the policy and the local-path patch when not asked for', () => {
    const changeSet = generate(kroInventoryGenerator, {
      ...input,
      enforceClassesPerNamespace: false,
      patchLocalPathVolumeType: false,
    });
    expect(
      changeSet.changes
        .map(c => c.path)
        .filter(p => /policy|local-path/.test(p)),
    ).toEqual([]);
  });

  it('writes only YAML that validates against its kind', () => {
    expect(
      manifestProblems(fixtureFiles(), generate(kroInventoryGenerator, input)),
    ).toEqual([]);
  });

  it('builds with kubectl kustomize: the cluster overlay and local-path-provisioner with volume type local', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, kroInventoryGenerator, input);
      const objects = kustomize(`${dir}/${overlay}`);
      expect(objects.map(o => o.kind).sort()).toEqual([
        'DriveInventory',
        'ResourceGraphDefinition',
        'ValidatingAdmissionPolicy',
        'ValidatingAdmissionPolicyBinding',
      ]);
      expect(
        objects.every(
          o => o.metadata.labels['app.kubernetes.io/part-of'] === 'storage',
        ),
      ).toBe(true);
      const lpp = kustomize(
        `${dir}/apps/storage/local-path-provisioner/overlays/prod`,
      );
      const storageLocal = lpp.find(o => o.kind === 'StorageClass')!;
      expect(storageLocal.metadata.annotations).toEqual({
        defaultVolumeType: 'local',
      });
      expect(storageLocal.provisioner).toBe('rancher.io/local-path');
    } finally {
      cleanup();
    }
  });
});
