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

/** A string-to-string map such as labels or annotations. */
export function stringMapAt(
  parent: unknown,
  key: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(recordAt(parent, key))) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean')
      out[k] = String(v);
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

/** metadata.name, which every object must have. */
export function requireName(raw: unknown): string {
  const name = stringAt(recordAt(raw, 'metadata'), 'name');
  if (!name) {
    throw new InvalidObjectError(
      `${describeObject(raw)}: metadata.name is missing`,
    );
  }
  return name;
}

/** metadata.namespace, which every namespaced object must have. */
export function requireNamespace(raw: unknown): string {
  const namespace = stringAt(recordAt(raw, 'metadata'), 'namespace');
  if (!namespace) {
    throw new InvalidObjectError(
      `${describeObject(raw)}: metadata.namespace is missing`,
    );
  }
  return namespace;
}
