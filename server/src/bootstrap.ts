import type { Core } from '@strapi/strapi';
import { scheduleMinuteTick } from './cron';
import { registerPermissions } from './permissions';
import { registerWebhookEvents } from './platform/events';
import { getService } from './platform/services';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerPermissions(strapi);
  // gengo.order.placed… become choosable for webhooks (Settings → Webhooks, POST /admin/webhooks).
  registerWebhookEvents(strapi);
  // Receiving side: the callback token (made once), the poller and bulk resume on the minute tick.
  await getService(strapi, 'receiving').ensureToken();
  scheduleMinuteTick(strapi);
  // What the owner got wrong, said at boot (no public URL, cron off…): GET /gengo/health has the same.
  await getService(strapi, 'settings')
    .warnSetup()
    .catch((err) => strapi.log.error(`[gengo] setup check: ${err?.message ?? err}`));
  // Bulk orders a restart interrupted carry on (out of band: the boot does not wait for them).
  setImmediate(() =>
    getService(strapi, 'bulk')
      .resume()
      .catch((err) => strapi.log.error(`[gengo] bulk resume: ${err?.message ?? err}`))
  );
};

export default bootstrap;
