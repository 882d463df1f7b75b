import type { Core } from '@strapi/strapi';
import { getService } from './platform/services';

/**
 * The plugin's one cron task, every minute: the poller (it runs when its interval is due) and the
 * bulk orders paused (Gengo unreachable) or whose instance died. Needs `cron.enabled` in the app.
 */
export const CRON_NAME = 'gengoReconcile';

export const scheduleMinuteTick = (strapi: Core.Strapi) => {
  strapi.cron.add({
    [CRON_NAME]: {
      task: () =>
        Promise.all([
          getService(strapi, 'receiving')
            .tick()
            .catch((err: any) => strapi.log.error(`[gengo] reconcile: ${err?.message ?? err}`)),
          getService(strapi, 'bulk')
            .resume()
            .catch((err: any) => strapi.log.error(`[gengo] bulk resume: ${err?.message ?? err}`)),
        ]),
      options: { rule: '* * * * *' },
    },
  });
};

export const unscheduleMinuteTick = (strapi: Core.Strapi): void => {
  strapi.cron.remove(CRON_NAME);
};
