import {
  InvalidObjectError,
  isLabelKey,
  isLabelValue,
  requireName,
  requireNamespace,
  stringMapAt,
} from './objects';

const withMeta = (metadata: unknown) => ({ kind: 'Pod', metadata });

describe('Kubernetes name rules (apimachinery validation)', () => {
  it('accepts DNS-1123 subdomain names and refuses others', () => {
    expect(requireName(withMeta({ name: 'data-0.web' }))).toBe('data-0.web');
    for (const bad of ['Data', '-data', 'data-', 'da_ta', 'a'.repeat(254)]) {
      expect(() => requireName(withMeta({ name: bad }))).toThrow(
        InvalidObjectError,
      );
    }
    expect(requireName(withMeta({ name: 'a'.repeat(253) }))).toHaveLength(253);
  });

  it('keeps error messages short for huge names', () => {
    const error = (() => {
      try {
        requireName(withMeta({ name: 'X'.repeat(200_000) }));
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.message.length).toBeLessThan(300);
  });

  it('requires namespaces to be DNS-1123 labels', () => {
    expect(requireNamespace(withMeta({ name: 'a', namespace: 'team-a' }))).toBe(
      'team-a',
    );
    expect(() =>
      requireNamespace(withMeta({ name: 'a', namespace: 'a.b' })),
    ).toThrow(InvalidObjectError);
    expect(() =>
      requireNamespace(withMeta({ name: 'a', namespace: 'n'.repeat(64) })),
    ).toThrow(InvalidObjectError);
  });

  it('treats metadata: null as a missing name', () => {
    expect(() => requireName(withMeta(null))).toThrow(/metadata.name/);
  });
});

describe('stringMapAt', () => {
  it('drops non-string label values instead of coercing them', () => {
    const labels = stringMapAt(
      { labels: { app: 'web', id: 42, on: true, nested: { a: 1 } } },
      'labels',
    );
    expect(labels).toEqual({ app: 'web' });
  });

  it('drops labels that break the key or value rules', () => {
    const labels = stringMapAt(
      {
        labels: {
          'backstage.io/kubernetes-id': 'payments-api',
          'bad key': 'x',
          long: 'v'.repeat(64),
          'Bad.Prefix/x': 'y',
          empty: '',
        },
      },
      'labels',
    );
    expect(labels).toEqual({
      'backstage.io/kubernetes-id': 'payments-api',
      empty: '',
    });
  });

  it('keeps free-form annotation values, but not non-strings', () => {
    expect(
      stringMapAt(
        { annotations: { note: 'any text: at all', n: 1 } },
        'annotations',
      ),
    ).toEqual({ note: 'any text: at all' });
  });

  it('follows the label key and value grammar', () => {
    expect(isLabelKey('app.kubernetes.io/name')).toBe(true);
    expect(isLabelKey('/name')).toBe(false);
    expect(isLabelKey(`${'a'.repeat(64)}`)).toBe(false);
    expect(isLabelValue('v1.2_3-x')).toBe(true);
    expect(isLabelValue('-x')).toBe(false);
  });
});
