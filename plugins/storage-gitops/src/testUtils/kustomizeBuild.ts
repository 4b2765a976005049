import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import nodePath from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';

export const KUBECTL = '/usr/bin/kubectl';

/** What `kubectl kustomize dir` prints, or throws with its error output. */
export function kustomize(dir: string): Array<Record<string, any>> {
  const result = spawnSync(KUBECTL, ['kustomize', dir], { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`kubectl kustomize ${dir} failed: ${result.stderr}`);
  return [...parseAllDocuments(result.stdout)].map(doc => doc.toJS());
}

/**
 * Names-only stand-ins for what a chart renders (there is no helm binary
 * here): the objects the overlays patch, shaped like the chart's templates.
 */
function chartStandIn(
  chart: Record<string, any>,
  values: Record<string, any>,
): unknown[] {
  if (chart.name === 'nfs-subdir-external-provisioner') {
    return [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: chart.releaseName },
        spec: {
          selector: {
            matchLabels: {
              app: 'nfs-subdir-external-provisioner',
              release: chart.releaseName,
            },
          },
          template: {
            metadata: {
              labels: {
                app: 'nfs-subdir-external-provisioner',
                release: chart.releaseName,
              },
            },
            spec: {
              containers: [
                {
                  name: chart.name,
                  image:
                    'registry.k8s.io/sig-storage/nfs-subdir-external-provisioner:v4.0.2',
                  env: [
                    {
                      name: 'PROVISIONER_NAME',
                      value: values.storageClass.provisionerName,
                    },
                    { name: 'NFS_SERVER', value: null },
                    { name: 'NFS_PATH', value: null },
                  ],
                },
              ],
              volumes: [
                {
                  name: 'nfs-subdir-external-provisioner-root',
                  nfs: { server: null, path: null },
                },
              ],
            },
          },
        },
      },
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: values.storageClass.name },
        provisioner: values.storageClass.provisionerName,
        reclaimPolicy: values.storageClass.reclaimPolicy,
        parameters: {
          archiveOnDelete: String(values.storageClass.archiveOnDelete),
        },
      },
    ];
  }
  if (chart.name === 'velero') {
    return [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'velero', namespace: chart.namespace },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'velero', namespace: chart.namespace },
      },
    ];
  }
  if (chart.name === 'kro') {
    return [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'kro', namespace: chart.namespace },
      },
    ];
  }
  throw new Error(`no stand-in for chart ${chart.name}`);
}

/**
 * A copy of the repository in which every kustomization's `helmCharts` is
 * replaced by a stand-in of what the chart renders, so `kubectl kustomize`
 * can build it without helm.
 */
export function copyWithoutHelm(repoDir: string, target: string): string {
  fs.cpSync(repoDir, target, { recursive: true });
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = nodePath.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'kustomization.yaml') {
        const kustomization = parse(fs.readFileSync(full, 'utf8'));
        if (!kustomization?.helmCharts) continue;
        const resources: string[] = kustomization.resources ?? [];
        kustomization.helmCharts.forEach(
          (chart: Record<string, any>, index: number) => {
            const values = parse(
              fs.readFileSync(nodePath.join(dir, chart.valuesFile), 'utf8'),
            );
            const file = `chart-stand-in-${index}.yaml`;
            fs.writeFileSync(
              nodePath.join(dir, file),
              chartStandIn(chart, values)
                .map(o => stringify(o))
                .join('---\n'),
            );
            resources.push(file);
          },
        );
        delete kustomization.helmCharts;
        delete kustomization.helmGlobals;
        kustomization.resources = resources;
        fs.writeFileSync(full, stringify(kustomization));
      }
    }
  };
  walk(target);
  return target;
}
