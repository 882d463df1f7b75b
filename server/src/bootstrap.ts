import type { Core } from '@strapi/strapi';
import { registerPermissions } from './permissions';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerPermissions(strapi);
};

export default bootstrap;
