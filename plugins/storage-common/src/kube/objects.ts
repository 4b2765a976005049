/**
 * Defensive readers for raw Kubernetes objects (`unknown` from YAML, JSON or
 * a watch). Projection uses them so that a missing optional field is simply
 * absent, and a malformed required field is a clear error.
 */

/** A plain JSON object. */
export type RawObject = Record<string, unknown>;

/** A raw object that is not a valid instance of its kind. @public */
export class InvalidObjectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidObjectError';
  }
}

export function isRecord(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The record at `key`, or an empty one when it is absent or not an object. */
export function recordAt(parent: unknown, key: string): RawObject {
  if (!isRecord(parent)) return {};
  const value = parent[key];
  return isRecord(value) ? value : {};
}

export function stringAt(parent: unknown, key: string): string | undefined {
  if (!isRecord(parent)) return undefined;
  const value = parent[key];
  return typeof value === 'string' ? value : undefined;
}

export function booleanAt(parent: unknown, key: string): boolean | undefined {
  if (!isRecord(parent)) return undefined;
  const value = parent[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function arrayAt(parent: unknown, key: string): unknown[] {
  if (!isRecord(parent)) return [];
  const value = parent[key];
  return Array.isArray(value) ? value : [];
}

/** The strings of an array field; other entries are dropped. */
export function stringsAt(parent: unknown, key: string): string[] {
  return arrayAt(parent, key).filter((v): v is string => typeof v === 'string');
}

/** Kubernetes' limits (apimachinery validation), enforced on ingest. */
export const KUBE_LIMITS = {
  /** DNS-1123 subdomain: most object names. */
  nameLength: 253,
  /** DNS-1123 label: namespace names, label names and values. */
  labelLength: 63,
  /** A label key's optional `prefix/` is a DNS subdomain. */
  labelPrefixLength: 253,
  /** Annotations and ConfigMap data: the API server caps objects at ~1.5 MiB. */
  valueLength: 1024 * 1024,
} as const;

const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Whether `name` is a DNS-1123 subdomain (what most object names must be). */
export function isDnsSubdomain(name: string): boolean {
  return name.length <= KUBE_LIMITS.nameLength && DNS_SUBDOMAIN.test(name);
}

/** Whether `name` is a DNS-1123 label (what namespace names must be). */
export function isDnsLabel(name: string): boolean {
  return name.length <= KUBE_LIMITS.labelLength && DNS_LABEL.test(name);
}

/** A label key as `validation.IsQualifiedName` accepts it: `[prefix/]name`. */
export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  if (prefix !== undefined && !isDnsSubdomain(prefix)) return false;
  return name.length <= KUBE_LIMITS.labelLength && LABEL_NAME.test(name);
}

/** A label value as `validation.IsValidLabelValue` accepts it (may be empty). */
export function isLabelValue(value: string): boolean {
  return (
    value === '' ||
    (value.length <= KUBE_LIMITS.labelLength && LABEL_NAME.test(value))
  );
}

/** Keys whose maps are Kubernetes labels (label rules apply to them). */
const LABEL_MAPS: ReadonlySet<string> = new Set(['labels', 'matchLabels']);

/**
 * A string-to-string map such as labels, annotations or ConfigMap data.
 * Entries whose value is not a string are dropped, never coerced (`42` is not
 * the label `'42'`: the API server would have refused the object). Labels
 * (`labels`, `matchLabels`) must also follow Kubernetes' label key and value
 * rules; other values are capped at KUBE_LIMITS.valueLength.
 */
export function stringMapAt(
  parent: unknown,
  key: string,
): Record<string, string> {
  const labels = LABEL_MAPS.has(key);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(recordAt(parent, key))) {
    if (typeof v !== 'string') continue;
    if (
      labels
        ? !isLabelKey(k) || !isLabelValue(v)
        : v.length > KUBE_LIMITS.valueLength
    )
      continue;
    out[k] = v;
  }
  return out;
}

/** Identity of a raw object, for error messages. */
export function describeObject(raw: unknown): string {
  const kind = stringAt(raw, 'kind') ?? '<no kind>';
  const metadata = recordAt(raw, 'metadata');
  const name = stringAt(metadata, 'name') ?? '<no name>';
  const namespace = stringAt(metadata, 'namespace');
  return namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
}

/** metadata.name, which every object must have, following Kubernetes' name rules. */
export function requireName(raw: unknown): string {
  const name = stringAt(recordAt(raw, 'metadata'), 'name');
  if (!name) {
    throw new InvalidObjectError(
      `${describeObject(raw)}: metadata.name is missing`,
    );
  }
  if (!isDnsSubdomain(name)) {
    throw new InvalidObjectError(
      `${shortDescription(
        raw,
      )}: metadata.name is not a valid Kubernetes name (DNS-1123 subdomain, at most ${
        KUBE_LIMITS.nameLength
      } characters)`,
    );
  }
  return name;
}

/** metadata.namespace, which every namespaced object must have (a DNS-1123 label). */
export function requireNamespace(raw: unknown): string {
  const namespace = stringAt(recordAt(raw, 'metadata'), 'namespace');
  if (!namespace) {
    throw new InvalidObjectError(
      `${describeObject(raw)}: metadata.namespace is missing`,
    );
  }
  if (!isDnsLabel(namespace)) {
    throw new InvalidObjectError(
      `${shortDescription(
        raw,
      )}: metadata.namespace is not a valid namespace name (DNS-1123 label, at most ${
        KUBE_LIMITS.labelLength
      } characters)`,
    );
  }
  return namespace;
}

/** describeObject with names cut short, for objects whose names are the problem. */
function shortDescription(raw: unknown): string {
  const text = describeObject(raw);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
