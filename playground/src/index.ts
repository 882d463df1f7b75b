import type { Core } from '@strapi/strapi';
import { ensureLocales } from './seed/locales';
import { seedDemo } from './seed/demo';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    if (process.env.PLAYGROUND_SEED === 'true') {
      await seedDemo(strapi);
    }
  },
};
