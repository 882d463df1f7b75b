/**
 * Gengo's callbacks: public (Gengo signs nothing), so the secret token in the path is checked by
 * the route middleware before anything else, and the body is only a hint (see receiving/README.md).
 * Every request to this path is answered before it gets here, by the lane ahead of Strapi's
 * middlewares (receiving/lane.ts: the token must never reach Strapi's request log); the route
 * stays declared, so that it is listed with the plugin's routes and still guarded if it were reached.
 */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'POST',
      path: '/callback/:token',
      handler: 'callback.receive',
      config: { auth: false, middlewares: ['plugin::gengo.verify-callback'] },
    },
  ],
};
