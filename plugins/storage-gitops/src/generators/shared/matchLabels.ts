import { z } from 'zod';

// Label keys and values as the API server validates them
// (k8s.io/apimachinery validation.IsQualifiedName / IsValidLabelValue).
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PREFIX =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const labelKey = z.string().refine(key => {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !PREFIX.test(prefix)))
    return false;
  return name.length <= 63 && NAME.test(name);
}, 'must be a label key such as app or example.com/app');

const labelValue = z
  .string()
  .refine(
    value => value === '' || (value.length <= 63 && NAME.test(value)),
    'must be a label value: up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
  );

/** A Velero Schedule's `template.labelSelector`, limited to matchLabels. */
export const matchLabelsSelector = z
  .object({
    matchLabels: z
      .record(labelKey, labelValue)
      .refine(
        labels => Object.keys(labels).length > 0,
        'give at least one label, or leave labelSelector out',
      ),
  })
  .strict();
