import {
  includesExcludesErrors,
  namespaceListErrors,
  namespacePatternErrors,
  scopedIncludesExcludesErrors,
} from './namespaceValidation';

// Mirrors collections.validateNamespaceName and wildcard.ValidateNamespaceName
// (expand_test.go TestValidateBracePatterns; includes_excludes_test.go
// TestValidateNamespaceIncludesExcludes).
describe('namespacePatternErrors (validateNamespaceName)', () => {
  it.each<[string, boolean]>([
    ['payments', true],
    ['team-*', true],
    ['app?', true],
    ['[a-c]pp', true],
    ['*', true],
    ['', true], // empty names are skipped
    ['a**', false], // consecutive asterisks
    ['{a,b}', false], // braces are not supported
    ['a|b', false],
    ['!app', false],
    ['[]pp', false], // empty bracket
    ['[app', false], // unclosed bracket
    ['app]', false], // unmatched closing bracket
    ['Payments', false], // not a DNS-1123 label
    ['-app', false],
    ['a'.repeat(64), false],
  ])('%s → valid %s', (pattern, valid) => {
    expect(namespacePatternErrors(pattern).length === 0).toBe(valid);
  });
});

// Mirrors collections.ValidateIncludesExcludes (TestValidateIncludesExcludes).
describe('includesExcludesErrors (ValidateIncludesExcludes)', () => {
  it.each<[string[], string[], number]>([
    [[], [], 0],
    [['*'], [], 0],
    [['*', 'pods'], [], 1],
    [['pods'], ['*'], 1],
    [['pods'], ['pods'], 1],
    [['pods'], ['persistentvolumeclaims'], 0],
  ])('%j / %j → %d errors', (inc, exc, count) => {
    expect(includesExcludesErrors(inc, exc)).toHaveLength(count);
  });
});

// Mirrors collections.ValidateScopedIncludesExcludes (TestValidateScopedIncludesExcludes).
describe('scopedIncludesExcludesErrors (ValidateScopedIncludesExcludes)', () => {
  it.each<[string[], string[], number]>([
    [[], ['*'], 0], // '*' alone in excludes is allowed for scoped filters
    [['pods'], ['*'], 1],
    [[], ['*', 'pods'], 1],
    [['*', 'pods'], [], 1],
    [['pods'], ['pods'], 1],
  ])('%j / %j → %d errors', (inc, exc, count) => {
    expect(scopedIncludesExcludesErrors(inc, exc)).toHaveLength(count);
  });
});

// prepareBackupRequest: empty includes become "*", labelled namespaces are
// appended to the excludes, then ValidateNamespaceIncludesExcludes.
describe('namespaceListErrors (prepareBackupRequest)', () => {
  it('accepts empty includes with wildcard excludes (TestPrepareBackupRequest_EmptyIncludedNamespacesNormalizedToWildcard)', () => {
    expect(namespaceListErrors([], ['kube-*'])).toEqual([]);
  });
  it('rejects a namespace that is both included and labelled exclude-from-backup', () => {
    expect(namespaceListErrors(['payments'], ['payments'])).toEqual([
      'excludes list cannot contain an item in the includes list: payments',
    ]);
  });
  it("rejects '*' next to other includes", () => {
    expect(namespaceListErrors(['*', 'payments'], [])).toHaveLength(1);
  });
});
