import fc from 'fast-check';
import { readBackupScope } from './backupSpec';
import { matchesBackupSelectors } from './selectors';

const labels = { app: 'orders-service', backup: 'daily' };

describe('matchesBackupSelectors (item_collector.go listResourceByLabelsPerNamespace)', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['no selection keeps everything', {}, true],
    [
      'labelSelector match',
      { labelSelector: { matchLabels: { backup: 'daily' } } },
      true,
    ],
    [
      'labelSelector miss',
      { labelSelector: { matchLabels: { backup: 'weekly' } } },
      false,
    ],
    [
      'orLabelSelectors: one of them matches',
      {
        orLabelSelectors: [
          { matchLabels: { backup: 'weekly' } },
          { matchLabels: { app: 'orders-service' } },
        ],
      },
      true,
    ],
    [
      'orLabelSelectors: none matches',
      {
        orLabelSelectors: [
          { matchLabels: { backup: 'weekly' } },
          { matchLabels: { app: 'x' } },
        ],
      },
      false,
    ],
    [
      'orLabelSelectors with expressions',
      {
        orLabelSelectors: [
          {
            matchExpressions: [
              { key: 'backup', operator: 'In', values: ['daily', 'hourly'] },
            ],
          },
        ],
      },
      true,
    ],
    // item_collector.listResourceByLabelsPerNamespace lists with
    // metav1.FormatLabelSelector, which turns {} into "<none>": the API
    // server rejects that selector and the namespace's items are not listed.
    ['empty labelSelector selects nothing', { labelSelector: {} }, false],
  ])('%s', (_name, spec, expected) => {
    expect(matchesBackupSelectors(readBackupScope(spec), labels)).toBe(
      expected,
    );
  });

  it('orLabelSelectors match iff some single selector matches', () => {
    const key = fc.constantFrom('a', 'b', 'c');
    const value = fc.constantFrom('1', '2');
    const selector = fc.dictionary(key, value, { maxKeys: 2 });
    fc.assert(
      fc.property(
        fc.dictionary(key, value),
        fc.array(selector, { minLength: 1, maxLength: 4 }),
        (podLabels, selectors) => {
          const scope = readBackupScope({
            orLabelSelectors: selectors.map(matchLabels => ({ matchLabels })),
          });
          // One empty selector fails the whole list call (see above).
          const expected =
            selectors.every(s => Object.keys(s).length > 0) &&
            selectors.some(s =>
              Object.entries(s).every(([k, v]) => podLabels[k] === v),
            );
          expect(matchesBackupSelectors(scope, podLabels)).toBe(expected);
        },
      ),
    );
  });
});
