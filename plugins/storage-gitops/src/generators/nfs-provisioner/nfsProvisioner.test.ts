import { parse } from 'yaml';
import { renderUnifiedDiff } from '../../changes/renderUnifiedDiff';
import { exampleInput, fixtureFiles } from '../../testUtils/fixtureRepo';
import {
  generate,
  kustomizeWithoutHelm,
  manifestProblems,
  runAndApply,
  tempFixture,
  withChanges,
} from '../../testUtils/harness';
import { kustomize } from '../../testUtils/kustomizeBuild';
import { nfsProvisionerGenerator } from '.';

const input = exampleInput('nfs-provisioner');

describe('nfs-provisioner', () => {
  it('writes the app, its prod overlay and its Argo CD Application (golden diff)', () => {
    const changeSet = generate(nfsProvisionerGenerator, input);
    expect(changeSet.changes.map(c => `${c.action} ${c.path}`)).toEqual([
      'update apps/cicd/argocd/base/argocd-cm.yaml',
      'create apps/cicd/argocd/overlays/main/applications/prod/argocd-settings.yaml',
      'update apps/cicd/argocd/overlays/main/applications/prod/kustomization.yaml',
      'update apps/cicd/argocd/overlays/main/applications/prod/storage/kustomization.yaml',
      'create apps/cicd/argocd/overlays/main/applications/prod/storage/nfs-subdir-external-provisioner.yaml',
      'create apps/storage/nfs-subdir-external-provisioner/base/kustomization.yaml',
      'create apps/storage/nfs-subdir-external-provisioner/base/values.yaml',
      'create apps/storage/nfs-subdir-external-provisioner/overlays/prod/kustomization.yaml',
      'create apps/storage/nfs-subdir-external-provisioner/overlays/prod/nfs-export.yaml',
      'create apps/storage/nfs-subdir-external-provisioner/overlays/prod/storageclass-mount-options.yaml',
    ]);
    expect(renderUnifiedDiff(changeSet)).toMatchSnapshot();
  });

  it('pins the chart as domain.md §4 gives it, with a fixed provisioner name', () => {
    const files = withChanges(
      fixtureFiles(),
      generate(nfsProvisionerGenerator, input),
    );
    const base = parse(
      files[
        'apps/storage/nfs-subdir-external-provisioner/base/kustomization.yaml'
      ],
    );
    expect(base.helmCharts).toEqual([
      {
        name: 'nfs-subdir-external-provisioner',
        repo: 'https://kubernetes-sigs.github.io/nfs-subdir-external-provisioner/',
        version: '4.0.18',
        releaseName: 'nfs-subdir-external-provisioner',
        namespace: 'nfs-provisioner',
        includeCRDs: false,
        valuesFile: 'values.yaml',
      },
    ]);
    const values = parse(
      files['apps/storage/nfs-subdir-external-provisioner/base/values.yaml'],
    );
    expect(values.storageClass).toMatchObject({
      name: 'storage-nfs',
      provisionerName: 'k8s-sigs.io/nfs-subdir-external-provisioner',
      reclaimPolicy: 'Retain',
      onDelete: 'retain',
      pathPattern: '${.PVC.namespace}/${.PVC.name}',
    });
    expect(values.nfs).toBeUndefined();
  });

  it('uses the defaults for everything but the server', () => {
    const files = withChanges(
      fixtureFiles(),
      generate(nfsProvisionerGenerator, { nfs: { server: '10.0.0.5' } }),
    );
    const patch = parse(
      files[
        'apps/storage/nfs-subdir-external-provisioner/overlays/prod/nfs-export.yaml'
      ],
    );
    expect(patch.spec.template.spec.volumes[0].nfs).toEqual({
      server: '10.0.0.5',
      path: '/mnt/storage-bulk/nfs',
    });
    const values = parse(
      files['apps/storage/nfs-subdir-external-provisioner/base/values.yaml'],
    );
    expect(values.storageClass).toMatchObject({
      reclaimPolicy: 'Delete',
      archiveOnDelete: true,
    });
    expect(values.storageClass.onDelete).toBeUndefined();
  });

  it('writes only YAML that validates against its kind', () => {
    const changeSet = generate(nfsProvisionerGenerator, input);
    expect(manifestProblems(fixtureFiles(), changeSet)).toEqual([]);
  });

  it('builds with kubectl kustomize: the overlay points the chart at the export', async () => {
    const { dir, cleanup } = tempFixture();
    try {
      await runAndApply(dir, nfsProvisionerGenerator, input);
      const objects = kustomizeWithoutHelm(
        dir,
        'apps/storage/nfs-subdir-external-provisioner/overlays/prod',
      );
      const deployment = objects.find(o => o.kind === 'Deployment')!;
      expect(deployment.metadata.namespace).toBe('nfs-provisioner');
      const env = deployment.spec.template.spec.containers[0].env;
      expect(env).toEqual(
        expect.arrayContaining([
          { name: 'NFS_SERVER', value: 'nas-1.storage.internal' },
          { name: 'NFS_PATH', value: '/mnt/storage-bulk/nfs' },
        ]),
      );
      expect(deployment.spec.template.spec.volumes).toEqual([
        {
          name: 'nfs-subdir-external-provisioner-root',
          nfs: {
            server: 'nas-1.storage.internal',
            path: '/mnt/storage-bulk/nfs',
          },
        },
      ]);
      const storageClass = objects.find(o => o.kind === 'StorageClass')!;
      expect(storageClass.metadata.name).toBe('storage-nfs');
      expect(storageClass.mountOptions).toEqual(['nfsvers=4.1', 'hard']);
      const apps = kustomize(
        `${dir}/apps/cicd/argocd/overlays/main/applications/prod`,
      );
      expect(apps.map(a => a.metadata.name)).toContain(
        'nfs-subdir-external-provisioner',
      );
    } finally {
      cleanup();
    }
  });

  it('vendors a chart into base/charts where kustomize looks for it', () => {
    const chartYaml =
      'apiVersion: v2\nname: nfs-subdir-external-provisioner\nversion: 4.0.18\nappVersion: 4.0.2\n';
    const index = [
      'apiVersion: v1',
      'entries:',
      '  nfs-subdir-external-provisioner:',
      '    - version: 4.0.18',
      '      digest: abc123',
      '      urls: [https://example.invalid/nfs-subdir-external-provisioner-4.0.18.tgz]',
    ].join('\n');
    const changeSet = generate(nfsProvisionerGenerator, {
      ...(input as object),
      chart: {
        vendor: {
          files: {
            'Chart.yaml': chartYaml,
            'templates/deployment.yaml': 'kind: Deployment\n',
          },
          index,
        },
      },
    });
    const files = withChanges(fixtureFiles(), changeSet);
    const dir = 'apps/storage/nfs-subdir-external-provisioner/base';
    expect(
      files[
        `${dir}/charts/nfs-subdir-external-provisioner-4.0.18/nfs-subdir-external-provisioner/Chart.yaml`
      ],
    ).toBe(chartYaml);
    expect(
      files[
        `${dir}/charts/nfs-subdir-external-provisioner-4.0.18/nfs-subdir-external-provisioner/templates/deployment.yaml`
      ],
    ).toBeDefined();
    expect(parse(files[`${dir}/kustomization.yaml`]).helmGlobals).toEqual({
      chartHome: 'charts',
    });
    expect(files[`${dir}/kustomization.yaml`]).toContain('index digest abc123');
  });
});
