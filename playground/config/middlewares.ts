export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      // Gengo posts callbacks form-encoded and up to 60 KB; koa-body's default formLimit is 56 KB.
      formLimit: '256kb',
      jsonLimit: '1mb',
      textLimit: '256kb',
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
