/**
 * Validation of a value against a CRD's structural schema (openAPIV3Schema),
 * with the semantics of the Kubernetes API server that matter for manifests:
 * - a field not declared by `properties` (and not covered by
 *   `additionalProperties` or `x-kubernetes-preserve-unknown-fields`) is an
 *   error, as `kubectl apply --validate=strict` reports it (the server would
 *   otherwise prune it silently);
 * - `x-kubernetes-int-or-string`, `nullable`, `x-kubernetes-embedded-resource`;
 * - type, enum, required, pattern, format (int32, int64, date-time, byte),
 *   min/max length, items, properties and value bounds; anyOf/allOf/oneOf/not.
 * CEL rules (`x-kubernetes-validations`) are not evaluated.
 */
export type StructuralSchema = {
  type?: string;
  properties?: Record<string, StructuralSchema>;
  additionalProperties?: boolean | StructuralSchema;
  items?: StructuralSchema;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  anyOf?: StructuralSchema[];
  allOf?: StructuralSchema[];
  oneOf?: StructuralSchema[];
  not?: StructuralSchema;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
};

/** Path of a field for messages, like kubectl prints it: `spec.template.ttl`, `items[0]`. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(type: string, value: unknown): boolean {
  const actual = typeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

const INT32 = 2 ** 31;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function formatProblem(format: string, value: unknown): string | undefined {
  if (format === 'int32' && typeof value === 'number')
    return value < -INT32 || value >= INT32 ? 'out of int32 range' : undefined;
  if (format === 'date-time' && typeof value === 'string')
    return DATE_TIME.test(value) ? undefined : 'not an RFC 3339 date-time';
  if (format === 'byte' && typeof value === 'string')
    return BASE64.test(value) ? undefined : 'not base64';
  return undefined;
}

function checkScalar(
  schema: StructuralSchema,
  value: unknown,
  path: string,
  problems: string[],
) {
  const at = path || '<root>';
  if (schema.enum && !schema.enum.some(e => e === value))
    problems.push(
      `${at}: Unsupported value ${JSON.stringify(
        value,
      )}: supported values: ${schema.enum
        .map(e => JSON.stringify(e))
        .join(', ')}`,
    );
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
      problems.push(
        `${at}: ${JSON.stringify(value)} does not match ${schema.pattern}`,
      );
    if (schema.minLength !== undefined && value.length < schema.minLength)
      problems.push(`${at}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      problems.push(`${at}: longer than ${schema.maxLength}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined) {
      const low = schema.exclusiveMinimum
        ? value <= schema.minimum
        : value < schema.minimum;
      if (low) problems.push(`${at}: ${value} is below ${schema.minimum}`);
    }
    if (schema.maximum !== undefined) {
      const high = schema.exclusiveMaximum
        ? value >= schema.maximum
        : value > schema.maximum;
      if (high) problems.push(`${at}: ${value} is above ${schema.maximum}`);
    }
  }
  if (schema.format) {
    const problem = formatProblem(schema.format, value);
    if (problem) problems.push(`${at}: ${problem}`);
  }
}

function checkObject(
  schema: StructuralSchema,
  value: Record<string, unknown>,
  path: string,
  problems: string[],
) {
  const properties = schema.properties ?? {};
  for (const key of schema.required ?? [])
    if (value[key] === undefined)
      problems.push(`${joinPath(path, key)}: Required value`);
  const count = Object.keys(value).length;
  if (schema.minProperties !== undefined && count < schema.minProperties)
    problems.push(
      `${path || '<root>'}: fewer than ${schema.minProperties} properties`,
    );
  if (schema.maxProperties !== undefined && count > schema.maxProperties)
    problems.push(
      `${path || '<root>'}: more than ${schema.maxProperties} properties`,
    );
  const embedded = schema['x-kubernetes-embedded-resource'] === true;
  for (const [key, child] of Object.entries(value)) {
    const childPath = joinPath(path, key);
    if (properties[key]) {
      validateStructural(properties[key], child, childPath, problems);
    } else if (typeof schema.additionalProperties === 'object') {
      validateStructural(
        schema.additionalProperties,
        child,
        childPath,
        problems,
      );
    } else if (
      schema.additionalProperties === true ||
      schema['x-kubernetes-preserve-unknown-fields'] === true ||
      (embedded && ['apiVersion', 'kind', 'metadata'].includes(key))
    ) {
      continue;
    } else {
      problems.push(`${childPath}: unknown field "${key}"`);
    }
  }
}

/** Appends to `problems` one line per way `value` breaks `schema`. */
export function validateStructural(
  schema: StructuralSchema,
  value: unknown,
  path: string,
  problems: string[],
): void {
  if (value === null && schema.nullable) return;
  if (value === undefined) return;
  const intOrString = schema['x-kubernetes-int-or-string'] === true;
  if (intOrString) {
    if (typeOf(value) !== 'integer' && typeof value !== 'string') {
      problems.push(`${path || '<root>'}: must be an integer or a string`);
      return;
    }
  } else if (schema.type && !typeMatches(schema.type, value)) {
    problems.push(
      `${path || '<root>'}: Invalid value: "${typeOf(
        value,
      )}": must be of type ${schema.type}`,
    );
    return;
  }
  checkScalar(schema, value, path, problems);
  for (const sub of schema.allOf ?? [])
    validateStructural(sub, value, path, problems);
  if (schema.anyOf && !intOrString) {
    const passes = schema.anyOf.some(sub => {
      const subProblems: string[] = [];
      validateStructural(sub, value, path, subProblems);
      return subProblems.length === 0;
    });
    if (!passes) problems.push(`${path || '<root>'}: matches none of anyOf`);
  }
  if (schema.oneOf) {
    const matched = schema.oneOf.filter(sub => {
      const subProblems: string[] = [];
      validateStructural(sub, value, path, subProblems);
      return subProblems.length === 0;
    }).length;
    if (matched !== 1)
      problems.push(`${path || '<root>'}: must match exactly one of oneOf`);
  }
  if (schema.not) {
    const subProblems: string[] = [];
    validateStructural(schema.not, value, path, subProblems);
    if (subProblems.length === 0)
      problems.push(`${path || '<root>'}: must not match "not"`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      problems.push(`${path || '<root>'}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      problems.push(`${path || '<root>'}: more than ${schema.maxItems} items`);
    if (schema.items)
      value.forEach((item, i) =>
        validateStructural(schema.items!, item, joinPath(path, i), problems),
      );
    return;
  }
  if (
    typeOf(value) === 'object' &&
    (schema.type === 'object' || schema.properties)
  )
    checkObject(schema, value as Record<string, unknown>, path, problems);
}
