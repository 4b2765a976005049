/**
 * The CRD kro generates from a ResourceGraphDefinition's simple schema
 * (kro v0.9 "SimpleSchema": `string | required=true pattern="…" enum="a,b"`,
 * `[]Type`, `map[string]Type`, custom `types`), for the subset the
 * generators use, so instances can be validated like the API server would.
 */
type Obj = Record<string, any>;
type Schema = Record<string, unknown>;

const MARKER = /(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g;

function fieldSchema(
  spec: string,
  types: Obj,
): { schema: Schema; required: boolean } {
  const [typePart, markerPart = ''] = spec.split('|').map(s => s.trim());
  const markers: Record<string, string> = {};
  for (const m of markerPart.matchAll(MARKER))
    markers[m[1]] = m[2].startsWith('"') ? JSON.parse(m[2]) : m[2];
  const schema = typeSchema(typePart, types);
  if (markers.pattern) schema.pattern = markers.pattern;
  if (markers.enum) schema.enum = markers.enum.split(',');
  if (markers.minimum) schema.minimum = Number(markers.minimum);
  if (markers.maximum) schema.maximum = Number(markers.maximum);
  return { schema, required: markers.required === 'true' };
}

function typeSchema(type: string, types: Obj): Schema {
  if (type.startsWith('[]'))
    return { type: 'array', items: typeSchema(type.slice(2), types) };
  const map = /^map\[string\](.+)$/.exec(type);
  if (map)
    return { type: 'object', additionalProperties: typeSchema(map[1], types) };
  if (['string', 'integer', 'boolean', 'number'].includes(type))
    return { type };
  if (type === 'object')
    return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  if (types[type]) return objectSchema(types[type], types);
  throw new Error(`kro simple schema: unknown type ${type}`);
}

function objectSchema(fields: Obj, types: Obj): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    if (typeof spec === 'string') {
      const field = fieldSchema(spec, types);
      properties[name] = field.schema;
      if (field.required) required.push(name);
    } else properties[name] = objectSchema(spec as Obj, types);
  }
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
  };
}

/** The CustomResourceDefinition object kro would create for the graph. */
export function kroInstanceCrd(graph: Obj): Obj {
  const schema = graph.spec.schema as Obj;
  const types = (schema.types ?? {}) as Obj;
  const group = (schema.group as string | undefined) ?? 'kro.run';
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    spec: {
      group,
      scope: schema.scope ?? 'Namespaced',
      names: { kind: schema.kind },
      versions: [
        {
          name: schema.apiVersion,
          served: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                apiVersion: { type: 'string' },
                kind: { type: 'string' },
                metadata: { type: 'object' },
                spec: objectSchema(schema.spec ?? {}, types),
                status: {
                  type: 'object',
                  'x-kubernetes-preserve-unknown-fields': true,
                },
              },
            },
          },
        },
      ],
    },
  };
}
