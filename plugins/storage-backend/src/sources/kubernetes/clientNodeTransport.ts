import type { KubeConfig } from '@kubernetes/client-node';
import fetch, { Headers } from 'node-fetch';
import { loadClientNode } from '../../kubernetes/clientNode';
import { createAgentReuser } from './keepAliveAgent';
import { KubeApiError } from './KubeApiError';
import type { KubeTransport, ListPage, WatchHandle } from './KubeTransport';

/**
 * Lists and watches through `@kubernetes/client-node`: its KubeConfig applies
 * the credentials and TLS settings (token, client certificates, CA, exec
 * plugins) and its Watch parses the event stream. Lists go through the same
 * node-fetch transport client-node uses, reading the JSON body as it is
 * rather than through the generated model classes, which copy every field.
 */
export async function createClientNodeTransport(
  kc: KubeConfig,
): Promise<KubeTransport> {
  const { Watch } = await loadClientNode();
  const server = kc.getCurrentCluster()?.server;
  if (!server) {
    throw new Error('The Kubernetes configuration has no current cluster');
  }
  const watcher = new Watch(kc);
  const reuseAgent = createAgentReuser();
  let bytesReceived = 0;

  return {
    get bytesReceived() {
      return bytesReceived;
    },

    async list(path, query): Promise<ListPage> {
      const url = new URL(server.replace(/\/$/, '') + path);
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined) url.searchParams.set(key, String(value));
      }
      const init = await kc.applyToFetchOptions({});
      // client-node gives a Headers instance: copy it, don't spread it.
      const headers = new Headers(
        init.headers as ConstructorParameters<typeof Headers>[0],
      );
      headers.set('Accept', 'application/json');
      const response = await fetch(url.toString(), {
        ...(init as object),
        agent: reuseAgent(init.agent) as never,
        method: 'GET',
        headers,
      });
      // The body as bytes: counted without a second pass over a large string.
      const body = await response.buffer();
      bytesReceived += body.length;
      const text = body.toString('utf8');
      if (!response.ok) {
        throw new KubeApiError(
          statusMessage(text, response.statusText),
          response.status,
        );
      }
      return JSON.parse(text) as ListPage;
    },

    async watch(path, query, onEvent, onDone): Promise<WatchHandle> {
      let aborted = false;
      const controller = await watcher.watch(
        path,
        query,
        (type, object) => {
          // client-node has already parsed the line; its size is what the
          // server sent, give or take whitespace.
          bytesReceived += JSON.stringify(object).length + type.length + 22;
          onEvent(type, object);
        },
        error => {
          if (!aborted) onDone(error ?? undefined);
        },
      );
      return {
        abort() {
          aborted = true;
          controller.abort();
        },
      };
    },
  };
}

function statusMessage(body: string, fallback: string): string {
  try {
    const parsed = JSON.parse(body);
    if (parsed && typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not a Status body
  }
  return fallback || 'request failed';
}
