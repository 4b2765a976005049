import type { ResourcePath } from './ResourceStore';

/**
 * Parses a Kubernetes collection URL path:
 * `/api/v1/[namespaces/NS/]RESOURCE` or `/apis/GROUP/VERSION/[namespaces/NS/]RESOURCE`.
 * Returns undefined for anything else (single objects, discovery).
 */
export function parseResourcePath(pathname: string): ResourcePath | undefined {
  const parts = pathname.split('/').filter(Boolean);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  if (rest.length === 1) return { group, version, resource: rest[0] };
  if (rest.length === 3 && rest[0] === 'namespaces') {
    return { group, version, resource: rest[2], namespace: rest[1] };
  }
  return undefined;
}

/** Whether an object (by its namespace) falls under a path. */
export function pathCovers(path: ResourcePath, namespace?: string): boolean {
  return path.namespace === undefined || path.namespace === namespace;
}

export function sameResource(a: ResourcePath, b: ResourcePath): boolean {
  return (
    a.group === b.group && a.version === b.version && a.resource === b.resource
  );
}
