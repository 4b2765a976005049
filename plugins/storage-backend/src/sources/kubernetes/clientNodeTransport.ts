import type { KubeConfig } from '@kubernetes/client-node';
import fetch, { Headers, type Response } from 'node-fetch';
import { createAgentReuser } from './keepAliveAgent';
import { KubeApiError } from './KubeApiError';
import type { KubeTransport, ListPage, WatchHandle } from './KubeTransport';
import { LineReader, readCapped } from './lineReader';

/** Limits on what one request may cost. */
export interface TransportLimits {
  /** Whole list page (headers and body), and a watch's response headers. Default 60 s. */
  requestTimeoutMs?: number;
  /** One list body or one watch line. Default 16 MiB. */
  maxMessageBytes?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** Error bodies are read for their Status message only. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * Lists and watches with `@kubernetes/client-node`'s KubeConfig, which
 * applies the credentials and TLS settings (token, client certificates, CA,
 * exec plugins), over the node-fetch transport client-node itself uses.
 * Bodies are read as JSON text rather than through the generated model
 * classes, which copy every field; the watch stream is split into lines here
 * (client-node's Watch buffers a line without limit) so every message has a
 * byte cap, and every request a timeout.
 */
export async function createClientNodeTransport(
  kc: KubeConfig,
  limits: TransportLimits = {},
): Promise<KubeTransport> {
  const server = kc.getCurrentCluster()?.server;
  if (!server) {
    throw new Error('The Kubernetes configuration has no current cluster');
  }
  const timeoutMs = limits.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const maxBytes = limits.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const reuseAgent = createAgentReuser();
  let bytesReceived = 0;

  async function request(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    signal: AbortSignal,
  ): Promise<Response> {
    const url = new URL(server!.replace(/\/$/, '') + path);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const init = await kc.applyToFetchOptions({});
    // client-node gives a Headers instance: copy it, don't spread it.
    const headers = new Headers(
      init.headers as ConstructorParameters<typeof Headers>[0],
    );
    headers.set('Accept', 'application/json');
    return fetch(url.toString(), {
      ...(init as object),
      agent: reuseAgent(init.agent) as never,
      method: 'GET',
      headers,
      signal: signal as never,
    });
  }

  /** Throws the API server's Status as a KubeApiError. */
  async function failed(response: Response): Promise<never> {
    let text = '';
    try {
      text = (await readCapped(response.body, MAX_ERROR_BODY_BYTES)).toString(
        'utf8',
      );
    } catch {
      // an oversized or broken error body: the status code says enough
    }
    throw new KubeApiError(
      statusMessage(text, response.statusText),
      response.status,
    );
  }

  function timeout(controller: AbortController, what: string) {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    return {
      clear: () => clearTimeout(timer),
      rethrow(error: unknown): never {
        if (timedOut && !(error instanceof KubeApiError)) {
          throw new KubeApiError(
            `${what} did not complete within ${timeoutMs} ms`,
            undefined,
            'timeout',
          );
        }
        throw error;
      },
    };
  }

  return {
    get bytesReceived() {
      return bytesReceived;
    },

    async list(path, query, signal): Promise<ListPage> {
      const controller = new AbortController();
      const stop = () => controller.abort();
      signal?.addEventListener('abort', stop);
      const deadline = timeout(controller, 'list');
      try {
        const response = await request(path, query, controller.signal);
        if (!response.ok) await failed(response);
        const body = await readCapped(response.body, maxBytes);
        bytesReceived += body.length;
        try {
          return JSON.parse(body.toString('utf8')) as ListPage;
        } catch {
          throw new KubeApiError(
            'list body is not JSON',
            undefined,
            'invalid-response',
          );
        }
      } catch (error) {
        controller.abort();
        return deadline.rethrow(error);
      } finally {
        deadline.clear();
        signal?.removeEventListener('abort', stop);
      }
    },

    async watch(path, query, onEvent, onDone): Promise<WatchHandle> {
      const controller = new AbortController();
      let finished = false;
      const finish = (error?: unknown) => {
        if (finished) return;
        finished = true;
        controller.abort();
        onDone(error);
      };
      const deadline = timeout(controller, 'watch request');
      let response: Response;
      try {
        response = await request(
          path,
          { ...query, watch: true },
          controller.signal,
        );
        if (response.status !== 200) await failed(response);
      } catch (error) {
        controller.abort();
        return deadline.rethrow(error);
      } finally {
        deadline.clear();
      }
      const lines = new LineReader(maxBytes, line => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          onEvent('', undefined);
          return;
        }
        const event = parsed as { type?: unknown; object?: unknown } | null;
        onEvent(
          typeof event?.type === 'string' ? event.type : '',
          event?.object,
        );
      });
      const body = response.body;
      body.on('data', (chunk: Buffer) => {
        if (finished) return;
        bytesReceived += chunk.length;
        try {
          lines.push(chunk);
        } catch (error) {
          finish(error);
        }
      });
      body.on('error', error => finish(finished ? undefined : error));
      body.on('end', () => finish());
      body.on('close', () => finish());
      return {
        abort() {
          finished = true;
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
