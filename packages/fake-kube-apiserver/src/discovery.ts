import type http from 'node:http';
import { RESOURCE_KIND_INFO } from '@gitops-storage/plugin-storage-common';
import type { ResourcePath, ResourceStore } from './ResourceStore';
import {
  includeObjectOf,
  printerFor,
  toTable,
  wantsTable,
} from './table/asTable';
import type { KubeObject } from './table/types';

/**
 * What kubectl asks before it lists anything: `/version`, discovery (`/api`,
 * `/apis`, `/api/v1`, `/apis/GROUP/VERSION`, and the aggregated
 * `apidiscovery.k8s.io/v2` form kubectl 1.26+ asks for first) and single
 * objects (`kubectl get KIND NAME` as a one-row table, `kubectl describe`).
 * Lists and watches stay with the server. Only the resource types the store serves are listed.
 */

interface ServedResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
}

/** kubectl's short names for the kinds served (`kubectl get pvc`). */
const SHORT_NAMES: Record<string, string[]> = {
  persistentvolumeclaims: ['pvc'],
  persistentvolumes: ['pv'],
  storageclasses: ['sc'],
  pods: ['po'],
  namespaces: ['ns'],
  configmaps: ['cm'],
  backupstoragelocations: ['bsl'],
};

const VERBS = ['get', 'list', 'watch'];
const AGGREGATED =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** The kinds of RESOURCE_KIND_INFO that the store has. */
export function servedResources(store: ResourceStore): ServedResource[] {
  return Object.entries(RESOURCE_KIND_INFO)
    .map(([kind, info]) => ({
      group: info.group,
      version: info.version,
      resource: info.plural,
      kind,
      namespaced: info.namespaced,
    }))
    .filter(r => store.hasResource(r));
}

function groupVersions(resources: ServedResource[]) {
  const groups = new Map<string, Set<string>>();
  for (const r of resources) {
    if (!r.group) continue;
    groups.set(r.group, (groups.get(r.group) ?? new Set()).add(r.version));
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

function apiResource(r: ServedResource) {
  return {
    name: r.resource,
    singularName: r.kind.toLowerCase(),
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: VERBS,
    ...(SHORT_NAMES[r.resource] ? { shortNames: SHORT_NAMES[r.resource] } : {}),
  };
}

function resourceList(
  resources: ServedResource[],
  group: string,
  version: string,
) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: resources
      .filter(r => r.group === group && r.version === version)
      .map(apiResource),
  };
}

/** `apidiscovery.k8s.io/v2` APIGroupDiscoveryList for `/api` (core) or `/apis`. */
export function aggregatedDiscovery(
  resources: ServedResource[],
  core: boolean,
) {
  const groups: Array<[string, Set<string>]> = core
    ? [['', new Set(resources.filter(r => !r.group).map(r => r.version))]]
    : groupVersions(resources);
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map(([group, versions]) => ({
      metadata: { name: group, creationTimestamp: null },
      versions: [...versions].map(version => ({
        version,
        freshness: 'Current',
        resources: resources
          .filter(r => r.group === group && r.version === version)
          .map(r => ({
            resource: r.resource,
            responseKind: { group, version, kind: r.kind },
            scope: r.namespaced ? 'Namespaced' : 'Cluster',
            singularResource: r.kind.toLowerCase(),
            verbs: VERBS,
            ...(SHORT_NAMES[r.resource]
              ? { shortNames: SHORT_NAMES[r.resource] }
              : {}),
          })),
      })),
    })),
  };
}

/** `/api/v1/[namespaces/NS/]RESOURCE/NAME` or `/apis/G/V/…/NAME`. */
export function parseObjectPath(
  pathname: string,
): (ResourcePath & { name: string }) | undefined {
  const parts = pathname.split('/').filter(Boolean);
  let group = '';
  let rest: string[];
  let version: string;
  if (parts[0] === 'api' && parts.length >= 4) {
    [, version, ...rest] = parts;
  } else if (parts[0] === 'apis' && parts.length >= 5) {
    [, group, version, ...rest] = parts;
  } else {
    return undefined;
  }
  if (rest.length === 2)
    return { group, version, resource: rest[0], name: rest[1] };
  if (rest.length === 4 && rest[0] === 'namespaces') {
    return {
      group,
      version,
      resource: rest[2],
      namespace: rest[1],
      name: rest[3],
    };
  }
  return undefined;
}

