import type { Core } from '@strapi/strapi';

export const PLAYGROUND_LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'fr', name: 'French (fr)' },
  { code: 'de', name: 'German (de)' },
  { code: 'ja', name: 'Japanese (ja)' },
  { code: 'zh-Hans', name: 'Chinese (Simplified) (zh-Hans)' },
  { code: 'pt-BR', name: 'Portuguese (Brazil) (pt-BR)' },
];

/** Creates the playground's locales that are missing; `en` stays the default. */
export const ensureLocales = async (strapi: Core.Strapi) => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of PLAYGROUND_LOCALES) {
    if (!(await locales.findByCode(locale.code))) {
      await locales.create(locale, { isDefault: locale.code === 'en' });
    }
  }
};
