import fc from 'fast-check';
import { matchesGlob, namespaceScope } from './namespaceGlob';

describe('matchesGlob (gobwas/glob as globStringSet.match compiles it)', () => {
  it.each([
    ['*', 'payments', true],
    ['*', '', true],
    ['payments', 'payments', true],
    ['payments', 'payments-dev', false],
    ['pay*', 'payments', true],
    ['*-prod', 'orders-prod', true],
    ['*-prod', 'orders-dev', false],
    ['team-?', 'team-a', true],
    ['team-?', 'team-ab', false],
    ['team-[a-c]', 'team-b', true],
    ['team-[a-c]', 'team-d', false],
    ['team-[!a-c]', 'team-d', true],
    ['team-[!a-c]', 'team-a', false],
    ['[0-9]*', '9lives', true],
    ['[0-9]*', 'nine', false],
    ['{orders,payments}', 'orders', true],
    ['{orders,payments}', 'search', false],
    ['kube-*', 'kube-system', true],
    ['kube-*', 'kubernetes', false],
    ['a.b', 'a.b', true],
    ['a.b', 'axb', false],
    ['\\*', '*', true],
    ['\\*', 'x', false],
    ['team-[', 'team-[', true],
  ])('%s ~ %s is %s', (pattern, name, expected) => {
    expect(matchesGlob(pattern, name)).toBe(expected);
  });
});

/** A slow but obviously correct matcher for `*`, `?` and literals. */
function reference(pattern: string, name: string): boolean {
  if (pattern.length === 0) return name.length === 0;
  const [head, rest] = [pattern[0], pattern.slice(1)];
  if (head === '*') {
    for (let i = 0; i <= name.length; i++) {
      if (reference(rest, name.slice(i))) return true;
    }
    return false;
  }
  if (name.length === 0) return false;
  return (head === '?' || head === name[0]) && reference(rest, name.slice(1));
}

const namespaceName = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,14}[a-z0-9])?$/);

describe('matchesGlob properties', () => {
  it('agrees with a reference matcher on *, ? and literals', () => {
    const alphabet = fc.constantFrom('a', 'b', '-', '*', '?');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 8 }).map(cs => cs.join('')),
        fc
          .array(fc.constantFrom('a', 'b', '-'), { maxLength: 8 })
          .map(cs => cs.join('')),
        (pattern, name) => {
          expect(matchesGlob(pattern, name)).toBe(reference(pattern, name));
        },
      ),
    );
  });

  it('a name without glob characters matches only itself', () => {
    fc.assert(
      fc.property(namespaceName, namespaceName, (a, b) => {
        expect(matchesGlob(a, b)).toBe(a === b);
      }),
    );
  });

  it('* matches every name, and prefix* every name with that prefix', () => {
    fc.assert(
      fc.property(namespaceName, namespaceName, (prefix, suffix) => {
        expect(matchesGlob('*', prefix)).toBe(true);
        expect(matchesGlob(`${prefix}*`, `${prefix}${suffix}`)).toBe(true);
      }),
    );
  });

  it('replacing characters with ? keeps a match', () => {
    fc.assert(
      fc.property(
        namespaceName,
        fc.array(fc.nat(), { maxLength: 4 }),
        (name, positions) => {
          const chars = [...name];
          for (const p of positions) chars[p % chars.length] = '?';
          expect(matchesGlob(chars.join(''), name)).toBe(true);
          expect(matchesGlob(chars.join(''), `${name}x`)).toBe(false);
        },
      ),
    );
  });

  it('[a-z] matches exactly one lowercase letter', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 2 }), s => {
        expect(matchesGlob('[a-z]', s)).toBe(/^[a-z]$/.test(s));
      }),
    );
  });
});

describe('namespaceScope (collections.IncludesExcludes.ShouldInclude; includes_excludes_test.go TestShouldInclude)', () => {
  it.each([
    [{}, 'payments', 'included'],
    [{ includedNamespaces: [] }, 'payments', 'included'],
    [{ includedNamespaces: ['*'] }, 'payments', 'included'],
    [{ includedNamespaces: ['payments'] }, 'payments', 'included'],
    [{ includedNamespaces: ['orders'] }, 'payments', 'not-included'],
    [{ includedNamespaces: ['pay*'] }, 'payments', 'included'],
    [{ excludedNamespaces: ['payments'] }, 'payments', 'excluded'],
    [
      { includedNamespaces: ['*'], excludedNamespaces: ['kube-*'] },
      'kube-system',
      'excluded',
    ],
    [
      { includedNamespaces: ['*'], excludedNamespaces: ['kube-*'] },
      'orders',
      'included',
    ],
    [
      { includedNamespaces: ['payments'], excludedNamespaces: ['pay*'] },
      'payments',
      'excluded',
    ],
    [{ includedNamespaces: ['team-?'] }, 'team-a', 'included'],
    [{ includedNamespaces: ['team-[a-c]'] }, 'team-z', 'not-included'],
  ] as const)('%j treats %s as %s', (filters, namespace, expected) => {
    expect(namespaceScope(filters, namespace)).toBe(expected);
  });

  it('an exclusion always wins over an inclusion', () => {
    fc.assert(
      fc.property(namespaceName, name => {
        expect(
          namespaceScope(
            { includedNamespaces: ['*', name], excludedNamespaces: [name] },
            name,
          ),
        ).toBe('excluded');
      }),
    );
  });
});
