import type { Core } from '@strapi/strapi';
import { registerPermissions } from './permissions';
import { getService } from './get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerPermissions(strapi);
  // Receiving side: the callback token (made once), the reconciliation poller.
  await getService(strapi, 'callbacks').ensureToken();
  getService(strapi, 'reconcile').schedule();
  // Bulk orders a restart interrupted carry on (out of band: the boot does not wait for them).
  setImmediate(() =>
    getService(strapi, 'bulkWorker')
      .resume()
      .catch((err) => strapi.log.error(`[gengo] bulk resume: ${err?.message ?? err}`))
  );
};

export default bootstrap;
