import { parse } from 'yaml';
import { evaluateCel, OMIT } from '../../testUtils/celSubset';
import { exampleInput } from '../../testUtils/fixtureRepo';
import { generateChain } from '../../testUtils/harness';
import {
  extractExpressions,
  withSchemaDefaults,
} from '../../testUtils/kroTemplate';
import { realCel, type RealCel } from '../../testUtils/realCel';
import { veleroGenerator } from '../velero';
import { kroBackupPoliciesGenerator } from '.';

/** kro's omit() as the real CEL sees it: a function giving a sentinel. */
const REAL_OMIT = { omitted: true };

let cel: RealCel;
beforeAll(async () => {
  cel = (await realCel()).registerFunction('omit(): dyn', () => REAL_OMIT);
});

/** The real CEL's value in the subset evaluator's terms (ints are bigint there). */
function normal(value: unknown): unknown {
  if (value === REAL_OMIT) return OMIT;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Map)
    return Object.fromEntries([...value].map(([k, v]) => [k, normal(v)]));
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, normal(v)]),
    );
  return value;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object')
    return Object.values(value).flatMap(strings);
  return [];
}

const files = generateChain([
  [veleroGenerator, exampleInput('velero')],
  [kroBackupPoliciesGenerator, exampleInput('kro-backup-policies')],
]).files;
const graph = parse(
  files['apps/storage/overlays/prod/backup-policy-graph.yaml'],
);
const [resource] = graph.spec.resources;
const templateExpressions = strings(resource.template).flatMap(s =>
  extractExpressions(s).map(m => m.expr),
);
const policies = ['billing', 'search', 'media'].map(ns =>
  parse(files[`apps/storage/backup-policies/base/${ns}.yaml`]),
);

describe('the graph’s CEL, checked with a real CEL implementation (@marcbachmann/cel-js)', () => {
  it.each(policies.map(p => [p.metadata.namespace, p] as const))(
    '%s: every template expression gives what the subset evaluator gives',
    (_ns, policy) => {
      const schema = {
        ...policy,
        spec: withSchemaDefaults(policy.spec, graph.spec.schema.spec),
      };
      expect(templateExpressions.length).toBe(9);
      for (const expression of templateExpressions)
        expect([
          expression,
          normal(cel.evaluate(expression, { schema })),
        ]).toEqual([expression, evaluateCel(expression, { schema })]);
    },
  );

  it('readiness and status, before and after Velero enabled the Schedule', () => {
    const expressions = [
      ...resource.readyWhen,
      ...Object.values(graph.spec.schema.status),
    ].flatMap((s: string) => extractExpressions(s).map(m => m.expr));
    for (const schedule of [
      { metadata: { name: 'ns-a' } },
      { metadata: { name: 'ns-a' }, status: { phase: 'Enabled' } },
      { metadata: { name: 'ns-a' }, status: { phase: 'FailedValidation' } },
    ])
      for (const expression of expressions)
        expect(normal(cel.evaluate(expression, { schedule }))).toEqual(
          evaluateCel(expression, { schedule }),
        );
  });

  it.each(['"a" + 1', 'schema.spec.missing'])(
    'both refuse what CEL refuses: %s',
    bad => {
      const schema = { spec: {} };
      expect(() => cel.evaluate(bad, { schema })).toThrow();
      expect(() => evaluateCel(bad, { schema })).toThrow();
    },
  );
});
