import { joinPath } from './structuralSchema';

/**
 * ObjectMeta checks the API server makes for every object, custom resources
 * included (apimachinery's ValidateObjectMeta): name, namespace, label and
 * annotation syntax, unknown metadata fields are checked by the caller.
 */
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a qualified name has at most one "/"';
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (
    prefix !== undefined &&
    (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))
  )
    return `prefix ${JSON.stringify(prefix)} must be a DNS subdomain`;
  if (name.length > 63 || !QUALIFIED_NAME.test(name))
    return `name part ${JSON.stringify(
      name,
    )} must be 63 characters or less, alphanumeric, '-', '_' or '.'`;
  return undefined;
}

export function validateObjectMeta(
  metadata: unknown,
  scope: 'Namespaced' | 'Cluster',
  problems: string[],
): void {
  if (
    metadata === undefined ||
    metadata === null ||
    typeof metadata !== 'object'
  ) {
    problems.push('metadata: Required value');
    return;
  }
  const meta = metadata as Record<string, unknown>;
  const name = meta.name;
  if (typeof name !== 'string' || name === '') {
    if (!meta.generateName) problems.push('metadata.name: Required value');
  } else if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    problems.push(
      `metadata.name: Invalid value: ${JSON.stringify(
        name,
      )}: must be a DNS-1123 subdomain`,
    );
  }
  if (meta.namespace !== undefined) {
    if (scope === 'Cluster')
      problems.push(
        'metadata.namespace: not allowed on a cluster-scoped object',
      );
    else if (
      typeof meta.namespace !== 'string' ||
      !DNS_LABEL.test(meta.namespace) ||
      meta.namespace.length > 63
    )
      problems.push(
        `metadata.namespace: Invalid value: ${JSON.stringify(
          meta.namespace,
        )}: must be a DNS-1123 label`,
      );
  }
  for (const field of ['labels', 'annotations'] as const) {
    const map = meta[field];
    if (map === undefined) continue;
    if (map === null || typeof map !== 'object' || Array.isArray(map)) {
      problems.push(`metadata.${field}: must be a map of strings`);
      continue;
    }
    let size = 0;
    for (const [key, value] of Object.entries(map)) {
      const at = joinPath(`metadata.${field}`, key);
      const keyProblem = qualifiedNameProblem(key);
      if (keyProblem) problems.push(`${at}: Invalid key: ${keyProblem}`);
      if (typeof value !== 'string') {
        problems.push(
          `${at}: Invalid value: must be a string, got ${typeof value}`,
        );
        continue;
      }
      size += key.length + value.length;
      if (field === 'labels' && (value.length > 63 || !LABEL_VALUE.test(value)))
        problems.push(
          `${at}: Invalid value: ${JSON.stringify(
            value,
          )}: not a valid label value`,
        );
    }
    if (field === 'annotations' && size > 256 * 1024)
      problems.push(
        'metadata.annotations: Too long: must have at most 262144 bytes',
      );
  }
}
