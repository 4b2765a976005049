import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import storagePlugin from '@gitops-storage/plugin-storage/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';

export default createApp({
  // Listed explicitly as well as discovered (app.packages: all) so that the
  // app's own tests, which run without discovery, include them.
  features: [catalogPlugin, storagePlugin, navModule, homeModule],
});
