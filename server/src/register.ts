import type { Core } from '@strapi/strapi';
import { registerDocumentMiddlewares } from './middlewares/documents';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Translate on publish (issue #6): orders are scheduled after the publish, never inside it.
  registerDocumentMiddlewares(strapi);
};

export default register;
