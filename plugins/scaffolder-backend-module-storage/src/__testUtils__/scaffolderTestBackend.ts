import type { Server } from 'node:http';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import { storageScaffolderModule } from '../module';

/**
 * A backend with the scaffolder, the GitHub module (for the templates'
 * pull-request branch), this module and an in-memory catalog.
 */
export async function startScaffolderTestBackend(options: {
  storageConfig: JsonObject;
  entities?: Entity[];
}): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      import('@backstage/plugin-scaffolder-backend'),
      import('@backstage/plugin-scaffolder-backend-module-github'),
      storageScaffolderModule,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      mockServices.rootConfig.factory({
        data: {
          storage: options.storageConfig,
          integrations: {
            github: [
              { host: 'github.com', token: 'ghp_testtokentesttokentest' },
            ],
          },
        },
      }),
    ],
  });
  return server;
}
