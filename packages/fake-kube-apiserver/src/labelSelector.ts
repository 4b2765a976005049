import { parseLabelSelector as parseSelectorText } from '@gitops-storage/plugin-storage-common';

/** One term of a list's `labelSelector`, as the API server reads it. */
export interface LabelRequirement {
  key: string;
  operator: 'in' | 'notin' | 'exists' | 'doesnotexist';
  values: string[];
}

const OPERATORS: Record<string, LabelRequirement['operator']> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: 'doesnotexist',
};

/**
 * Parses the `labelSelector` query parameter of a list or watch (the same
 * grammar as `kubectl -l`, read by the storage plugin's own parser) into
 * flat requirements. Throws on anything else, as kube-apiserver answers 400.
 */
export function parseLabelSelector(text: string): LabelRequirement[] {
  let selector;
  try {
    selector = parseSelectorText(text);
  } catch (error) {
    // kube-apiserver's wording for a selector it cannot read.
    throw new Error(`unable to parse requirement: ${(error as Error).message}`);
  }
  return [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({
      key,
      operator: 'in' as const,
      values: [value],
    })),
    ...(selector.matchExpressions ?? []).map(e => ({
      key: e.key,
      operator: OPERATORS[e.operator],
      values: e.values ?? [],
    })),
  ];
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
