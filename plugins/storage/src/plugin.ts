import { createPlugin } from '@backstage/core-plugin-api';

/**
 * The storage frontend plugin (legacy frontend system).
 * @public
 */
export const storagePlugin = createPlugin({
  id: 'storage',
});
