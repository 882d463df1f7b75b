import { createHmac, timingSafeEqual } from 'node:crypto';
import { ErrorCode, authError } from './errors';

/** Gengo signs only `ts`: api_sig = hex(HMAC-SHA1(privateKey, String(ts))). */
export function sign(ts: string | number, privateKey: string): string {
  return createHmac('sha1', privateKey).update(String(ts)).digest('hex');
}

export interface Credentials {
  publicKey: string;
  privateKey: string;
}

export interface AuthParams {
  api_key?: string | null;
  api_sig?: string | null;
  ts?: string | null;
}

/**
 * Checks the key, and unless `keyOnly` (public service endpoints need only api_key), the
 * signature and the freshness of `ts`. Throws the Gengo error of the first failed check.
 */
export function verify(
  params: AuthParams,
  accounts: Credentials[],
  opts: { keyOnly?: boolean; clockSkewSeconds: number; now?: number }
): Credentials {
  if (!params.api_key) throw authError(ErrorCode.API_KEY_REQUIRED, 'api_key is a required field');
  const account = accounts.find((a) => a.publicKey === params.api_key);
  if (!account) throw authError(ErrorCode.AUTH_FAILED, 'Authentication failed: unknown api_key');
  if (opts.keyOnly) return account;
  if (!params.api_sig) throw authError(ErrorCode.API_SIG_REQUIRED, 'api_sig is a required field');
  if (params.ts === undefined || params.ts === null || params.ts === '')
    throw authError(ErrorCode.TS_REQUIRED, 'ts is a required field');
  if (!/^\d+$/.test(params.ts)) throw authError(ErrorCode.TS_NOT_NUMERIC, 'ts must be numeric');
  const expected = Buffer.from(sign(params.ts, account.privateKey));
  const given = Buffer.from(params.api_sig.toLowerCase());
  // timingSafeEqual needs equal lengths; a length mismatch is already a failure.
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw authError(ErrorCode.AUTH_FAILED, 'Authentication failed: invalid api_sig');
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(params.ts)) > opts.clockSkewSeconds)
    throw authError(
      ErrorCode.AUTH_FAILED,
      `Authentication failed: ts is more than ${opts.clockSkewSeconds}s away from server time`
    );
  return account;
}
