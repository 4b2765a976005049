import { z } from 'zod';

/**
 * The Kustomization fields the generators write. Kustomize has no published
 * schema to validate against; the tests also build every written folder
 * with `kubectl kustomize` (the real oracle), and this schema only refuses
 * fields kustomize would ignore or misread.
 */
const dnsLabel = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);

export const kustomizationSchema = z
  .object({
    apiVersion: z.literal('kustomize.config.k8s.io/v1beta1'),
    kind: z.literal('Kustomization'),
    namespace: dnsLabel.optional(),
    labels: z
      .array(z.object({ pairs: z.record(z.string()) }).strict())
      .optional(),
    commonAnnotations: z.record(z.string()).optional(),
    resources: z.array(z.string().min(1)).optional(),
    components: z.array(z.string().min(1)).optional(),
    patches: z
      .array(
        z
          .object({ path: z.string(), target: z.record(z.string()).optional() })
          .strict(),
      )
      .optional(),
    replicas: z
      .array(z.object({ name: z.string(), count: z.number() }).strict())
      .optional(),
    helmGlobals: z.object({ chartHome: z.string() }).strict().optional(),
    helmCharts: z
      .array(
        z
          .object({
            name: z.string(),
            repo: z.string().url(),
            version: z.string().regex(/^\d+\.\d+\.\d+$/),
            releaseName: z.string().min(1),
            namespace: dnsLabel,
            includeCRDs: z.boolean(),
            valuesFile: z.string(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
