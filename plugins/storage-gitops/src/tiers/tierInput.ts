import { z } from 'zod';
import { accessMode, dnsLabel, dnsSubdomain } from '../input/fields';
import { rpoSeconds } from './rpo';

const humanDuration = z
  .object({
    years: z.number().nonnegative(),
    months: z.number().nonnegative(),
    weeks: z.number().nonnegative(),
    days: z.number().nonnegative(),
    hours: z.number().nonnegative(),
    minutes: z.number().nonnegative(),
    seconds: z.number().nonnegative(),
    milliseconds: z.number().nonnegative(),
  })
  .partial()
  .strict();

/**
 * One tier as generators take it: the shape of `TierConfig` (app-config) and
 * of `Tier` (the `/tiers` API, whose `rpoSeconds` is accepted and ignored).
 */
export const tierInputSchema = z
  .object({
    name: dnsLabel,
    title: z.string().optional(),
    description: z.string().optional(),
    storageClasses: z
      .array(dnsSubdomain)
      .min(1, 'a tier needs at least one StorageClass'),
    rpo: z
      .union([z.string(), humanDuration])
      .refine(rpo => rpoSeconds(rpo) !== undefined, {
        message: 'must be a positive duration, e.g. { hours: 24 } or PT24H',
      }),
    rpoSeconds: z.number().optional(),
    accessModes: z.array(accessMode).optional(),
    // Restore drills are the coverage engine's business; accepted so the
    // app's tiers pass as they are, and ignored.
    restoreTestInterval: z.union([z.string(), humanDuration]).optional(),
    restoreTestIntervalSeconds: z.number().optional(),
  })
  .strict();

/** A tier as given to a generator. */
export type TierInput = z.infer<typeof tierInputSchema>;

/** A tier list: unique names, no class claimed by two tiers. */
export const tierListSchema = z
  .array(tierInputSchema)
  .min(1, 'give at least one tier')
  .superRefine((tiers, ctx) => {
    const names = new Set<string>();
    const classes = new Map<string, string>();
    tiers.forEach((tier, index) => {
      if (names.has(tier.name)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index, 'name'],
          message: `tier '${tier.name}' is listed twice`,
        });
      }
      names.add(tier.name);
      for (const storageClass of tier.storageClasses) {
        const owner = classes.get(storageClass);
        if (owner && owner !== tier.name) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [index, 'storageClasses'],
            message: `StorageClass '${storageClass}' already belongs to tier '${owner}'`,
          });
        }
        classes.set(storageClass, tier.name);
      }
    });
  });
