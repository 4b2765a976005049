import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';

/** The scaffolder field name templates use: `ui:field: StorageTierPicker`. */
export const STORAGE_TIER_PICKER = 'StorageTierPicker';

/** Schema of the tier picker: a tier name, and where the access mode is. */
export const storageTierPickerSchema = makeFieldSchema({
  output: z => z.string(),
  uiOptions: z =>
    z.object({
      accessModeField: z
        .string()
        .optional()
        .describe(
          'Form field holding the access mode to check (default accessMode)',
        ),
    }),
});
