import { z } from 'zod';
import { dnsLabel } from '../../input/fields';
import { tierListSchema } from '../../tiers/tierInput';
import { matchLabelsSelector } from '../shared/matchLabels';
import { cronSchedule, veleroDuration } from '../shared/velero';

const namespaceSchema = z
  .object({
    name: dnsLabel,
    /** Tiers of the namespace's volumes; the shortest RPO sets the schedule. */
    tiers: z.array(dnsLabel).min(1, 'give at least one tier'),
    /** Overrides the cron derived from the RPO. */
    schedule: cronSchedule.optional(),
    /** Overrides the TTL derived from the RPO. */
    ttl: veleroDuration.optional(),
    paused: z.boolean().default(false),
    /** Only resources with these labels (Velero's template.labelSelector). */
    labelSelector: matchLabelsSelector.optional(),
  })
  .strict();

/** Input of the `velero-schedules` generator. */
export const veleroSchedulesInputSchema = z
  .object({
    /** Default: the namespace of the repository's Velero app; must agree when given. */
    veleroNamespace: dnsLabel.optional(),
    /** BackupStorageLocation of the Velero app; absent means Velero's default location. */
    storageLocation: dnsLabel.optional(),
    namespaces: z
      .array(namespaceSchema)
      .min(1, 'give at least one namespace')
      .superRefine((namespaces, ctx) => {
        const seen = new Set<string>();
        namespaces.forEach((ns, index) => {
          if (seen.has(ns.name)) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [index, 'name'],
              message: `namespace '${ns.name}' is listed twice`,
            });
          }
          seen.add(ns.name);
        });
      }),
    tiers: tierListSchema.optional(),
    /**
     * The namespaces listed are all that get Schedules: the Schedules this
     * generator wrote for other namespaces are deleted (day 2). Off by
     * default, so adding one namespace never removes the others.
     */
    prune: z.boolean().default(false),
  })
  .strict();

export type VeleroSchedulesInput = z.infer<typeof veleroSchedulesInputSchema>;
