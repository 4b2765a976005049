import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a kubeconfig with one context per cluster (name → server URL), so
 * the real client configuration path can point at fake API servers.
 */
export function writeKubeconfig(
  file: string,
  clusters: Array<{ name: string; server: string; token?: string }>,
): void {
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: clusters.map(c => ({
      name: c.name,
      // The fake servers speak plain HTTP, which client-node only allows
      // with TLS verification off.
      cluster: {
        server: c.server,
        'insecure-skip-tls-verify': c.server.startsWith('http:'),
      },
    })),
    users: clusters.map(c => ({
      name: `${c.name}-user`,
      user: { token: c.token ?? 'fake-token' },
    })),
    contexts: clusters.map(c => ({
      name: c.name,
      context: { cluster: c.name, user: `${c.name}-user` },
    })),
    'current-context': clusters[0]?.name ?? '',
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // JSON is valid YAML, and kubeconfig loaders accept it.
  fs.writeFileSync(file, JSON.stringify(doc, null, 2));
}
