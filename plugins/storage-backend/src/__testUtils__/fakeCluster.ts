import {
  InMemoryResourceStore,
  type StoredObject,
} from '@gitops-storage/fake-kube-apiserver';
import {
  RESOURCE_KIND_INFO,
  RESOURCE_KINDS,
  type ResourceKind,
} from '@gitops-storage/plugin-storage-common';

/** The resource path of a kind, for the fake server's store. */
export function pathOf(kind: ResourceKind) {
  const { group, version, plural } = RESOURCE_KIND_INFO[kind];
  return { group, version, resource: plural };
}

/** A store that serves every kind the plugin reads, except those left out. */
export function storeWithKinds(
  except: ResourceKind[] = [],
): InMemoryResourceStore {
  const store = new InMemoryResourceStore();
  for (const kind of RESOURCE_KINDS) {
    if (!except.includes(kind)) store.defineResource(pathOf(kind));
  }
  return store;
}

export function object(
  kind: ResourceKind,
  name: string,
  namespace?: string,
  extra: Record<string, unknown> = {},
): StoredObject {
  const { group, version } = RESOURCE_KIND_INFO[kind];
  return {
    apiVersion: group ? `${group}/${version}` : version,
    kind,
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      uid: `uid-${namespace ?? ''}-${name}`,
    },
    ...extra,
  };
}
