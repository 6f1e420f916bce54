import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { themeModule } from './modules/theme';
import { authModule } from './modules/auth';
import { argoCdModule } from './modules/argocd';

// Plugins are discovered from this package's dependencies (app.packages:
// all); the modules here brand the app and lay out its navigation.
export default createApp({
  features: [authModule, navModule, homeModule, themeModule, argoCdModule],
});
