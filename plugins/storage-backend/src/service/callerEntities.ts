import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { storageEntityReadPermission } from '@gitops-storage/plugin-storage-common';
import { KUBERNETES_ENTITY_FILTER } from '../entities/catalogFilter';

/**
 * The entities whose storage the caller may read, resolved the way the
 * entity route does it: the catalog, asked with the caller's credentials,
 * applies its own permissions (an entity the caller may not see is not
 * returned); then `storage.entity.read` is authorized for each of them, so a
 * policy (conditional ones included: the permission framework applies them
 * to the catalog entity) can narrow it further.
 */
export async function readableEntityRefs(deps: {
  catalog: CatalogService;
  permissions: PermissionsService;
  credentials: BackstageCredentials;
}): Promise<Set<string>> {
  const { catalog, permissions, credentials } = deps;
  const { items } = await catalog.getEntities(
    {
      filter: KUBERNETES_ENTITY_FILTER,
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    { credentials },
  );
  const refs = [...new Set(items.map(e => stringifyEntityRef(e)))];
  if (refs.length === 0) return new Set();
  const decisions = await permissions.authorize(
    refs.map(resourceRef => ({
      permission: storageEntityReadPermission,
      resourceRef,
    })),
    { credentials },
  );
  return new Set(
    refs.filter((_, i) => decisions[i]?.result === AuthorizeResult.ALLOW),
  );
}
