import type { Server } from 'node:http';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import { storageScaffolderModule } from '../module';

/**
 * A backend with the scaffolder, the GitHub and GitLab modules (for the
 * templates' pull- and merge-request branches), this module and an in-memory catalog.
 */
export async function startScaffolderTestBackend(options: {
  storageConfig: JsonObject;
  entities?: Entity[];
  /** Where publish:gitlab:merge-request sends its API calls (a fake GitLab). */
  gitlabBaseUrl?: string;
}): Promise<Server> {
  const { server } = await startTestBackend({
    features: [
      import('@backstage/plugin-scaffolder-backend'),
      import('@backstage/plugin-scaffolder-backend-module-github'),
      import('@backstage/plugin-scaffolder-backend-module-gitlab'),
      storageScaffolderModule,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      mockServices.rootConfig.factory({
        data: {
          storage: options.storageConfig,
          integrations: {
            github: [
              { host: 'github.com', token: 'ghp_testtokentesttokentest' },
            ],
            gitlab: [
              {
                host: 'gitlab.example.com',
                token: 'glpat-testtokentesttoken',
                // publish:gitlab:merge-request calls <baseUrl>/api/v4.
                ...(options.gitlabBaseUrl
                  ? {
                      baseUrl: options.gitlabBaseUrl,
                      apiBaseUrl: `${options.gitlabBaseUrl}/api/v4`,
                    }
                  : { apiBaseUrl: 'https://gitlab.example.com/api/v4' }),
              },
            ],
          },
        },
      }),
    ],
  });
  return server;
}
