import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { seal, unseal, type Sealed } from '../platform/sealed-secret';

/**
 * The secret in the callback URL (`/api/gengo/callback/<token>`): 32 random bytes, base64url,
 * made at first start, rotatable. Stored as its sha256 (what requests are checked against, in
 * constant time) and sealed (to build the URL sent to Gengo with each job).
 */
interface StoredToken {
  hash: string;
  sealed: Sealed;
  createdAt: string;
}

const VERIFY_CACHE_MS = 5_000;

const digest = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest();

export const createCallbackToken = (strapi: Core.Strapi) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'callback-token' });
  let warned = false;

  const read = async (): Promise<StoredToken | null> => ((await store().get({})) as StoredToken | null) ?? null;

  // A burst of callbacks would read the same row once per request, each waiting its turn for
  // SQLite's one connection. A rotation here is seen at once; one by another instance within
  // VERIFY_CACHE_MS (the old URL works that much longer there, the new one is refused that long:
  // Gengo retries and the poller catches up).
  let cached: { at: number; hash: string | null } | null = null;
  const storedHash = async (): Promise<string | null> => {
    if (cached && Date.now() - cached.at < VERIFY_CACHE_MS) return cached.hash;
    const hash = (await read())?.hash ?? null;
    cached = { at: Date.now(), hash };
    return hash;
  };

  const write = async (): Promise<string> => {
    const token = crypto.randomBytes(32).toString('base64url');
    const sealed = seal(strapi, token);
    if (!sealed.encrypted && !warned) {
      warned = true;
      strapi.log.warn(
        '[gengo] admin.secrets.encryptionKey is not set: the callback token is stored unencrypted. Set ENCRYPTION_KEY to encrypt it.'
      );
    }
    const value: StoredToken = { hash: digest(token).toString('hex'), sealed, createdAt: new Date().toISOString() };
    await store().set({ value });
    cached = null;
    return token;
  };

  return {
    /** At bootstrap: makes the token when there is none. */
    async ensure(): Promise<void> {
      if (!(await read())?.hash) await write();
    },

    /** A new token; the old one stops working at once. Returns the new plain token. */
    rotate: write,

    /** The plain token, for the callback URL; null when it cannot be decrypted (then rotate). */
    async plain(): Promise<string | null> {
      const stored = await read();
      return stored ? unseal(strapi, stored.sealed) : null;
    },

    /** Constant-time check of a token from a request against the stored hash. */
    async verify(candidate: unknown): Promise<boolean> {
      if (typeof candidate !== 'string' || !candidate || candidate.length > 200) return false;
      const hash = await storedHash();
      if (!hash) return false;
      const expected = Buffer.from(hash, 'hex');
      const given = digest(candidate);
      return expected.length === given.length && crypto.timingSafeEqual(expected, given);
    },
  };
};

export type CallbackToken = ReturnType<typeof createCallbackToken>;
