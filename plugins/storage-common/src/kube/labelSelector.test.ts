import fc from 'fast-check';
import {
  formatLabelSelector,
  matchesLabelSelector,
  readLabelSelector,
  type LabelSelector,
} from './labelSelector';

const pod = { app: 'payments-api', tier: 'backend', backup: 'enabled' };

describe('matchesLabelSelector', () => {
  it.each<[string, LabelSelector, boolean]>([
    ['empty selector', {}, true],
    ['matchLabels hit', { matchLabels: { app: 'payments-api' } }, true],
    ['matchLabels wrong value', { matchLabels: { app: 'orders' } }, false],
    ['matchLabels missing key', { matchLabels: { team: 'payments' } }, false],
    [
      'matchLabels all must hold',
      { matchLabels: { app: 'payments-api', tier: 'db' } },
      false,
    ],
    [
      'In hit',
      {
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['db', 'backend'] },
        ],
      },
      true,
    ],
    [
      'In miss',
      { matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }] },
      false,
    ],
    [
      'In missing key',
      { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
      false,
    ],
    [
      'NotIn hit',
      {
        matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }],
      },
      true,
    ],
    [
      'NotIn miss',
      {
        matchExpressions: [
          { key: 'tier', operator: 'NotIn', values: ['backend'] },
        ],
      },
      false,
    ],
    [
      'NotIn missing key matches',
      { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] },
      true,
    ],
    [
      'Exists hit',
      { matchExpressions: [{ key: 'backup', operator: 'Exists' }] },
      true,
    ],
    [
      'Exists miss',
      { matchExpressions: [{ key: 'skip', operator: 'Exists' }] },
      false,
    ],
    [
      'DoesNotExist hit',
      { matchExpressions: [{ key: 'skip', operator: 'DoesNotExist' }] },
      true,
    ],
    [
      'DoesNotExist miss',
      { matchExpressions: [{ key: 'backup', operator: 'DoesNotExist' }] },
      false,
    ],
    [
      'unknown operator selects nothing',
      { matchExpressions: [{ key: 'app', operator: 'Like', values: ['x'] }] },
      false,
    ],
    [
      'labels and expressions are ANDed',
      {
        matchLabels: { app: 'payments-api' },
        matchExpressions: [
          { key: 'backup', operator: 'In', values: ['disabled'] },
        ],
      },
      false,
    ],
  ])('%s', (_name, selector, expected) => {
    expect(matchesLabelSelector(selector, pod)).toBe(expected);
  });
});

describe('readLabelSelector', () => {
  it('reads matchLabels and matchExpressions', () => {
    expect(
      readLabelSelector({
        matchLabels: { app: 'x' },
        matchExpressions: [{ key: 'k', operator: 'In', values: ['a'] }],
      }),
    ).toEqual({
      matchLabels: { app: 'x' },
      matchExpressions: [{ key: 'k', operator: 'In', values: ['a'] }],
    });
    expect(readLabelSelector(undefined)).toBeUndefined();
    expect(readLabelSelector({})).toEqual({});
  });

  it('formats like kubectl', () => {
    expect(
      formatLabelSelector({
        matchLabels: { app: 'x' },
        matchExpressions: [
          { key: 'a', operator: 'Exists' },
          { key: 'b', operator: 'DoesNotExist' },
          { key: 'c', operator: 'NotIn', values: ['1', '2'] },
        ],
      }),
    ).toBe('app=x, a, !b, c notin (1,2)');
  });
});

const key = fc.constantFrom('app', 'tier', 'team', 'backup', 'zone');
const value = fc.constantFrom('a', 'b', 'c');
const labelsArb = fc.dictionary(key, value);
const operator = fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist');
const requirement = fc.record({
  key,
  operator,
  values: fc.array(value, { minLength: 1, maxLength: 3 }),
});
const selectorArb: fc.Arbitrary<LabelSelector> = fc.record(
  {
    matchLabels: fc.dictionary(key, value, { maxKeys: 2 }),
    matchExpressions: fc.array(requirement, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

describe('matchesLabelSelector properties', () => {
  it('a selector made of a subset of the labels matches them', () => {
    fc.assert(
      fc.property(labelsArb, fc.func(fc.boolean()), (labels, keep) => {
        const matchLabels = Object.fromEntries(
          Object.entries(labels).filter((_entry, i) => keep(i)),
        );
        expect(matchesLabelSelector({ matchLabels }, labels)).toBe(true);
      }),
    );
  });

  it('NotIn is the negation of In, DoesNotExist of Exists', () => {
    fc.assert(
      fc.property(labelsArb, requirement, (labels, req) => {
        const with_ = (op: string) =>
          matchesLabelSelector(
            { matchExpressions: [{ ...req, operator: op }] },
            labels,
          );
        expect(with_('NotIn')).toBe(!with_('In'));
        expect(with_('DoesNotExist')).toBe(!with_('Exists'));
      }),
    );
  });

  it('requirements are ANDed: the union matches iff both parts match', () => {
    fc.assert(
      fc.property(labelsArb, selectorArb, selectorArb, (labels, a, b) => {
        const union: LabelSelector = {
          matchExpressions: [
            ...(a.matchExpressions ?? []),
            ...(b.matchExpressions ?? []),
            ...Object.entries({ ...a.matchLabels }).map(([k, v]) => ({
              key: k,
              operator: 'In',
              values: [v],
            })),
            ...Object.entries({ ...b.matchLabels }).map(([k, v]) => ({
              key: k,
              operator: 'In',
              values: [v],
            })),
          ],
        };
        expect(matchesLabelSelector(union, labels)).toBe(
          matchesLabelSelector(a, labels) && matchesLabelSelector(b, labels),
        );
      }),
    );
  });

  it('labels the selector does not mention do not change the result', () => {
    fc.assert(
      fc.property(labelsArb, selectorArb, value, (labels, selector, v) => {
        const extended = { ...labels, 'unrelated.example.com/key': v };
        expect(matchesLabelSelector(selector, extended)).toBe(
          matchesLabelSelector(selector, labels),
        );
      }),
    );
  });
});
