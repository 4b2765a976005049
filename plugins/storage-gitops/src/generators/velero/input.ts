import { z } from 'zod';
import {
  chartVersion,
  dnsLabel,
  dnsSubdomain,
  hostName,
  httpUrl,
  imageWithTag,
  regionName,
} from '../../input/fields';
import { argocdInputSchema } from '../../argocd/argocdInput';
import { tierListSchema } from '../../tiers/tierInput';
import { cronSchedule, veleroDuration } from '../shared/velero';
import {
  veleroNamespaceLists,
  veleroNamespaceName,
} from '../shared/veleroNamespaces';
import { vendoredChartSchema } from '../shared/vendoredChart';

const backupStorageLocationSchema = z
  .object({
    name: dnsLabel.default('default'),
    provider: z
      .string()
      .regex(/^[a-z0-9][a-z0-9./-]*$/)
      .default('aws'),
    bucket: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        'must be an S3 bucket name (3–63 lower-case letters, digits, "." and "-")',
      ),
    prefix: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._/-]*$/,
        'must be a relative object prefix',
      )
      .optional(),
    default: z.boolean().optional(),
    /** S3 / MinIO settings of the AWS plugin. */
    region: regionName.default('minio'),
    s3Url: httpUrl.optional(),
    publicUrl: httpUrl.optional(),
    s3ForcePathStyle: z.boolean().default(true),
    insecureSkipTLSVerify: z.boolean().optional(),
  })
  .strict();

const scheduleSchema = z
  .object({
    name: dnsLabel,
    schedule: cronSchedule,
    ttl: veleroDuration.default('720h'),
    includedNamespaces: z.array(veleroNamespaceName).min(1).default(['*']),
    excludedNamespaces: z.array(veleroNamespaceName).optional(),
  })
  .strict()
  .superRefine(veleroNamespaceLists);

/** Ingress for the metrics endpoint, fronted by authentik forward auth. */
const metricsIngressSchema = z
  .object({
    host: hostName,
    ingressClassName: dnsLabel.default('nginx'),
    /** authentik outpost base URL that nginx asks (auth-url). */
    authentikOutpostUrl: httpUrl.default(
      'http://ak-outpost-authentik-embedded-outpost.authentik.svc.cluster.local:9000',
    ),
    tlsSecretName: dnsSubdomain.optional(),
    /** Use auth-snippet (only if the controller sets allow-snippet-annotations). */
    authSnippet: z.boolean().default(false),
  })
  .strict();

/** Input of the `velero` generator. */
export const veleroInputSchema = z
  .object({
    namespace: dnsLabel.default('velero'),
    chart: z
      .object({
        repo: httpUrl.default('https://vmware-tanzu.github.io/helm-charts'),
        version: chartVersion.default('12.1.0'),
        vendor: vendoredChartSchema.optional(),
      })
      .strict()
      .default({}),
    /**
     * Velero (app) version the chart deploys: derived from known charts
     * (must agree when given); required for other chart versions.
     */
    veleroVersion: chartVersion.optional(),
    uploaderType: z.enum(['kopia', 'restic']).default('kopia'),
    /** Credentials only by reference: an existing Secret in the Velero namespace. */
    credentials: z
      .object({
        existingSecret: dnsSubdomain,
        key: z
          .literal('cloud', {
            errorMap: () => ({
              message:
                'must be "cloud": the chart mounts the Secret and reads /credentials/cloud',
            }),
          })
          .default('cloud'),
      })
      .strict(),
    backupStorageLocations: z
      .array(backupStorageLocationSchema)
      .min(1, 'give at least one backup storage location'),
    /** Default: the plugin release paired with the deployed Velero. */
    awsPluginImage: imageWithTag.optional(),
    deployNodeAgent: z.boolean().default(true),
    /** Back up every pod volume with FSB unless excluded (server default). */
    defaultVolumesToFsBackup: z.boolean().default(false),
    /** `auto`: off when every tier's classes are file-system-only. */
    volumeSnapshots: z.enum(['auto', 'enabled', 'disabled']).default('auto'),
    fileSystemOnlyClasses: z.array(dnsSubdomain).optional(),
    tiers: tierListSchema.optional(),
    schedules: z.array(scheduleSchema).optional(),
    metricsIngress: metricsIngressSchema.optional(),
    argocd: argocdInputSchema,
  })
  .strict();

export type VeleroInput = z.infer<typeof veleroInputSchema>;
