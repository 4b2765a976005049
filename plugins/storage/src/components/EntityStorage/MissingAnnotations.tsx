import { CodeSnippet, EmptyState } from '@backstage/core-components';
import { STORAGE_ENTITY_ANNOTATIONS } from '../../annotations';

const EXAMPLE = `metadata:
  annotations:
    backstage.io/kubernetes-id: my-service
    # or, to select pods by label:
    # backstage.io/kubernetes-label-selector: 'app=my-service'`;

/** Explains which annotations let the backend find the entity's volumes. */
export function MissingAnnotations() {
  return (
    <EmptyState
      missing="field"
      title="This entity is not linked to any Kubernetes workloads"
      description={
        <>
          Storage is found through the pods of the entity. Add one of these
          annotations to its catalog-info.yaml:{' '}
          {STORAGE_ENTITY_ANNOTATIONS.map((a, i) => (
            <span key={a}>
              {i > 0 && ' or '}
              <code>{a}</code>
            </span>
          ))}
          . <code>backstage.io/kubernetes-namespace</code> and{' '}
          <code>backstage.io/kubernetes-cluster</code> narrow the search.
        </>
      }
      action={<CodeSnippet language="yaml" text={EXAMPLE} showCopyCodeButton />}
    />
  );
}
