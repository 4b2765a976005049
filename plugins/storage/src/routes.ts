import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

/** The fleet-wide coverage page. */
export const rootRouteRef = createRouteRef({ id: 'storage' });

/** The Storage tab of a catalog entity. */
export const entityContentRouteRef = createRouteRef({
  id: 'storage:entity-content',
});

/**
 * The scaffolder, for links to the templates that fix a volume. Optional: the
 * plugin falls back to `/create` when an app does not bind it.
 */
export const scaffolderRouteRef = createExternalRouteRef({
  id: 'storage:scaffolder',
  optional: true,
  defaultTarget: 'scaffolder.root',
});
