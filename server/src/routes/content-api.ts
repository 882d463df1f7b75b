/**
 * Gengo's callbacks: public (Gengo signs nothing), so the secret token in the path is checked by
 * the route middleware before anything else, and the body is only a hint (see receiving/README.md).
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
