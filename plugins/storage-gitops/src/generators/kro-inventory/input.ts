import { argocdInputSchema } from '../../argocd/argocdInput';
import { z } from 'zod';
import {
  absolutePath,
  chartVersion,
  dnsLabel,
  hostName,
  storageSize,
} from '../../input/fields';
import { tierListSchema } from '../../tiers/tierInput';

/** The StorageClasses the drive-inventory graph creates. */
export const DRIVE_CLASSES = ['storage-fast', 'storage-bulk'] as const;

const driveSchema = z
  .object({
    /** Drive id, unique on its node, e.g. nvme0. */
    id: dnsLabel,
    /** The node's kubernetes.io/hostname. */
    node: hostName.transform(node => node.toLowerCase()),
    /** Mounted filesystem of the drive on the node. */
    path: absolutePath,
    capacity: storageSize,
    /** The StorageClass its PersistentVolume gets. */
    tier: z.enum(DRIVE_CLASSES, {
      errorMap: () => ({
        message: `must be one of ${DRIVE_CLASSES.join(
          ', ',
        )} (the StorageClass of the drive's volume)`,
      }),
    }),
  })
  .strict();

/** Input of the `kro-inventory` generator. */
export const kroInventoryInputSchema = z
  .object({
    /** Name of the DriveInventory instance (cluster scoped: one per cluster). */
    inventoryName: dnsLabel.default('cluster-drives'),
    drives: z
      .array(driveSchema)
      .min(1, 'give at least one drive')
      .max(1000, 'kro collections hold at most 1000 items')
      .superRefine((drives, ctx) => {
        const seen = new Set<string>();
        drives.forEach((drive, index) => {
          const key = `${drive.node}/${drive.id}`;
          if (seen.has(key)) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [index, 'id'],
              message: `drive '${drive.id}' is listed twice on node '${drive.node}'`,
            });
          }
          seen.add(key);
          const pvName = `local-${drive.node}-${drive.id}`;
          if (pvName.length > 253) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [index],
              message: `PersistentVolume name '${pvName}' is longer than 253 characters`,
            });
          }
        });
      }),
    /** Give storage-local (local-path-provisioner) `local` PVs so FSB can back them up. */
    patchLocalPathVolumeType: z.boolean().default(true),
    /** Enforce, per labelled namespace, which tiers' classes its PVCs may use. */
    enforceClassesPerNamespace: z.boolean().default(false),
    tiers: tierListSchema.optional(),
    argocd: argocdInputSchema,
    /** kro itself: installed as an app of the repository unless `install: false` (then it is a prerequisite). */
    kro: z
      .object({
        install: z.boolean().default(true),
        chartRepo: z
          .string()
          .regex(
            /^oci:\/\/[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+$/,
            'must be an oci:// chart repository',
          )
          .default('oci://registry.k8s.io/kro/charts'),
        chartVersion: chartVersion.default('0.9.3'),
        namespace: dnsLabel.default('kro-system'),
      })
      .strict()
      .default({}),
  })
  .strict();

export type KroInventoryInput = z.infer<typeof kroInventoryInputSchema>;

/** What the kro app needs of the input. */
export type KroInputs = Pick<KroInventoryInput, 'kro' | 'argocd'>;
