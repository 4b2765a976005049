import { StructuralSchema, validateStructural } from './structuralSchema';

const check = (schema: StructuralSchema, value: unknown) => {
  const problems: string[] = [];
  validateStructural(schema, value, '', problems);
  return problems;
};

const schema: StructuralSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: '^[a-z]+$', maxLength: 5 },
    replicas: {
      'x-kubernetes-int-or-string': true,
      anyOf: [{ type: 'integer' }, { type: 'string' }],
    },
    free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    empty: { type: 'object' },
    mode: { type: 'string', enum: ['a', 'b'] },
    count: { type: 'integer', format: 'int32', minimum: 0 },
    when: { type: 'string', format: 'date-time', nullable: true },
    list: { type: 'array', maxItems: 1, items: { type: 'string' } },
  },
};

describe('validateStructural', () => {
  it('accepts a valid value', () => {
    expect(
      check(schema, {
        name: 'abc',
        replicas: '50%',
        free: { anything: { goes: 1 } },
        labels: { a: 'b' },
        mode: 'a',
        count: 3,
        when: null,
        list: ['x'],
      }),
    ).toEqual([]);
  });

  it('rejects unknown fields where the schema does not preserve them', () => {
    expect(check(schema, { name: 'a', extra: 1, empty: { x: 1 } })).toEqual([
      'extra: unknown field "extra"',
      'empty.x: unknown field "x"',
    ]);
  });

  it('checks types, enums, patterns, formats, bounds and required', () => {
    expect(
      check(schema, {
        replicas: 1.5,
        mode: 'c',
        count: -1,
        when: 'yesterday',
        list: ['a', 'b'],
        labels: { a: 1 },
      }),
    ).toEqual([
      'name: Required value',
      'replicas: must be an integer or a string',
      'mode: Unsupported value "c": supported values: "a", "b"',
      'count: -1 is below 0',
      'when: not an RFC 3339 date-time',
      'list: more than 1 items',
      'labels.a: Invalid value: "integer": must be of type string',
    ]);
    expect(check(schema, { name: 'ABCDEFG' })).toEqual([
      'name: "ABCDEFG" does not match ^[a-z]+$',
      'name: longer than 5',
    ]);
  });
});
