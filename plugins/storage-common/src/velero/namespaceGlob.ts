/**
 * Velero's namespace patterns (`includedNamespaces` / `excludedNamespaces`)
 * are globs: `*` any run of characters, `?` one character, `[a-z]` / `[!a-z]`
 * a character class, `{a,b}` alternatives and `\` to escape. Velero compiles
 * them with gobwas/glob; this is the same language, compiled to a RegExp.
 */

const compiled = new Map<string, RegExp>();

function escapeRegExp(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

function compileClass(pattern: string, start: number): [string, number] {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < pattern.length && (pattern[i] !== ']' || first)) {
    first = false;
    const char = pattern[i] === '\\' ? pattern[++i] ?? '\\' : pattern[i];
    if (
      pattern[i + 1] === '-' &&
      i + 2 < pattern.length &&
      pattern[i + 2] !== ']'
    ) {
      body += `${escapeRegExp(char)}-${escapeRegExp(pattern[i + 2])}`;
      i += 3;
    } else {
      body += escapeRegExp(char);
      i++;
    }
  }
  if (i >= pattern.length) {
    // No closing bracket: the `[` is a literal, as in gobwas' lenient mode.
    return ['\\[', start + 1];
  }
  return [`[${negate ? '^' : ''}${body}]`, i + 1];
}

function compileGlob(pattern: string): RegExp {
  let source = '';
  let braceDepth = 0;
  for (let i = 0; i < pattern.length; ) {
    const char = pattern[i];
    if (char === '*') {
      source += '.*';
      i++;
    } else if (char === '?') {
      source += '.';
      i++;
    } else if (char === '[') {
      const [cls, next] = compileClass(pattern, i);
      source += cls;
      i = next;
    } else if (char === '{') {
      source += '(?:';
      braceDepth++;
      i++;
    } else if (char === '}' && braceDepth > 0) {
      source += ')';
      braceDepth--;
      i++;
    } else if (char === ',' && braceDepth > 0) {
      source += '|';
      i++;
    } else if (char === '\\' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[i + 1]);
      i += 2;
    } else {
      source += escapeRegExp(char);
      i++;
    }
  }
  source += ')'.repeat(braceDepth);
  return new RegExp(`^${source}$`, 's');
}

/** Whether a name matches one glob pattern. @public */
export function matchesGlob(pattern: string, name: string): boolean {
  let regexp = compiled.get(pattern);
  if (!regexp) {
    regexp = compileGlob(pattern);
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(pattern, regexp);
  }
  return regexp.test(name);
}

/** Whether a name matches any of the patterns. */
export function matchesAnyGlob(
  patterns: readonly string[],
  name: string,
): boolean {
  return patterns.some(pattern => matchesGlob(pattern, name));
}

/** How a Backup's namespace filters treat one namespace. @public */
export type NamespaceScopeResult = 'included' | 'not-included' | 'excluded';

/**
 * Velero's include/exclude rule for namespaces: an exclusion wins; an empty
 * include list or `*` means every namespace.
 * @public
 */
export function namespaceScope(
  filters: {
    includedNamespaces?: readonly string[];
    excludedNamespaces?: readonly string[];
  },
  namespace: string,
): NamespaceScopeResult {
  if (matchesAnyGlob(filters.excludedNamespaces ?? [], namespace)) {
    return 'excluded';
  }
  const included = filters.includedNamespaces ?? [];
  if (included.length === 0 || matchesAnyGlob(included, namespace)) {
    return 'included';
  }
  return 'not-included';
}
