import type { Core } from '@strapi/strapi';
import { registerDocumentMiddlewares } from './publishing';
import { createCallbackLane } from './receiving';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Translate on publish: orders are scheduled after the publish, never inside it.
  registerDocumentMiddlewares(strapi);
  // Before the global middlewares, which Strapi adds at bootstrap.
  strapi.server.use(createCallbackLane(strapi));
};

export default register;
