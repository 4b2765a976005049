import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * The interface the backend listens on: `backend.listen` is either
 * `{ host, port }` or a `host:port` string; no host means every interface.
 */
export function listenHost(config: Config): string {
  const listen = config.getOptional('backend.listen');
  if (typeof listen === 'string') {
    const colon = listen.lastIndexOf(':');
    return colon >= 0 ? listen.slice(0, colon) : '';
  }
  return config.getOptionalString('backend.listen.host') ?? '';
}

/**
 * Why this backend must not start, or undefined when it may: guest sign-in
 * lets anyone who reaches the port in, so it is only allowed while the
 * backend listens on a loopback interface (or when the guest provider's own
 * `dangerouslyAllowOutsideDevelopment` says so).
 */
export function guestExposure(config: Config): string | undefined {
  const guest = config.getOptionalConfig('auth.providers.guest');
  if (!guest) return undefined;
  if (guest.getOptionalBoolean('dangerouslyAllowOutsideDevelopment')) {
    return undefined;
  }
  const host = listenHost(config);
  if (LOOPBACK.test(host)) return undefined;
  return (
    `guest sign-in (auth.providers.guest) is on and the backend would listen on ` +
    `${
      host ? `${host}, not only on this machine` : 'every network interface'
    }, ` +
    `so anyone who reaches it could sign in: set backend.listen.host to 127.0.0.1 ` +
    `(the default in app-config.yaml; BACKEND_HOST overrides it) or configure a real sign-in provider.`
  );
}

/** Stops the backend at start when guestExposure finds a problem. */
export const guestGuardModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'guest-loopback-guard',
  register(env) {
    env.registerInit({
      deps: { config: coreServices.rootConfig },
      async init({ config }) {
        const problem = guestExposure(config);
        if (problem) throw new Error(problem);
      },
    });
  },
});
