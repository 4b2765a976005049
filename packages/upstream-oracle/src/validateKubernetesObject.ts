import { parseAllDocuments } from 'yaml';
import { CLUSTER_SCOPED_CORE_KINDS, validateCoreObject } from './coreKinds';
import { unknownCoreFields } from './coreFieldTree';
import { crdVersions, loadUpstreamCrds, UpstreamCrdVersion } from './crds';
import { validateObjectMeta } from './objectMeta';
import { StructuralSchema, validateStructural } from './structuralSchema';

export type ValidateObjectOptions = {
  /** The upstream directory; default: GITOPS_STORAGE_UPSTREAM_DIR. */
  upstreamDir?: string;
  /**
   * More CustomResourceDefinition objects to validate against (e.g. the CRD
   * that kro generates from a ResourceGraphDefinition); they win over the
   * upstream ones for the same apiVersion and kind.
   */
  extraCrds?: unknown[];
};

function validateCustomResource(
  crd: UpstreamCrdVersion,
  obj: Record<string, unknown>,
  problems: string[],
) {
  // The API server validates metadata as ObjectMeta, whatever the CRD says of it.
  const properties = { ...(crd.schema.properties ?? {}) };
  delete properties.metadata;
  const required = (crd.schema.required ?? []).filter(r => r !== 'metadata');
  const schema: StructuralSchema = { ...crd.schema, properties, required };
  const { metadata, ...rest } = obj;
  validateStructural(schema, rest, '', problems);
  validateObjectMeta(metadata, crd.scope, problems);
  unknownCoreFields('V1ObjectMeta', metadata, 'metadata', problems);
}

/**
 * Every reason the Kubernetes API server (strict field validation, as
 * `kubectl apply --validate=strict`) would refuse `obj`, checked against the
 * real definitions: the upstream CRDs (Velero 1.18.1, kro 0.9.3, Argo CD
 * 3.5.1) for their groups, kubernetes-models + the Kubernetes OpenAPI field
 * lists for core kinds. An object of any other kind is reported as having no
 * upstream definition. Returns [] when the object is valid.
 */
export function validateKubernetesObject(
  obj: unknown,
  options: ValidateObjectOptions = {},
): string[] {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj))
    return ['<root>: not an object'];
  const object = obj as Record<string, unknown>;
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || !apiVersion)
    return ['apiVersion: Required value'];
  if (typeof kind !== 'string' || !kind) return ['kind: Required value'];

  const problems: string[] = [];
  const extra = (options.extraCrds ?? []).flatMap(c =>
    crdVersions(c, 'extraCrds'),
  );
  const upstream = loadUpstreamCrds(options.upstreamDir);
  const crd =
    extra.find(c => c.apiVersion === apiVersion && c.kind === kind) ??
    upstream.get(`${apiVersion}|${kind}`);
  if (crd) {
    validateCustomResource(crd, object, problems);
    return problems;
  }
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const sameGroup = [...upstream.values(), ...extra].filter(c =>
    c.apiVersion.startsWith(`${group}/`),
  );
  if (group && sameGroup.length > 0)
    return [
      `<root>: ${apiVersion} ${kind} is not served by the upstream CRDs of ${group} (served: ${sameGroup
        .map(c => `${c.apiVersion} ${c.kind}`)
        .join(', ')})`,
    ];
  const core = validateCoreObject(object);
  if (!core) return [`<root>: no upstream definition of ${apiVersion} ${kind}`];
  problems.push(...core);
  validateObjectMeta(
    object.metadata,
    CLUSTER_SCOPED_CORE_KINDS.has(kind) ? 'Cluster' : 'Namespaced',
    problems,
  );
  return [...new Set(problems)];
}

/** validateKubernetesObject over every document of a YAML text; problems are prefixed by `<kind>/<name>`. */
export function validateKubernetesManifests(
  yamlText: string,
  options: ValidateObjectOptions = {},
): string[] {
  const problems: string[] = [];
  for (const doc of parseAllDocuments(yamlText, { version: '1.1' })) {
    if (doc.errors.length > 0) {
      problems.push(`YAML: ${doc.errors[0].message}`);
      continue;
    }
    const value = doc.toJS() as Record<string, unknown> | null;
    if (value === null) continue;
    const name = (value.metadata as { name?: string } | undefined)?.name;
    const where = `${String(value.kind)}/${name ?? '?'}`;
    for (const problem of validateKubernetesObject(value, options))
      problems.push(`${where}: ${problem}`);
  }
  return problems;
}
