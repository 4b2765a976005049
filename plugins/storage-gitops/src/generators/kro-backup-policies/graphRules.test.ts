import { evaluateCel, OMIT, parseCel } from '../../testUtils/celSubset';
import {
  extractExpressions,
  graphExpressions,
  renderTemplate,
  withSchemaDefaults,
} from '../../testUtils/kroTemplate';
import { backupPolicyGraphObject, POLICY_SPEC } from './graph';

const graph = backupPolicyGraphObject('velero') as Record<string, any>;

/** Every string value of a template with its path. */
function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value))
    return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      strings(v, path ? `${path}.${k}` : k),
    );
  return [];
}

// Reserved by kro v0.9.3 (pkg/graph/validation.go) and CEL.
const RESERVED = new Set([
  'apiVersion',
  'context',
  'each',
  'externalRef',
  'graph',
  'instance',
  'item',
  'items',
  'kind',
  'kro',
  'metadata',
  'namespace',
  'object',
  'resource',
  'resources',
  'root',
  'runtime',
  'schema',
  'self',
  'spec',
  'status',
  'this',
  'variables',
  'vars',
  'version',
  'in',
  'true',
  'false',
  'null',
]);

describe("the BackupPolicy graph follows kro v0.9.3's rules", () => {
  it('every ${…} scans and parses (double-quoted literals, no nesting, only the supported CEL)', () => {
    const expressions = graphExpressions(graph);
    expect(expressions.length).toBeGreaterThanOrEqual(10);
    for (const expression of expressions)
      expect(() => parseCel(expression)).not.toThrow();
  });

  it('uses omit() only as a whole field value, never for the name', () => {
    const template = graph.spec.resources[0].template;
    const withOmit = strings(template).filter(([, v]) => v.includes('omit()'));
    expect(withOmit.map(([path]) => path)).toEqual([
      'metadata.labels.gitops-storage.dev/tier',
      'spec.template.labelSelector',
      'spec.template.storageLocation',
    ]);
    for (const [, value] of withOmit) {
      const [match] = extractExpressions(value);
      expect([match.start, match.end]).toEqual([0, value.length]);
    }
  });

  it('has a valid resource id and no kro.run/ labels of its own', () => {
    for (const resource of graph.spec.resources) {
      expect(resource.id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(RESERVED.has(resource.id)).toBe(false);
      expect(
        Object.keys(resource.template.metadata.labels ?? {}).filter(k =>
          k.startsWith('kro.run/'),
        ),
      ).toEqual([]);
    }
  });

  it('is ready once Velero enabled the Schedule', () => {
    const [readyWhen] = graph.spec.resources[0].readyWhen;
    const expr = extractExpressions(readyWhen)[0].expr;
    expect(evaluateCel(expr, { schedule: { metadata: {} } })).toBe(false);
    expect(
      evaluateCel(expr, {
        schedule: { status: { phase: 'FailedValidation' } },
      }),
    ).toBe(false);
    expect(
      evaluateCel(expr, { schedule: { status: { phase: 'Enabled' } } }),
    ).toBe(true);
    const status = renderTemplate(graph.spec.schema.status, {
      schedule: { metadata: { name: 'ns-a' }, status: { phase: 'New' } },
    });
    expect(status).toEqual({ schedule: 'ns-a', phase: 'New' });
  });

  it('defaults the spec as the generated CRD does', () => {
    expect(withSchemaDefaults({ rpo: '6h' }, POLICY_SPEC)).toEqual({
      rpo: '6h',
      tiers: [],
      paused: false,
      storageLocation: '',
      labelSelector: { matchLabels: {} },
    });
  });
});

describe('the kro template renderer', () => {
  it('scans like kro: braces in double-quoted literals, an unterminated ${ skipped, nesting refused', () => {
    expect(extractExpressions('a-${x.y}-${"}"}').map(m => m.expr)).toEqual([
      'x.y',
      '"}"',
    ]);
    expect(extractExpressions('${ab')).toEqual([]);
    expect(() => extractExpressions('${f(${x})}')).toThrow(/nested/);
  });

  it('evaluates the subset and refuses what it does not know', () => {
    const vars = { s: { a: 'x', l: ['p', 'q'], m: {} } };
    expect(evaluateCel('"ns-" + s.a', vars)).toBe('ns-x');
    expect(evaluateCel('size(s.l) > 1 ? s.l.join("_") : omit()', vars)).toBe(
      'p_q',
    );
    expect(evaluateCel('size(s.m) > 0 ? s.m : omit()', vars)).toBe(OMIT);
    expect(() => evaluateCel('s.missing', vars)).toThrow(/no such key/);
    expect(() => evaluateCel('"a" + 1', vars)).toThrow(/overload/);
    expect(() => evaluateCel("'single'", vars)).toThrow(/single-quoted/);
    expect(() => evaluateCel('s.l.map(x, x)', vars)).toThrow(/unsupported/);
  });

  it('drops omitted fields and refuses non-strings inside strings', () => {
    expect(
      renderTemplate(
        { a: '${omit()}', b: ['${omit()}', 'k'], c: 'n-${s}' },
        { s: 'v' },
      ),
    ).toEqual({ b: ['k'], c: 'n-v' });
    expect(() => renderTemplate({ c: 'n-${s}' }, { s: true })).toThrow(
      /must give a string/,
    );
  });
});
