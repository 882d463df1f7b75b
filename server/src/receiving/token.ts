import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { seal, unseal, type Sealed } from '../platform/sealed-secret';

/**
 * The secret in the callback URL (`/api/gengo/callback/<token>`): 32 random bytes, base64url,
 * made at first start, rotatable. Stored as its sha256 (what requests are checked against, in
 * constant time) and sealed (to build the URL sent to Gengo with each job).
 *
 * A sealed token that no longer decrypts (ENCRYPTION_KEY changed or gone) would leave every new
 * order without a callback URL, and nobody told: it is re-created at once (at bootstrap, or when
 * the URL is next asked for) with a warning that never carries a token. The old hash stays
 * accepted (`previous`): jobs ordered before still call back the URL they were given. An explicit
 * rotation drops them (the old URL must stop working).
 */
interface StoredToken {
  hash: string;
  sealed: Sealed;
  createdAt: string;
  /** Hashes of tokens replaced because they could not be decrypted: still accepted. */
  previous?: string[];
  /** When the token was last re-created because the stored one could not be decrypted. */
  recreatedAt?: string | null;
}

const MAX_PREVIOUS = 5;

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
  let cached: { at: number; hashes: string[] } | null = null;
  const storedHashes = async (): Promise<string[]> => {
    if (cached && Date.now() - cached.at < VERIFY_CACHE_MS) return cached.hashes;
    const stored = await read();
    const hashes = stored?.hash ? [stored.hash, ...(stored.previous ?? [])] : [];
    cached = { at: Date.now(), hashes };
    return hashes;
  };

  const write = async (carry: Pick<StoredToken, 'previous' | 'recreatedAt'> = {}): Promise<string> => {
    const token = crypto.randomBytes(32).toString('base64url');
    const sealed = seal(strapi, token);
    if (!sealed.encrypted && !warned) {
      warned = true;
      strapi.log.warn(
        '[gengo] admin.secrets.encryptionKey is not set: the callback token is stored unencrypted. Set ENCRYPTION_KEY to encrypt it.'
      );
    }
    const value: StoredToken = {
      hash: digest(token).toString('hex'),
      sealed,
      createdAt: new Date().toISOString(),
      ...carry,
    };
    await store().set({ value });
    cached = null;
    return token;
  };

  /** The plain token, re-created (with a warning) when the stored one cannot be decrypted. */
  const usable = async (): Promise<string | null> => {
    const stored = await read();
    if (!stored?.hash) return null;
    const plain = unseal(strapi, stored.sealed);
    if (plain !== null) return plain;
    const fresh = await write({
      previous: [stored.hash, ...(stored.previous ?? [])].slice(0, MAX_PREVIOUS),
      recreatedAt: new Date().toISOString(),
    });
    strapi.log.warn(
      '[gengo] The callback token could not be decrypted (ENCRYPTION_KEY changed or missing): a new one was made, and new orders carry the new callback URL (the settings page shows it). Jobs ordered before keep calling the old URL, which is still accepted.'
    );
    return fresh;
  };

  return {
    /** At bootstrap: makes the token when there is none, re-creates one that cannot be decrypted. */
    async ensure(): Promise<void> {
      if (!(await read())?.hash) await write();
      else await usable();
    },

    /** A new token; the old one (and any kept before) stops working at once. Returns the new plain token. */
    rotate: () => write({ previous: [], recreatedAt: null }),

    /** The plain token, for the callback URL (re-created when it cannot be decrypted); null before `ensure`. */
    plain: usable,

    /** When the token was last re-created because the stored one could not be decrypted (null: never). */
    async recreatedAt(): Promise<string | null> {
      return (await read())?.recreatedAt ?? null;
    },

    /** Constant-time check of a token from a request against the stored hashes. */
    async verify(candidate: unknown): Promise<boolean> {
      if (typeof candidate !== 'string' || !candidate || candidate.length > 200) return false;
      const given = digest(candidate);
      let match = false;
      for (const hash of await storedHashes()) {
        const expected = Buffer.from(hash, 'hex');
        if (expected.length === given.length && crypto.timingSafeEqual(expected, given)) match = true;
      }
      return match;
    },
  };
};

export type CallbackToken = ReturnType<typeof createCallbackToken>;
