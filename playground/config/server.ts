export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: {
    keys: env.array('APP_KEYS'),
  },
  // The plugin's reconciliation poller is a cron task.
  cron: { enabled: true },
  logger: { updates: { enabled: false }, startup: { enabled: false } },
});
