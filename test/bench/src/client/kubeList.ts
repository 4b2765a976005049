import type { KubeConfig } from '@kubernetes/client-node';
import fetch, { Headers } from 'node-fetch';

type ClientNode = typeof import('@kubernetes/client-node');
let clientNode: Promise<ClientNode> | undefined;

/** client-node is ESM-only: loaded with a native dynamic import, as the backend does. */
export function loadClientNode(): Promise<ClientNode> {
  clientNode ??= import('@kubernetes/client-node');
  return clientNode;
}

export async function kubeConfigFor(
  file: string,
  context: string,
): Promise<KubeConfig> {
  const { KubeConfig } = await loadClientNode();
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  kc.setCurrentContext(context);
  return kc;
}

/** What one fan-out request cost on the wire. */
export interface WireCounter {
  requests: number;
  bytes: number;
}

/**
 * One list call the way Backstage's Kubernetes backend makes it: the
 * KubeConfig applies credentials and TLS, node-fetch sends the GET, the JSON
 * body is parsed whole (no paging).
 */
export async function listItems(
  kc: KubeConfig,
  path: string,
  query: Record<string, string>,
  wire: WireCounter,
): Promise<unknown[]> {
  const server = kc.getCurrentCluster()!.server.replace(/\/$/, '');
  const url = new URL(server + path);
  for (const [key, value] of Object.entries(query))
    url.searchParams.set(key, value);
  const init = await kc.applyToFetchOptions({});
  const headers = new Headers(
    init.headers as ConstructorParameters<typeof Headers>[0],
  );
  headers.set('Accept', 'application/json');
  const response = await fetch(url.toString(), {
    ...(init as object),
    method: 'GET',
    headers,
  });
  const text = await response.text();
  wire.requests++;
  wire.bytes += Buffer.byteLength(text);
  if (!response.ok)
    throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 200)}`);
  return (JSON.parse(text) as { items: unknown[] }).items;
}
