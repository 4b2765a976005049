import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
} from './entityTarget';

/** Entities that can have volumes: those with a Kubernetes annotation. */
export const KUBERNETES_ENTITY_FILTER: Array<Record<string, symbol>> = [
  {
    [`metadata.annotations.${KUBERNETES_ID_ANNOTATION}`]: CATALOG_FILTER_EXISTS,
  },
  {
    [`metadata.annotations.${KUBERNETES_LABEL_SELECTOR_ANNOTATION}`]:
      CATALOG_FILTER_EXISTS,
  },
];
