import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { SEED_ARTICLES, SEED_CATEGORIES, SEED_HOMEPAGE } from './articles';

export const DEMO_ADMIN = {
  email: process.env.PLAYGROUND_ADMIN_EMAIL || 'admin@example.com',
  password: process.env.PLAYGROUND_ADMIN_PASSWORD || 'Gengo-demo-2026',
  firstname: 'Demo',
  lastname: 'Admin',
};

/** The first admin, so that the demo's login works on a fresh database. */
const seedAdmin = async (strapi: Core.Strapi) => {
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  await users.createFirstAdmin({
    email: DEMO_ADMIN.email,
    password: DEMO_ADMIN.password,
    firstname: DEMO_ADMIN.firstname,
    lastname: DEMO_ADMIN.lastname,
  });
};

const seedCover = async (strapi: Core.Strapi) => {
  const file = path.resolve(__dirname, '..', '..', '..', 'seed', 'cover.png');
  const existing = await strapi.db.query('plugin::upload.file').findOne({ where: { name: 'cover.png' } });
  if (existing) return existing;
  const { size } = fs.statSync(file);
  const [uploaded] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: 'cover.png', alternativeText: 'A cup of coffee' } },
      files: { filepath: file, originalFilename: 'cover.png', mimetype: 'image/png', size },
    });
  return uploaded;
};

const slugify = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Demo content in `en`, created once: a rerun finds it and does nothing. */
export const seedDemo = async (strapi: Core.Strapi) => {
  await seedAdmin(strapi);

  const articles = strapi.documents('api::article.article');
  if ((await articles.count({ locale: 'en' })) > 0) return;

  const cover = await seedCover(strapi);
  const categoryIds: Record<string, string> = {};
  for (const name of SEED_CATEGORIES) {
    const category = await strapi.documents('api::category.category').create({ locale: 'en', data: { name } });
    categoryIds[name] = category.documentId;
  }

  for (const { category, ...article } of SEED_ARTICLES) {
    await articles.create({
      locale: 'en',
      status: 'published',
      data: { ...article, slug: slugify(article.title), cover: cover.id, category: categoryIds[category] } as any,
    });
  }

  await strapi
    .documents('api::homepage.homepage')
    .create({ locale: 'en', status: 'published', data: SEED_HOMEPAGE as any });
  strapi.log.info(`[playground] seeded ${SEED_ARTICLES.length} articles`);
};
