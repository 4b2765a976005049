/** One term of a list's `labelSelector`, as the API server reads it. */
export interface LabelRequirement {
  key: string;
  operator: 'in' | 'notin' | 'exists' | 'doesnotexist';
  values: string[];
}

const KEY = '[A-Za-z0-9][-A-Za-z0-9_./]*';
const VALUE = '[-A-Za-z0-9_.]*';
const SET_TERM = new RegExp(`^(${KEY})\\s+(in|notin)\\s+\\(([^)]*)\\)$`);
const NOT_EQUAL_TERM = new RegExp(`^(${KEY})\\s*!=\\s*(${VALUE})$`);
const EQUAL_TERM = new RegExp(`^(${KEY})\\s*==?\\s*(${VALUE})$`);
const ABSENT_TERM = new RegExp(`^!\\s*(${KEY})$`);
const PRESENT_TERM = new RegExp(`^(${KEY})$`);

/**
 * Parses the `labelSelector` query parameter of a list or watch:
 * `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, joined by
 * commas. Throws on anything else, as kube-apiserver answers 400.
 */
export function parseLabelSelector(text: string): LabelRequirement[] {
  const requirements: LabelRequirement[] = [];
  for (const term of splitTerms(text)) {
    const set = term.match(SET_TERM);
    const notEqual = term.match(NOT_EQUAL_TERM);
    const equal = term.match(EQUAL_TERM);
    const absent = term.match(ABSENT_TERM);
    const present = term.match(PRESENT_TERM);
    if (set) {
      const values = set[3]
        .split(',')
        .map(v => v.trim())
        .filter(Boolean);
      requirements.push({
        key: set[1],
        operator: set[2] as 'in' | 'notin',
        values,
      });
    } else if (notEqual) {
      requirements.push({
        key: notEqual[1],
        operator: 'notin',
        values: [notEqual[2]],
      });
    } else if (equal) {
      requirements.push({ key: equal[1], operator: 'in', values: [equal[2]] });
    } else if (absent) {
      requirements.push({
        key: absent[1],
        operator: 'doesnotexist',
        values: [],
      });
    } else if (present) {
      requirements.push({ key: present[1], operator: 'exists', values: [] });
    } else {
      throw new Error(`unable to parse requirement: "${term}"`);
    }
  }
  return requirements;
}

/** Whether an object's labels satisfy every requirement. */
export function matchesLabels(
  labels: Readonly<Record<string, string>> | undefined,
  requirements: readonly LabelRequirement[],
): boolean {
  return requirements.every(({ key, operator, values }) => {
    const has =
      labels !== undefined && Object.prototype.hasOwnProperty.call(labels, key);
    switch (operator) {
      case 'in':
        return has && values.includes(labels[key]);
      case 'notin':
        return !has || !values.includes(labels[key]);
      case 'exists':
        return has;
      default:
        return !has;
    }
  });
}

/** Splits on commas that are not inside `( … )`; drops empty terms. */
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
  terms.push(current.trim());
  return terms.filter(Boolean);
}
