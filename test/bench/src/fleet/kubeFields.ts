/** RFC 3339 without fractions, as the API server writes times. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * One `metadata.managedFields` entry. The API server returns them on every
 * list unless asked not to, so they are part of what a client parses.
 */
export function managedFields(
  manager: string,
  apiVersion: string,
  time: string,
  fields: Record<string, unknown>,
  subresource?: string,
): Record<string, unknown> {
  return {
    manager,
    operation: 'Update',
    apiVersion,
    time,
    fieldsType: 'FieldsV1',
    fieldsV1: fields,
    ...(subresource ? { subresource } : {}),
  };
}

/** `{ "f:a": {}, "f:b": {} }` for field-ownership sets. */
export function owned(...names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) out[`f:${name}`] = {};
  return out;
}