function notFound(message: string, details?: object) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'NotFound',
    code: 404,
    ...(details ? { details } : {}),
  };
}

/** The body and content type for a kubectl request, or undefined when it is a list or watch. */
export function kubectlResponse(
  store: ResourceStore,
  pathname: string,
  accept: string,
  includeObject: string | null = null,
): { status: number; body: unknown; contentType?: string } | undefined {
  const resources = servedResources(store);
  const wantsAggregated =
    accept.includes('as=APIGroupDiscoveryList') && /v=v2(;|,|$)/.test(accept);
  const parts = pathname.split('/').filter(Boolean);
  if (pathname === '/version' || pathname === '/version/') {
    return {
      status: 200,
      body: {
        major: '1',
        minor: '32',
        gitVersion: 'v1.32.0-fake',
        platform: 'linux/amd64',
      },
    };
  }
  if (parts.length === 1 && (parts[0] === 'api' || parts[0] === 'apis')) {
    const core = parts[0] === 'api';
    if (wantsAggregated) {
      return {
        status: 200,
        body: aggregatedDiscovery(resources, core),
        contentType: AGGREGATED,
      };
    }
    if (core) {
      return {
        status: 200,
        body: {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [],
        },
      };
    }
    return {
      status: 200,
      body: {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: groupVersions(resources).map(([name, versions]) => {
          const list = [...versions].map(version => ({
            groupVersion: `${name}/${version}`,
            version,
          }));
          return { name, versions: list, preferredVersion: list[0] };
        }),
      },
    };
  }
  if (parts[0] === 'api' && parts.length === 2) {
    return { status: 200, body: resourceList(resources, '', parts[1]) };
  }
  if (parts[0] === 'apis' && parts.length === 3) {
    const list = resourceList(resources, parts[1], parts[2]);
    if (list.resources.length === 0)
      return {
        status: 404,
        body: notFound(`the server could not find ${pathname}`),
      };
    return { status: 200, body: list };
  }
  const object = parseObjectPath(pathname);
  if (!object || !store.hasResource(object)) return undefined;
  const { name, ...path } = object;
  const { items } = store.listPage(path, 0, Number.MAX_SAFE_INTEGER);
  const found = items.find(i => i.metadata.name === name);
  const printer = wantsTable(accept) ? printerFor(object.resource) : undefined;
  if (found && printer) {
    // `kubectl get KIND NAME` prints one row of the kind's table.
    return {
      status: 200,
      body: toTable(printer, [found as KubeObject], {
        metadata: { resourceVersion: store.currentVersion() },
        includeObject: includeObjectOf(includeObject),
      }),
    };
  }
  if (found) return { status: 200, body: found };
  return {
    status: 404,
    body: notFound(`${object.resource} "${name}" not found`, {
      name,
      kind: object.resource,
      ...(object.group ? { group: object.group } : {}),
    }),
  };
}

/**
 * The hook in the server's request handler: answers discovery, /version and
 * single-object GETs and returns true, or returns false for anything else.
 */
export function serveKubectl(
  store: ResourceStore,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): boolean {
  if (req.method !== 'GET' || url.searchParams.get('watch') === 'true')
    return false;
  const answer = kubectlResponse(
    store,
    url.pathname,
    String(req.headers.accept ?? ''),
    url.searchParams.get('includeObject'),
  );
  if (!answer) return false;
  res.writeHead(answer.status, {
    'content-type': answer.contentType ?? 'application/json',
  });
  res.end(JSON.stringify(answer.body));
  return true;
}
