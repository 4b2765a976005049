import type { LabelSelector, LabelSelectorRequirement } from './labelSelector';

/**
 * Parses a label selector in its string form, as in
 * `backstage.io/kubernetes-label-selector` and `kubectl -l`:
 * `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, joined by commas.
 * Throws on anything else, so a typo is an error rather than "matches all".
 * @public
 */
export function parseLabelSelector(text: string): LabelSelector {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const term of splitTerms(text)) {
    const set = term.match(/^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/);
    const notEqual = term.match(/^([\w./-]+)\s*!=\s*([\w.-]*)$/);
    const equal = term.match(/^([\w./-]+)\s*==?\s*([\w.-]*)$/);
    const absent = term.match(/^!\s*([\w./-]+)$/);
    const present = term.match(/^([\w./-]+)$/);
    if (set) {
      const values = set[3]
        .split(',')
        .map(v => v.trim())
        .filter(Boolean);
      matchExpressions.push({
        key: set[1],
        operator: set[2] === 'in' ? 'In' : 'NotIn',
        values,
      });
    } else if (notEqual) {
      matchExpressions.push({
        key: notEqual[1],
        operator: 'NotIn',
        values: [notEqual[2]],
      });
    } else if (equal) {
      matchLabels[equal[1]] = equal[2];
    } else if (absent) {
      matchExpressions.push({
        key: absent[1],
        operator: 'DoesNotExist',
        values: [],
      });
    } else if (present) {
      matchExpressions.push({
        key: present[1],
        operator: 'Exists',
        values: [],
      });
    } else {
      throw new Error(`cannot read label selector term "${term}" in "${text}"`);
    }
  }
  return { matchLabels, matchExpressions };
}

/** Splits on commas that are not inside `( … )`. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) terms.push(current.trim());
  return terms.filter(Boolean);
}
