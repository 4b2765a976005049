import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { storageApiRef } from '../../api';

/** The entity's storage from the backend, refetched when the entity changes. */
export function useEntityStorage(entity: Entity) {
  const api = useApi(storageApiRef);
  const ref = getCompoundEntityRef(entity);
  const kind = ref.kind.toLocaleLowerCase('en-US');
  const namespace = ref.namespace.toLocaleLowerCase('en-US');
  return useAsyncRetry(
    () => api.getEntityStorage({ kind, namespace, name: ref.name }),
    [api, kind, namespace, ref.name],
  );
}
