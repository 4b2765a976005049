import type { Entity } from '@backstage/catalog-model';
import type { FilterPredicate } from '@backstage/filter-predicates';

/** The Kubernetes plugin's annotations that tie an entity to its workloads. */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';

/** Annotations that, when present, let the backend find an entity's volumes. */
export const STORAGE_ENTITY_ANNOTATIONS = [
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
] as const;

/**
 * Whether the backend can find volumes for the entity: it needs one of the
 * annotations the Kubernetes plugin uses to find the entity's pods.
 * @public
 */
export function isStorageAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return STORAGE_ENTITY_ANNOTATIONS.some(annotation =>
    Boolean(annotations[annotation]),
  );
}

/**
 * The same test as {@link isStorageAvailable}, as a filter predicate for the
 * new frontend system, so that installations can override it in app-config.
 */
export const storageAvailableFilter: FilterPredicate = {
  $any: [
    { [`metadata.annotations.${KUBERNETES_ID_ANNOTATION}`]: { $exists: true } },
    {
      [`metadata.annotations.${KUBERNETES_LABEL_SELECTOR_ANNOTATION}`]: {
        $exists: true,
      },
    },
  ],
};
