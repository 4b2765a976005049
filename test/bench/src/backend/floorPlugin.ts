import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';

/**
 * The framework's floor for the entity endpoint: a plugin in the same
 * backend, behind the same httpRouter (auth, cookies, error handling) and
 * the same router stack as the storage plugin, that authenticates the
 * caller as the entity route does and sends a body serialized beforehand.
 * It does no catalog lookup, no permission check and no work of its own, so
 * no endpoint of this backend can answer faster.
 */
export function createFloorPlugin() {
  let body: Buffer = Buffer.from('{}');
  const plugin = createBackendPlugin({
    pluginId: 'floor',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.use(express.json());
          router.get('/body', async (req, res) => {
            await httpAuth.credentials(req, { allow: ['user', 'service'] });
            // A fixed validator, so express does not hash the body.
            res.type('application/json').setHeader('ETag', 'W/"floor"');
            res.send(body);
          });
          // An empty page on the backend's origin, for the browser
          // measurements (same-origin fetches, as the app's proxy makes them).
          router.get('/page', (_req, res) => {
            res.type('text/html').send('<!doctype html><title>bench</title>');
          });
          httpRouter.use(router);
          httpRouter.addAuthPolicy({ path: '/page', allow: 'unauthenticated' });
        },
      });
    },
  });
  return {
    plugin,
    path: '/api/floor/body',
    pagePath: '/api/floor/page',
    /** The body every request gets (the bench sets one as large as an entity answer). */
    setBody(next: Buffer): void {
      body = next;
    },
  };
}
