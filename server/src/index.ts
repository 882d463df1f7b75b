// Imported for the emitted declarations only: they name Strapi's types through @strapi/strapi, not
// through a path into node_modules (TS2742 when node_modules is a link, as in a git worktree).
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import type { Core } from '@strapi/strapi';
import register from './register';
import bootstrap from './bootstrap';
import destroy from './destroy';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';
import policies from './policies';
import middlewares from './middlewares';

export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  routes,
  services,
  policies,
  middlewares,
};
