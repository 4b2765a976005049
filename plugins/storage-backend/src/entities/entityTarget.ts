import type { Entity } from '@backstage/catalog-model';
import {
  parseLabelSelector,
  type LabelSelector,
} from '@gitops-storage/plugin-storage-common';
import { InputError } from '@backstage/errors';
import { KUBERNETES_ID_LABEL } from '../store/LabelIndex';

export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';
export const KUBERNETES_CLUSTER_ANNOTATION = 'backstage.io/kubernetes-cluster';

/** Which workloads and claims belong to an entity, as the Kubernetes plugin finds them. */
export interface EntityTarget {
  selector: LabelSelector;
  /** Set when the selector is just `backstage.io/kubernetes-id=<id>` (indexed). */
  kubernetesId?: string;
  namespace?: string;
  cluster?: string;
}

/**
 * The entity's target: `backstage.io/kubernetes-label-selector`, else
 * `backstage.io/kubernetes-id` (label `backstage.io/kubernetes-id=<id>`),
 * narrowed by `backstage.io/kubernetes-namespace` and `-cluster`.
 * Undefined when the entity has neither annotation.
 */
export function entityTarget(entity: Entity): EntityTarget | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const namespace = annotations[KUBERNETES_NAMESPACE_ANNOTATION] || undefined;
  const cluster = annotations[KUBERNETES_CLUSTER_ANNOTATION] || undefined;
  const selectorText = annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION];
  if (selectorText) {
    try {
      return { selector: parseLabelSelector(selectorText), namespace, cluster };
    } catch (error) {
      throw new InputError(
        `The entity's ${KUBERNETES_LABEL_SELECTOR_ANNOTATION} annotation is not a label selector: ${
          (error as Error).message
        }`,
      );
    }
  }
  const id = annotations[KUBERNETES_ID_ANNOTATION];
  if (id) {
    return {
      selector: { matchLabels: { [KUBERNETES_ID_LABEL]: id } },
      kubernetesId: id,
      namespace,
      cluster,
    };
  }
  return undefined;
}
