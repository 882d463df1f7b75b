import type { Core } from '@strapi/strapi';
import { createCallbackLane } from './middlewares/callback-lane';
import { registerDocumentMiddlewares } from './middlewares/documents';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Translate on publish (issue #6): orders are scheduled after the publish, never inside it.
  registerDocumentMiddlewares(strapi);
  // Before the global middlewares, which Strapi adds at bootstrap.
  strapi.server.use(createCallbackLane(strapi));
};

export default register;
