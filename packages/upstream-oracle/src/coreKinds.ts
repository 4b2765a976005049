import {
  modelAttributes,
  modelOfKind,
  unknownCoreFields,
} from './coreFieldTree';

type ValidateError = {
  instancePath: string;
  message?: string;
  keyword: string;
  params?: Record<string, unknown>;
};
type ModelClass = new (data: unknown) => { validate(): void };

/** Kinds of the core API groups that are cluster-scoped (no metadata.namespace). */
export const CLUSTER_SCOPED_CORE_KINDS = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'APIService',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
]);

function loadModel(apiVersion: string, kind: string): ModelClass | undefined {
  if (!/^([a-z0-9.-]+\/)?v\d+((alpha|beta)\d+)?$/.test(apiVersion))
    return undefined;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind] as ModelClass | undefined;
  } catch {
    return undefined;
  }
}

/** Whether kubernetes-models knows this core kind. */
export function isCoreKind(apiVersion: string, kind: string): boolean {
  return loadModel(apiVersion, kind) !== undefined;
}

function describe(error: ValidateError): string {
  const at =
    error.instancePath.replace(/^\//, '').replace(/\//g, '.') || '<root>';
  const params = error.params ?? {};
  if (error.keyword === 'required') {
    const field = String(params.missingProperty);
    return `${at === '<root>' ? field : `${at}.${field}`}: Required value`;
  }
  if (error.keyword === 'enum')
    return `${at}: Unsupported value: supported values: ${(
      params.allowedValues as unknown[]
    ).join(', ')}`;
  return `${at}: ${error.message ?? error.keyword}${
    params.type ? ` ${String(params.type)}` : ''
  }${params.format ? ` (${String(params.format)})` : ''}`;
}

/**
 * Problems of a core Kubernetes object: types, enums, required fields and
 * formats from kubernetes-models (generated from the Kubernetes OpenAPI
 * spec), plus every unknown field (strict field validation).
 * Returns undefined when the kind is not a core kind.
 */
export function validateCoreObject(
  obj: Record<string, unknown>,
): string[] | undefined {
  const apiVersion = String(obj.apiVersion);
  const kind = String(obj.kind);
  const Model = loadModel(apiVersion, kind);
  if (!Model) return undefined;
  const problems: string[] = [];
  try {
    new Model(obj).validate();
  } catch (error) {
    const errors = (error as { errors?: ValidateError[] }).errors;
    if (!errors) throw error;
    problems.push(...errors.map(describe));
  }
  const model = modelOfKind(apiVersion, kind);
  if (modelAttributes(model)) unknownCoreFields(model, obj, '', problems);
  else problems.push(`<root>: no field list for ${apiVersion} ${kind}`);
  return [...new Set(problems)];
}
