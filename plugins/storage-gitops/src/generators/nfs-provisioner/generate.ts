import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { addStorageApplication } from '../../argocd/storageApplication';
import { ensureKustomizeEnableHelm } from '../../argocd/enableHelm';
import { storageAppDir } from '../../layout/paths';
import { renderYaml } from '../../yaml/yamlDocument';
import { writeHelmBase } from '../shared/helmApp';
import type { NfsProvisionerInput } from './input';

export const NFS_APP = 'nfs-subdir-external-provisioner';
const CHART = 'nfs-subdir-external-provisioner';
/** The chart names the Deployment, its container and root volume after the release. */
const RELEASE = 'nfs-subdir-external-provisioner';

function chartValues(input: NfsProvisionerInput): string {
  const sc = input.storageClass;
  return renderYaml(
    {
      storageClass: {
        create: true,
        name: sc.name,
        provisionerName: sc.provisionerName,
        defaultClass: sc.defaultClass,
        allowVolumeExpansion: sc.allowVolumeExpansion,
        reclaimPolicy: sc.reclaimPolicy,
        archiveOnDelete: sc.archiveOnDelete,
        ...(sc.onDelete ? { onDelete: sc.onDelete } : {}),
        pathPattern: sc.pathPattern,
        accessModes: 'ReadWriteMany',
        volumeBindingMode: 'Immediate',
      },
    },
    {
      header: [
        `Values of the ${CHART} chart for every environment.`,
        'The NFS server, export path and mount options are set per environment in',
        'overlays/<env> (nfs.mountOptions stays unset here: with it the chart switches',
        'to a static root PV/PVC that the overlay could not point elsewhere).',
        'Written by backstage-storage.',
      ].join('\n'),
      keyComments: {
        'storageClass.provisionerName':
          'Fixed, so a renamed release never orphans the volumes it provisioned.',
        'storageClass.accessModes':
          'Only used by the chart for its root PV; volumes take RWX from their PVC.',
      },
    },
  );
}

function exportPatch(input: NfsProvisionerInput): string {
  return renderYaml(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: RELEASE, namespace: input.namespace },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: CHART,
                env: [
                  { name: 'NFS_SERVER', value: input.nfs.server },
                  { name: 'NFS_PATH', value: input.nfs.path },
                ],
              },
            ],
            volumes: [
              {
                name: `${RELEASE}-root`,
                nfs: { server: input.nfs.server, path: input.nfs.path },
              },
            ],
          },
        },
      },
    },
    {
      header: `The NFS export the provisioner creates volume folders in: ${input.nfs.server}:${input.nfs.path}.\nWritten by backstage-storage.`,
    },
  );
}

function mountOptionsPatch(input: NfsProvisionerInput): string {
  return renderYaml(
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: input.storageClass.name },
      mountOptions: input.nfs.mountOptions,
    },
    {
      header: `Mount options of every ${input.storageClass.name} volume.\nWritten by backstage-storage.`,
    },
  );
}

/** The NFS provisioner app, its prod overlay and its Argo CD Application. */
export function generateNfsProvisioner(
  repo: RepoReader,
  input: NfsProvisionerInput,
): ChangeSet {
  const builder = new ChangeSetBuilder(repo, 'nfs-provisioner');
  const appDir = storageAppDir(NFS_APP);
  writeHelmBase(builder, {
    appDir,
    title: `NFS provisioner (StorageClass ${input.storageClass.name}, ReadWriteMany)`,
    namespace: input.namespace,
    chart: {
      name: CHART,
      repo: input.chart.repo,
      version: input.chart.version,
      includeCRDs: false,
      vendor: input.chart.vendor,
    },
    releaseName: RELEASE,
    values: chartValues(input),
  });
  builder.createFile(
    `${appDir}/overlays/prod/kustomization.yaml`,
    renderYaml(
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: ['../../base'],
        patches: [
          { path: 'nfs-export.yaml' },
          { path: 'storageclass-mount-options.yaml' },
        ],
      },
      {
        header: `NFS provisioner in prod: ${input.nfs.server}:${input.nfs.path}.\nWritten by backstage-storage.`,
      },
    ),
  );
  builder.createFile(
    `${appDir}/overlays/prod/nfs-export.yaml`,
    exportPatch(input),
  );
  builder.createFile(
    `${appDir}/overlays/prod/storageclass-mount-options.yaml`,
    mountOptionsPatch(input),
  );
  addStorageApplication(builder, {
    name: NFS_APP,
    title: `NFS provisioner (${input.storageClass.name})`,
    path: `${appDir}/overlays/prod`,
    namespace: input.namespace,
    syncOptions: ['CreateNamespace=true'],
    argocd: input.argocd,
  });
  ensureKustomizeEnableHelm(builder, input.argocd);
  return builder.build(
    `Add the NFS provisioner (StorageClass ${input.storageClass.name} on ${input.nfs.server}:${input.nfs.path})`,
  );
}
