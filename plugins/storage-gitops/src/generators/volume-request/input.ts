import { z } from 'zod';
import {
  absolutePath,
  accessMode,
  dnsLabel,
  dnsSubdomain,
  repoPath,
  rfc3339,
  storageSize,
} from '../../input/fields';
import { tierListSchema } from '../../tiers/tierInput';

const workloadSchema = z
  .object({
    kind: z
      .enum(['Deployment', 'StatefulSet', 'DaemonSet'])
      .default('Deployment'),
    name: dnsSubdomain,
  })
  .strict();

const backupSchema = z
  .object({
    /** The workload whose pods mount the claim (a manifest in the same folder). */
    workload: workloadSchema,
    /** Pod volume name; defaults to the claim name. */
    volumeName: dnsLabel.optional(),
    /** Where to mount it; without it the volume is added to the pod but not mounted. */
    mountPath: absolutePath.optional(),
    /** Container to mount it in; defaults to the workload's first container. */
    container: dnsLabel.optional(),
  })
  .strict();

const waiverSchema = z
  .object({
    /** Why this volume needs no backup (shown on the coverage page). */
    reason: z
      .string()
      .trim()
      .min(10, 'give a reason of at least 10 characters')
      .max(500),
    /** When the waiver ends (RFC 3339). */
    expires: rfc3339.optional(),
    /**
     * The workload that mounts the claim: its pods get Velero's
     * backup-volumes-excludes annotation for the volume, since the
     * schedules back up every pod volume unless excluded.
     */
    workload: workloadSchema.optional(),
    volumeName: dnsLabel.optional(),
    mountPath: absolutePath.optional(),
    container: dnsLabel.optional(),
  })
  .strict();

/** Input of the `volume-request` generator. */
export const volumeRequestInputSchema = z
  .object({
    /** The service's kustomization folder, e.g. apps/payments/payments-api/base. */
    folder: repoPath,
    claimName: dnsLabel,
    /** Set on the claim; usually the overlay's kustomization sets it. */
    namespace: dnsLabel.optional(),
    /** Required unless `withdraw`. */
    tier: dnsLabel.optional(),
    /** One of the tier's classes; defaults to its first. */
    storageClass: dnsSubdomain.optional(),
    /** Required unless `withdraw`. */
    size: storageSize.optional(),
    accessMode: accessMode.default('ReadWriteOnce'),
    backup: backupSchema.optional(),
    waiver: waiverSchema.optional(),
    tiers: tierListSchema.optional(),
    /**
     * Day 2: the volume is no longer wanted. Deletes the claim this
     * generator wrote (unless edited since), its kustomization entry and its
     * pod volume, mount and annotation entry in the backup patch (the patch
     * too when nothing else is left in it). Needs only folder and claimName.
     */
    withdraw: z.boolean().default(false),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.withdraw) {
      for (const field of ['backup', 'waiver', 'tier', 'size'] as const) {
        if (input[field] !== undefined) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [field],
            message:
              'a withdrawal names only folder and claimName (the claim file says the rest)',
          });
        }
      }
      return;
    }
    for (const field of ['tier', 'size'] as const) {
      if (input[field] === undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [field],
          message: 'Required',
        });
      }
    }
    if (input.backup && input.waiver) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['waiver'],
        message: 'give either backup or waiver, not both',
      });
    }
    if (!input.backup && !input.waiver) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['backup'],
        message:
          'say how the volume is protected: backup (the workload that mounts it) or waiver (with its reason)',
      });
    }
  });

export type VolumeRequestInput = z.infer<typeof volumeRequestInputSchema>;

/** A request to create a volume: tier and size present (the schema checks). */
export type VolumeRequestCreate = VolumeRequestInput & {
  tier: string;
  size: string;
};
