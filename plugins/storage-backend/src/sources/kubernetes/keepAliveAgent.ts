import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';

/** The TLS settings that make two agents interchangeable. */
const IDENTITY_OPTIONS = [
  'ca',
  'cert',
  'key',
  'pfx',
  'passphrase',
  'rejectUnauthorized',
  'servername',
] as const;

/**
 * How long a connection may sit idle and still be reused: well under the
 * idle timeouts servers and proxies use (Node's 5 s, nginx's 75 s), so a
 * request never goes out on a connection the server is closing.
 */
export const MAX_IDLE_MS = 2000;

const freedAt = new WeakMap<Socket, number>();

function keepAlive(
  AgentClass: typeof http.Agent,
  options: Record<string, unknown>,
) {
  const agent = new AgentClass({ ...options, keepAlive: true });
  agent.on('free', (socket: Socket) => freedAt.set(socket, Date.now()));
  return agent;
}

/**
 * Closes connections idle for longer than MAX_IDLE_MS. Timers cannot do it
 * while the event loop is busy (a cold sync parses for seconds on end), so
 * this runs right before each request.
 */
function closeStale(agent: http.Agent, now = Date.now()) {
  for (const sockets of Object.values(agent.freeSockets)) {
    for (const socket of sockets ?? []) {
      if (now - (freedAt.get(socket) ?? 0) > MAX_IDLE_MS) socket.destroy();
    }
  }
}

/**
 * client-node's `applyToFetchOptions` builds a new agent, without keep-alive,
 * on every call: each list page would open its own connection (against a
 * real API server, its own TLS handshake). This keeps one keep-alive agent
 * per TLS configuration instead, made anew only when the settings change
 * (an exec plugin that rotates client certificates). Proxy agents are
 * passed through as client-node made them.
 */
export function createAgentReuser(): (fresh: unknown) => unknown {
  let cached: { key: string; agent: http.Agent } | undefined;
  return fresh => {
    const isHttps = fresh?.constructor === https.Agent;
    if (!isHttps && fresh?.constructor !== http.Agent) return fresh;
    const options =
      (fresh as { options?: Record<string, unknown> }).options ?? {};
    const key = JSON.stringify([
      isHttps,
      ...IDENTITY_OPTIONS.map(o => options[o]),
    ]);
    if (cached?.key !== key) {
      cached?.agent.destroy();
      cached = {
        key,
        agent: keepAlive(isHttps ? https.Agent : http.Agent, options),
      };
    }
    closeStale(cached.agent);
    return cached.agent;
  };
}
