import type { Core } from '@strapi/strapi';

/**
 * A secret at rest in the plugin store: encrypted with Strapi's `admin::encryption` service
 * (AES-256-GCM keyed by `admin.secrets.encryptionKey`), or plain when no key is configured (the
 * caller warns once). Same shape as the settings' private key: `{ encrypted, value }`.
 */
export interface Sealed {
  encrypted: boolean;
  value: string;
}

type Encryption = { encrypt(v: string): string | null; decrypt(v: string): string | null };

const encryption = (strapi: Core.Strapi) => strapi.service('admin::encryption') as Encryption | undefined;

export const seal = (strapi: Core.Strapi, secret: string): Sealed => {
  const encrypted = encryption(strapi)?.encrypt(secret) ?? null;
  return encrypted ? { encrypted: true, value: encrypted } : { encrypted: false, value: secret };
};

/** The plain secret, or null when it cannot be decrypted (encryption key missing or changed). */
export const unseal = (strapi: Core.Strapi, sealed: Sealed | null | undefined): string | null => {
  if (!sealed?.value) return null;
  if (!sealed.encrypted) return sealed.value;
  try {
    return encryption(strapi)?.decrypt(sealed.value) ?? null;
  } catch {
    return null;
  }
};
