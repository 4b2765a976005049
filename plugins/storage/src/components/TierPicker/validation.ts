import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import type { Tier } from '@gitops-storage/plugin-storage-common';
import { storageApiRef } from '../../api';
import { describeError } from '../../lib/errors';

/** `ui:options` of the `StorageTierPicker` field. */
export interface TierPickerUiOptions {
  /**
   * The form field that holds the requested access mode (a string or a list
   * of strings); a dotted path reaches into objects. Default `accessMode`.
   */
  accessModeField?: string;
}

export const DEFAULT_ACCESS_MODE_FIELD = 'accessMode';

/** Reads `a.b.c` from form data; undefined when any step is missing. */
export function readField(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The access modes a form value asks for: one string or a list of them. */
export function accessModesOf(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : [];
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string' && v !== '');
  }
  return [];
}

/** Whether a tier can serve an access mode; a tier without a list serves all. */
export function tierServes(tier: Tier, accessMode: string): boolean {
  return !tier.accessModes || tier.accessModes.includes(accessMode);
}

/**
 * What is wrong with choosing `tierName` for a volume with `accessModes`, or
 * undefined when nothing is.
 */
export function tierProblem(
  tierName: string,
  accessModes: readonly string[],
  tiers: readonly Tier[],
): string | undefined {
  const tier = tiers.find(t => t.name === tierName);
  if (!tier) {
    const known = tiers.map(t => t.name).join(', ') || 'none configured';
    return `Unknown storage tier "${tierName}". Choose one of: ${known}.`;
  }
  const unserved = accessModes.filter(mode => !tierServes(tier, mode));
  if (unserved.length === 0) return undefined;
  const serving = tiers
    .filter(t => unserved.every(mode => tierServes(t, mode)))
    .map(t => t.name);
  const advice = serving.length
    ? `Choose ${serving.join(' or ')}, or another access mode.`
    : 'Choose another access mode.';
  return `Tier "${tier.name}" cannot serve ${unserved.join(
    ', ',
  )} volumes; it serves ${tier.accessModes!.join(', ')}. ${advice}`;
}

/**
 * Scaffolder validation of the tier picker: the tier must exist and serve
 * the access mode in the sibling field named by `ui:options.accessModeField`.
 */
export const validateStorageTier: CustomFieldValidator<
  string,
  TierPickerUiOptions
> = async (value, validation, context) => {
  if (!value) return; // `required` in the schema handles a missing tier
  const api = context.apiHolder.get(storageApiRef);
  if (!api) {
    validation.addError(
      'The storage plugin is not installed; cannot check the tier.',
    );
    return;
  }
  let tiers: Tier[];
  try {
    tiers = (await api.getTiers()).tiers;
  } catch (error) {
    validation.addError(
      `Could not load the storage tiers to check "${value}": ${describeError(
        error as Error,
      )}`,
    );
    return;
  }
  const field =
    context.uiSchema?.['ui:options']?.accessModeField ??
    DEFAULT_ACCESS_MODE_FIELD;
  const problem = tierProblem(
    value,
    accessModesOf(readField(context.formData, field)),
    tiers,
  );
  if (problem) validation.addError(problem);
};
