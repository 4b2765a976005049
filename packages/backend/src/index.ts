/*
 * Hi!
 *
 * Note that this is an EXAMPLE Backstage backend. Please check the README.
 *
 * Happy hacking!
 */

import { createBackend } from '@backstage/backend-defaults';
import { guestGuardModule } from './guestGuard';
import { kubernetesSnapshotModule } from './kubernetesSnapshot';
import { describeStartupFailure } from './startupFailure';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
// publish:gitlab:merge-request, which the storage templates take for GitLab repositories.
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(import('@gitops-storage/plugin-scaffolder-backend-module-storage'));

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// See https://backstage.io/docs/auth/guest/provider
// Guest sign-in only while the backend listens on loopback.
backend.add(guestGuardModule);

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// See https://backstage.io/docs/permissions/getting-started for how to create your own permission policy
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// events plugin (lets catalog and signals subscribe to events)
backend.add(import('@backstage/plugin-events-backend'));

// kubernetes plugin
backend.add(import('@backstage/plugin-kubernetes-backend'));
// With no Kubernetes cluster configured, the Kubernetes tab reads the storage
// plugin's snapshots (the demo), so the two tabs show the same workloads.
backend.add(kubernetesSnapshotModule);

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// storage plugin: volumes, tiers and backup coverage
backend.add(import('@gitops-storage/plugin-storage-backend'));

// A backend that cannot start (a busy port, guest sign-in on a public
// interface) says why in one sentence and exits, instead of logging an
// unhandled rejection and leaving the frontend talking to another server.
backend.start().catch(error => {
  process.stderr.write(`${describeStartupFailure(error)}\n`);
  process.exit(1);
});
