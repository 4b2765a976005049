import { z } from 'zod';
import {
  absolutePath,
  chartVersion,
  dnsLabel,
  dnsSubdomain,
  hostName,
  httpUrl,
} from '../../input/fields';
import { argocdInputSchema } from '../../argocd/argocdInput';
import { vendoredChartSchema } from '../shared/vendoredChart';

/** Input of the `nfs-provisioner` generator. */
export const nfsProvisionerInputSchema = z
  .object({
    /** Namespace the provisioner runs in. */
    namespace: dnsLabel.default('nfs-provisioner'),
    nfs: z
      .object({
        /** NFS server host name or IP address. */
        server: hostName,
        /** Exported path on the server (the bulk disks' export). */
        path: absolutePath.default('/mnt/storage-bulk/nfs'),
        /** Mount options of every volume of the class. */
        mountOptions: z
          .array(
            z
              .string()
              .regex(
                /^[a-z0-9_]+(=[A-Za-z0-9_.:,/-]+)?$/,
                'must be an NFS mount option such as nfsvers=4.1 or hard',
              ),
          )
          .default(['nfsvers=4.1', 'hard']),
      })
      .strict(),
    storageClass: z
      .object({
        name: dnsSubdomain.default('storage-nfs'),
        /** Fixed provisioner name, so renaming the release never orphans volumes. */
        provisionerName: z
          .string()
          .regex(
            /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$/,
            'must look like example.com/name',
          )
          .default('k8s-sigs.io/nfs-subdir-external-provisioner'),
        reclaimPolicy: z.enum(['Delete', 'Retain']).default('Delete'),
        /** Keep deleted volumes' data as `archived-<dir>` on the server. */
        archiveOnDelete: z.boolean().default(true),
        /** `delete` or `retain` the directory on delete; overrides archiveOnDelete. */
        onDelete: z.enum(['delete', 'retain']).optional(),
        /** Directory layout on the server. */
        pathPattern: z
          .string()
          .min(1)
          .default('${.PVC.namespace}/${.PVC.name}'),
        defaultClass: z.boolean().default(false),
        allowVolumeExpansion: z.boolean().default(true),
      })
      .strict()
      .default({}),
    chart: z
      .object({
        repo: httpUrl.default(
          'https://kubernetes-sigs.github.io/nfs-subdir-external-provisioner/',
        ),
        version: chartVersion.default('4.0.18'),
        /** Vendor the chart into base/charts (kustomize then never pulls it). */
        vendor: vendoredChartSchema.optional(),
      })
      .strict()
      .default({}),
    argocd: argocdInputSchema,
  })
  .strict();

export type NfsProvisionerInput = z.infer<typeof nfsProvisionerInputSchema>;
