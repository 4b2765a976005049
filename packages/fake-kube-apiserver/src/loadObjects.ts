import {
  RESOURCE_KIND_INFO,
  resourceKindOf,
} from '@gitops-storage/plugin-storage-common';
import type { InMemoryResourceStore } from './InMemoryResourceStore';
import type { StoredObject } from './ResourceStore';

/**
 * Puts raw Kubernetes objects into a store under their kind's resource path,
 * defining every kind the storage plugin reads (so an empty kind lists as
 * empty rather than 404). Objects of other kinds are skipped. Returns the count.
 */
export function loadObjects(
  store: InMemoryResourceStore,
  objects: readonly unknown[],
): number {
  for (const info of Object.values(RESOURCE_KIND_INFO)) {
    store.defineResource({
      group: info.group,
      version: info.version,
      resource: info.plural,
    });
  }
  let count = 0;
  for (const object of objects) {
    const kind = resourceKindOf(object);
    if (!kind) continue;
    const { group, version, plural } = RESOURCE_KIND_INFO[kind];
    store.put({ group, version, resource: plural }, object as StoredObject);
    count++;
  }
  return count;
}
