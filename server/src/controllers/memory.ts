import type { Core } from '@strapi/strapi';
import { getService } from '../platform/services';
import { validateMemoryClear, validateMemoryList } from './validation/memory';

/** The translation memory: what each language pair holds, and clearing one pair. */
const createMemoryController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /gengo/memory?sourceLang=&targetLang= */
  async list(ctx: any) {
    const q = await validateMemoryList(ctx.query);
    ctx.body = { data: await getService(strapi, 'memory').list({ lcSrc: q.sourceLang, lcTgt: q.targetLang }) };
  },

  /** DELETE /gengo/memory?sourceLang=&targetLang= */
  async clear(ctx: any) {
    const q = await validateMemoryClear(ctx.query);
    ctx.body = { data: await getService(strapi, 'memory').clear(q.sourceLang, q.targetLang) };
  },
});

export default createMemoryController;
