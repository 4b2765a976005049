/**
 * Velero's namespace list validation (`collections.ValidateNamespaceIncludesExcludes`,
 * `validateNamespaceName`, `wildcard.ValidateNamespaceName`): what makes a
 * Backup `FailedValidation` before it copies anything.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** `wildcard.ValidateNamespaceName` and its bracket check. */
function wildcardError(pattern: string): string | undefined {
  if (/[|()!{},]/.test(pattern)) {
    return 'wildcard pattern contains unsupported characters: |, (, ), !, {, }, ,';
  }
  if (pattern.includes('**')) {
    return 'wildcard pattern contains consecutive asterisks (only single * allowed)';
  }
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === ']') {
      return "wildcard pattern contains unmatched closing bracket ']'";
    }
    if (pattern[i] !== '[') continue;
    const close = pattern.indexOf(']', i + 1);
    if (close < 0) return "wildcard pattern contains unclosed bracket '['";
    if (close === i + 1)
      return "wildcard pattern contains empty bracket pattern '[]'";
    i = close;
  }
  return undefined;
}

/** `validateNamespaceName`: glob rules, then a DNS-1123 label with wildcards as letters. */
export function namespacePatternErrors(pattern: string): string[] {
  if (pattern === '') return [];
  const wildcard = wildcardError(pattern);
  if (wildcard) return [wildcard];
  const asName = pattern.replace(/[*?[\]]/g, 'x');
  const errors: string[] = [];
  if (asName.length > 63) {
    errors.push(
      `invalid namespace "${pattern}": must be no more than 63 characters`,
    );
  }
  if (!DNS1123_LABEL.test(asName)) {
    errors.push(
      `invalid namespace "${pattern}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
    );
  }
  return errors;
}

const starAlone = (list: string) =>
  `${list} list must either contain '*' only, or a non-empty list of items`;

/** Items in both lists, each an error (sorted, as Velero's sets list them). */
function overlapErrors(inc: Set<string>, exc: Set<string>): string[] {
  return [...exc]
    .sort()
    .filter(item => inc.has(item))
    .map(
      item =>
        `excludes list cannot contain an item in the includes list: ${item}`,
    );
}

/** `collections.ValidateIncludesExcludes` (old-style resource and namespace lists). */
export function includesExcludesErrors(
  includes: readonly string[],
  excludes: readonly string[],
): string[] {
  const inc = new Set(includes);
  const exc = new Set(excludes);
  const errors: string[] = [];
  if (inc.size > 1 && inc.has('*')) errors.push(starAlone('includes'));
  if (exc.has('*')) errors.push("excludes list cannot contain '*'");
  errors.push(...overlapErrors(inc, exc));
  return errors;
}

/** `collections.ValidateScopedIncludesExcludes` (new-style resource lists). */
export function scopedIncludesExcludesErrors(
  includes: readonly string[],
  excludes: readonly string[],
): string[] {
  const inc = new Set(includes);
  const exc = new Set(excludes);
  const errors: string[] = [];
  if (inc.size > 1 && inc.has('*')) errors.push(starAlone('includes'));
  if (exc.size > 1 && exc.has('*')) errors.push(starAlone('excludes'));
  if (inc.size > 0 && exc.has('*')) {
    errors.push("when exclude is '*', include cannot have value");
  }
  errors.push(...overlapErrors(inc, exc));
  return errors;
}

/**
 * `ValidateNamespaceIncludesExcludes` after `prepareBackupRequest` has
 * normalised empty includes to `*` and appended the namespaces labelled
 * `velero.io/exclude-from-backup=true` to the excludes.
 */
export function namespaceListErrors(
  includes: readonly string[],
  excludes: readonly string[],
): string[] {
  const effective = includes.length === 0 ? ['*'] : includes;
  const errors = includesExcludesErrors(effective, excludes);
  for (const name of [...new Set(effective)].sort())
    errors.push(...namespacePatternErrors(name));
  for (const name of [...new Set(excludes)].sort())
    errors.push(...namespacePatternErrors(name));
  return errors;
}
