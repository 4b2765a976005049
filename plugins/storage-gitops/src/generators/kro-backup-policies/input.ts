import { z } from 'zod';
import { argocdInputSchema } from '../../argocd/argocdInput';
import { dnsLabel } from '../../input/fields';
import { tierInputSchema, tierListSchema } from '../../tiers/tierInput';
import { kroInventoryInputSchema } from '../kro-inventory/input';
import { matchLabelsSelector } from '../shared/matchLabels';
import { cronSchedule, veleroDuration } from '../shared/velero';

/** An RPO as tiers give it: `PT6H` or `{ hours: 6 }`. */
const rpo = tierInputSchema.shape.rpo;

const policySchema = z
  .object({
    /** The namespace the BackupPolicy lives in and backs up. */
    namespace: dnsLabel,
    /** Tiers of the namespace's volumes; the shortest RPO sets the schedule. */
    tiers: z.array(dnsLabel).min(1, 'give at least one tier').optional(),
    /** The RPO itself, instead of tiers. */
    rpo: rpo.optional(),
    /** Overrides the cron derived from the RPO. */
    schedule: cronSchedule.optional(),
    /** Overrides the TTL derived from the RPO. */
    ttl: veleroDuration.optional(),
    paused: z.boolean().default(false),
    /** BackupStorageLocation for this namespace; default: the top-level one. */
    storageLocation: dnsLabel.optional(),
    /** Only resources with these labels (Velero's template.labelSelector). */
    labelSelector: matchLabelsSelector.optional(),
  })
  .strict()
  .superRefine((policy, ctx) => {
    if ((policy.tiers === undefined) === (policy.rpo === undefined))
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['tiers'],
        message: 'give either tiers or rpo (one of them, not both)',
      });
  });

/** Input of the `kro-backup-policies` generator. */
export const kroBackupPoliciesInputSchema = z
  .object({
    /** Default: the namespace of the repository's Velero app; must agree when given. */
    veleroNamespace: dnsLabel.optional(),
    /** Default BackupStorageLocation of the policies; absent means Velero's default location. */
    storageLocation: dnsLabel.optional(),
    policies: z
      .array(policySchema)
      .min(1, 'give at least one policy')
      .superRefine((policies, ctx) => {
        const seen = new Set<string>();
        policies.forEach((policy, index) => {
          if (seen.has(policy.namespace))
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [index, 'namespace'],
              message: `namespace '${policy.namespace}' is listed twice (one BackupPolicy per namespace)`,
            });
          seen.add(policy.namespace);
        });
      }),
    tiers: tierListSchema.optional(),
    argocd: argocdInputSchema,
    /**
     * The namespaces listed are all that keep a BackupPolicy: the policies
     * this generator wrote for other namespaces are deleted (day 2), and kro
     * then deletes their Schedules. Off by default, so adding one namespace
     * never removes the others.
     */
    prune: z.boolean().default(false),
    /** kro itself, as kro-inventory installs it (same chart and defaults). */
    kro: kroInventoryInputSchema.shape.kro,
  })
  .strict();

export type KroBackupPoliciesInput = z.infer<
  typeof kroBackupPoliciesInputSchema
>;
export type BackupPolicyInput = KroBackupPoliciesInput['policies'][number];
