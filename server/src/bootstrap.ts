import type { Core } from '@strapi/strapi';
import { registerPermissions } from './permissions';
import { getService } from './get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerPermissions(strapi);
  // Receiving side: the callback token (made once), the reconciliation poller.
  await getService(strapi, 'callbacks').ensureToken();
  getService(strapi, 'reconcile').schedule();
};

export default bootstrap;
