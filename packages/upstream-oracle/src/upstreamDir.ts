import fs from 'node:fs';
import nodePath from 'node:path';

/** The environment variable that names the folder of upstream definitions. */
export const UPSTREAM_DIR_VARIABLE = 'GITOPS_STORAGE_UPSTREAM_DIR';

/** Where each folder of the upstream directory comes from. */
export const UPSTREAM_SOURCES: ReadonlyArray<{
  folder: string;
  repository: string;
  tag: string;
  paths: string;
}> = [
  {
    folder: 'velero-1.18.1',
    repository: 'https://github.com/vmware-tanzu/velero',
    tag: 'v1.18.1',
    paths:
      'config/crd/v1/bases/velero.io_*.yaml, config/crd/v2alpha1/bases/velero.io_data{uploads,downloads}.yaml',
  },
  {
    folder: 'velero-chart-12.1.0',
    repository: 'https://github.com/vmware-tanzu/helm-charts',
    tag: 'velero-12.1.0',
    paths: 'charts/velero/{Chart.yaml,values.yaml,values.schema.json}',
  },
  {
    folder: 'nfs-subdir-external-provisioner-chart-4.0.18',
    repository:
      'https://github.com/kubernetes-sigs/nfs-subdir-external-provisioner',
    tag: 'nfs-subdir-external-provisioner-4.0.18',
    paths: 'charts/nfs-subdir-external-provisioner/{Chart.yaml,values.yaml}',
  },
  {
    folder: 'kro-0.9.3',
    repository: 'https://github.com/kubernetes-sigs/kro',
    tag: 'v0.9.3',
    paths:
      'helm/crds/kro.run_resourcegraphdefinitions.yaml, helm/{Chart.yaml,values.yaml}',
  },
  {
    folder: 'argo-cd-3.5.1',
    repository: 'https://github.com/argoproj/argo-cd',
    tag: 'v3.5.1',
    paths: 'manifests/crds/{application,appproject}-crd.yaml',
  },
  {
    folder: 'local-path-provisioner-0.0.37',
    repository: 'https://github.com/rancher/local-path-provisioner',
    tag: 'v0.0.37',
    paths:
      'deploy/local-path-storage.yaml, deploy/chart/local-path-provisioner/values.yaml (saved as chart-values.yaml)',
  },
];

/** Thrown when the upstream definitions cannot be found: tests that need them fail, never skip. */
export class UpstreamDefinitionsMissingError extends Error {
  constructor(reason: string) {
    super(
      [
        `Upstream definitions not found: ${reason}.`,
        `Set ${UPSTREAM_DIR_VARIABLE} to a folder holding, unchanged, the upstream files below`,
        `(in this build: ../shared/upstream, which .ci/run exports):`,
        ...UPSTREAM_SOURCES.map(
          s => `  ${s.folder}/  ← ${s.repository} tag ${s.tag}: ${s.paths}`,
        ),
      ].join('\n'),
    );
    this.name = 'UpstreamDefinitionsMissingError';
  }
}

/**
 * The upstream directory named by GITOPS_STORAGE_UPSTREAM_DIR (resolved
 * against the working directory). Throws UpstreamDefinitionsMissingError,
 * which says how to get the files, when it is unset or not a directory.
 */
export function resolveUpstreamDir(
  env: Record<string, string | undefined> = process.env,
): string {
  const value = env[UPSTREAM_DIR_VARIABLE];
  if (!value)
    throw new UpstreamDefinitionsMissingError(
      `${UPSTREAM_DIR_VARIABLE} is not set`,
    );
  const dir = nodePath.resolve(value);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new UpstreamDefinitionsMissingError(`${dir} is not a directory`);
  return dir;
}

/** The path of one upstream file; throws (with how to get it) when it is absent. */
export function upstreamFile(
  folder: string,
  file: string,
  dir: string = resolveUpstreamDir(),
): string {
  const path = nodePath.join(dir, folder, file);
  if (!fs.existsSync(path))
    throw new UpstreamDefinitionsMissingError(`${path} does not exist`);
  return path;
}
