import type { Core } from '@strapi/strapi';
import { unscheduleMinuteTick } from './cron';
import { getService } from './platform/services';

const SHUTDOWN_GRACE_MS = 10_000;

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Stop the poller first, so that nothing new starts.
  unscheduleMinuteTick(strapi);
  // Bulk orders: no document starts any more; the one in progress finishes (then resumes at the next start).
  const bulk = getService(strapi, 'bulk').stop();
  getService(strapi, 'receiving').stopIntake();
  // Work already started (an order's follow-up, a review's sync, queued applies) finishes its
  // writes: cut off mid-transaction it would only be redone by the next poll, but the database
  // connection closes under it. Bounded, so that a hung Gengo call never blocks a shutdown.
  const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  await Promise.race([
    Promise.allSettled([
      bulk,
      getService(strapi, 'publishing').settled(),
      getService(strapi, 'ordering').settled(),
      getService(strapi, 'review').settled(),
      getService(strapi, 'receiving').idle(),
    ]),
    grace,
  ]);
  // Anything still queued is re-polled at the next start: the job rows say what is unapplied.
  getService(strapi, 'publishing').close();
  getService(strapi, 'receiving').close();
};

export default destroy;
