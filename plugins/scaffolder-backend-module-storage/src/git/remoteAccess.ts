import { isIP } from 'node:net';
import { InputError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { RepoLocation } from './repoUrl';

/** What decides which remote git hosts templates may reach. */
export interface RemoteAccessPolicy {
  /** `storage.gitops.allowedHosts` (host or host:port), plus the configured repoUrl's host. */
  allowedHosts: string[];
  integrations: ScmIntegrationRegistry;
}

/** `host:port` → `host`; `[::1]:22` → `::1`. */
export function hostnameOf(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed) return bracketed[1].toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

function ipv4Octets(address: string): number[] | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
  return isIP(mapped) === 4 ? mapped.split('.').map(Number) : undefined;
}

/**
 * Loopback, link-local (cloud metadata services live there) and
 * unspecified addresses, and the names that always mean this machine.
 */
export function isLocalOnlyAddress(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const v4 = ipv4Octets(name);
  if (v4)
    return v4[0] === 127 || v4[0] === 0 || (v4[0] === 169 && v4[1] === 254);
  if (isIP(name) === 6) {
    return name === '::1' || name === '::' || /^fe[89ab][0-9a-f]:/i.test(name);
  }
  return false;
}

/**
 * Remote repositories may only be on hosts the operator configured: a
 * Backstage integration (github, gitlab, …) or `storage.gitops.allowedHosts`.
 * Loopback and link-local addresses need an explicit `allowedHosts` entry
 * (an integration is not enough). Otherwise a template could make the
 * backend connect anywhere (server-side request forgery).
 */
export function assertRemoteAllowed(
  location: RepoLocation,
  policy: RemoteAccessPolicy,
): void {
  if (location.kind !== 'remote') return;
  const hostname = hostnameOf(location.host);
  const listed = policy.allowedHosts
    .map(h => h.toLowerCase())
    .some(h => h === location.host.toLowerCase() || h === hostname);
  if (isLocalOnlyAddress(hostname)) {
    if (listed) return;
    throw new InputError(
      `Host '${location.host}' is a loopback or link-local address; git hosts on this machine's own addresses must be listed in storage.gitops.allowedHosts`,
    );
  }
  const integrated = Boolean(
    policy.integrations.byHost(location.host) ??
      policy.integrations.byHost(hostname),
  );
  if (!listed && !integrated) {
    throw new InputError(
      `Host '${location.host}' is not a configured git host: add a Backstage integration for it or list it in storage.gitops.allowedHosts`,
    );
  }
}
