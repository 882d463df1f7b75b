import crypto from 'crypto';

/**
 * Gengo request signing (API v2): `ts` is the current Unix time in whole seconds and `api_sig` the
 * lowercase hex HMAC-SHA1 of the `ts` string, keyed with the private key. Only `ts` is signed.
 */
export const unixSeconds = (nowMs: number): number => Math.floor(nowMs / 1000);

export const signTimestamp = (privateKey: string, ts: number | string): string =>
  crypto.createHmac('sha1', Buffer.from(privateKey, 'utf8')).update(String(ts), 'utf8').digest('hex');

export interface AuthParams {
  api_key: string;
  ts: string;
  api_sig: string;
}

/** The three authentication fields every call carries (query string or form body). */
export const authParams = (publicKey: string, privateKey: string, nowMs: number): AuthParams => {
  const ts = String(unixSeconds(nowMs));
  return { api_key: publicKey, ts, api_sig: signTimestamp(privateKey, ts) };
};
