import { z } from 'zod';
import { dnsLabel, gitUrl, repoPath } from '../input/fields';
import { REPO_LAYOUT } from '../layout/paths';

/**
 * Where the Argo CD Application points. `repoURL` and `targetRevision`
 * default to those of the storage Applications already in the repository.
 */
export const argocdInputSchema = z
  .object({
    repoURL: gitUrl.optional(),
    targetRevision: z.string().min(1).optional(),
    project: dnsLabel.default('default'),
    destinationServer: z
      .string()
      .url()
      .default('https://kubernetes.default.svc'),
    /** The namespace Argo CD runs in (where Applications live). */
    namespace: dnsLabel.default('argocd'),
    /** The file holding the `argocd-cm` ConfigMap. */
    configMapPath: repoPath.default(REPO_LAYOUT.argocdConfigMapPath),
  })
  .strict()
  .default({});

export type ArgocdInput = z.infer<typeof argocdInputSchema>;
