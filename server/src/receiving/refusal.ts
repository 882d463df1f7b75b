/**
 * Why a callback is refused before its body is read: the token in the path must match
 * (constant-time, against its stored hash) → else 401; the body must be form-encoded → else 415.
 * Null when it may be read. Shared by the route middleware (middlewares/verify-callback.ts) and the
 * lane ahead of Strapi's middlewares (lane.ts), which leaves a refused callback to the route.
 */
export interface CallbackRefusal {
  status: number;
  name: string;
  message: string;
}

export const callbackRefusal = async (
  ctx: { is(type: string): string | false | null },
  verifyToken: (token: unknown) => Promise<boolean>,
  token: unknown
): Promise<CallbackRefusal | null> => {
  if (!(await verifyToken(token))) return { status: 401, name: 'UnauthorizedError', message: 'Invalid callback token' };
  if (!ctx.is('application/x-www-form-urlencoded'))
    return { status: 415, name: 'UnsupportedMediaTypeError', message: 'Callbacks are form-encoded' };
  return null;
};
