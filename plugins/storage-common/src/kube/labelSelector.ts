import { arrayAt, isRecord, stringAt, stringMapAt, stringsAt } from './objects';

/** @public */
export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** @public */
export interface LabelSelectorRequirement {
  key: string;
  operator: LabelSelectorOperator | string;
  values?: string[];
}

/** A Kubernetes `metav1.LabelSelector`. @public */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** Read a raw `metav1.LabelSelector`; undefined when it is absent. */
export function readLabelSelector(raw: unknown): LabelSelector | undefined {
  if (!isRecord(raw)) return undefined;
  const matchLabels = stringMapAt(raw, 'matchLabels');
  const matchExpressions = arrayAt(raw, 'matchExpressions')
    .filter(isRecord)
    .map(expression => ({
      key: stringAt(expression, 'key') ?? '',
      operator: stringAt(expression, 'operator') ?? '',
      values: stringsAt(expression, 'values'),
    }));
  return {
    ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}),
    ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
  };
}

function matchesRequirement(
  requirement: LabelSelectorRequirement,
  labels: Readonly<Record<string, string>>,
): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return has && values.includes(labels[requirement.key]);
    case 'NotIn':
      return !has || !values.includes(labels[requirement.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      // Kubernetes rejects unknown operators; an invalid selector selects nothing.
      return false;
  }
}

/**
 * Whether labels satisfy a selector: every matchLabels pair and every
 * expression (they are ANDed). An empty selector matches everything.
 * @public
 */
export function matchesLabelSelector(
  selector: LabelSelector,
  labels: Readonly<Record<string, string>>,
): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(labels, key)) return false;
    if (labels[key] !== value) return false;
  }
  return (selector.matchExpressions ?? []).every(requirement =>
    matchesRequirement(requirement, labels),
  );
}

/** Human text of a selector, as kubectl would write it. */
export function formatLabelSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels ?? {}).map(
    ([k, v]) => `${k}=${v}`,
  );
  for (const { key, operator, values = [] } of selector.matchExpressions ??
    []) {
    if (operator === 'Exists') parts.push(key);
    else if (operator === 'DoesNotExist') parts.push(`!${key}`);
    else parts.push(`${key} ${operator.toLowerCase()} (${values.join(',')})`);
  }
  return parts.length > 0 ? parts.join(', ') : '<everything>';
}
