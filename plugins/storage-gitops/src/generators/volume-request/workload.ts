import type { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { GeneratorError } from '../../errors/GeneratorError';
import { parseYamlDocument, yamlData } from '../../yaml/yamlDocument';
import { kustomizationResources } from '../../yaml/kustomization';

/** The parts of a workload manifest the backup opt-in needs. */
export interface WorkloadManifest {
  file: string;
  kind: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  volumes: Array<{
    name: string;
    persistentVolumeClaim?: { claimName?: string };
  }>;
  containers: Array<{
    name: string;
    volumeMounts?: Array<{ name: string; mountPath: string }>;
  }>;
}

type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj =>
  value && typeof value === 'object' ? (value as Obj) : {};

/** Finds `kind/name` among the manifests the folder's kustomization lists as resources. */
export function findWorkload(
  builder: ChangeSetBuilder,
  folder: string,
  kustomizationPath: string,
  kind: string,
  name: string,
): WorkloadManifest {
  const resources = kustomizationResources(
    parseYamlDocument(builder.read(kustomizationPath) ?? '', kustomizationPath),
  );
  for (const entry of resources) {
    if (entry.includes('/') || !/\.ya?ml$/.test(entry)) continue;
    const file = `${folder}/${entry}`;
    const text = builder.read(file);
    if (text === undefined) continue;
    for (const doc of yamlData(text, file)) {
      const object = asObj(doc);
      const metadata = asObj(object.metadata);
      if (object.kind !== kind || metadata.name !== name) continue;
      const template = asObj(asObj(object.spec).template);
      const podSpec = asObj(template.spec);
      return {
        file,
        kind,
        name,
        labels: asObj(metadata.labels) as Record<string, string>,
        annotations: asObj(asObj(template.metadata).annotations) as Record<
          string,
          string
        >,
        volumes: (Array.isArray(podSpec.volumes)
          ? podSpec.volumes
          : []) as WorkloadManifest['volumes'],
        containers: (Array.isArray(podSpec.containers)
          ? podSpec.containers
          : []) as WorkloadManifest['containers'],
      };
    }
  }
  throw new GeneratorError(
    `backup.workload: ${kind} '${name}' is not among the resources of '${kustomizationPath}'; the backup opt-in patches the workload that mounts the volume`,
    { field: 'backup.workload', file: kustomizationPath },
  );
}
