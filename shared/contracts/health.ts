/** `GET /gengo/health`: the plugin answers, and on which Strapi. */
export interface Health {
  plugin: string;
  ok: true;
  strapiVersion: string | undefined;
}
