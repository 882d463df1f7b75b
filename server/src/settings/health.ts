import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { CALLBACK_MAX_BYTES, GENGO_CALLBACK_MAX_BYTES, PLUGIN_ID } from '../constants';
import type { HealthAnswer, SetupCheck, SetupCheckId } from '../../../shared/contracts/health';
import { getService } from '../platform/services';
import type { ConnectionTest } from './gengo-client';
import type { EffectiveSettings } from './store';

/**
 * The setup checklist (`GET /gengo/health`, the settings page's card, the warnings at boot): what a
 * site owner can get wrong silently — no public URL (jobs go without a callback URL, translations
 * wait for the poller), a callback token the encryption key no longer opens, cron off (no poller,
 * no bulk resume), no encryption key, callbacks the body parser would refuse, keys Gengo refuses.
 */

/** A successful connection test is reused this long; a failed one a minute (the owner is fixing it). */
const KEYS_OK_TTL_MS = 10 * 60_000;
const KEYS_FAILED_TTL_MS = 60_000;

const isLoopback = (host: string) =>
  host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0';

const hostOf = (url: string | null) => {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
};

const check = (id: SetupCheckId, ok: boolean, message: string, fix: string): SetupCheck => ({
  id,
  ok,
  message,
  fix: ok ? null : fix,
});

const SET_PUBLIC_URL =
  'Set GENGO_PUBLIC_URL (or "Public URL" on this page) to the address Gengo reaches this site at, e.g. https://cms.example.com.';

const publicUrlCheck = (s: EffectiveSettings, pollMinutes: number): SetupCheck => {
  if (!s.publicUrl) {
    return check(
      'public-url',
      false,
      `No public URL: jobs go to Gengo without a callback URL, and translations arrive only when the poller runs (every ${pollMinutes} minutes).`,
      SET_PUBLIC_URL
    );
  }
  const host = hostOf(s.publicUrl);
  if (!host || !/^https?:\/\//i.test(s.publicUrl)) {
    return check('public-url', false, `The public URL "${s.publicUrl}" is not an http(s) URL.`, SET_PUBLIC_URL);
  }
  // A site on localhost is reachable by a Gengo API on the same machine (the emulator), by no other.
  const apiHost = hostOf(s.baseUrl);
  if (isLoopback(host) && !(apiHost && isLoopback(apiHost))) {
    return check(
      'public-url',
      false,
      `The public URL ${s.publicUrl} is this machine's own address: Gengo cannot reach it.`,
      SET_PUBLIC_URL
    );
  }
  return check('public-url', true, `Public URL: ${s.publicUrl}`, SET_PUBLIC_URL);
};

const keysFix = (result: Extract<ConnectionTest, { ok: false }>) =>
  result.error.kind === 'network'
    ? 'This server cannot reach Gengo: check its outbound network (proxy, firewall) and GENGO_API_URL / the environment.'
    : 'Check the public and private keys (Gengo → Account → API settings) and that the environment (sandbox or production) is the one they belong to.';

export const createSetupCheck = (strapi: Core.Strapi) => {
  let keysCache: { signature: string; until: number; result: Promise<ConnectionTest> } | null = null;

  /** `testConnection`, reused while the settings that make the client are the same. */
  const connection = (s: EffectiveSettings): Promise<ConnectionTest> => {
    const signature = crypto
      .createHash('sha256')
      .update(JSON.stringify([s.baseUrl, s.publicKey, s.privateKey]))
      .digest('hex');
    if (keysCache && keysCache.signature === signature && Date.now() < keysCache.until) return keysCache.result;
    const result = getService(strapi, 'settings').testConnection();
    const entry = { signature, until: Date.now() + KEYS_OK_TTL_MS, result };
    keysCache = entry;
    result.then(
      (r) => {
        if (!r.ok) entry.until = Date.now() + KEYS_FAILED_TTL_MS;
      },
      () => {
        if (keysCache === entry) keysCache = null;
      }
    );
    return result;
  };

  const keysCheck = async (s: EffectiveSettings, testKeys: boolean): Promise<SetupCheck> => {
    const fix =
      'Set GENGO_PUBLIC_KEY and GENGO_PRIVATE_KEY (or the keys on this page), from Gengo → Account → API settings.';
    if (!s.publicKey || !s.privateKey) return check('keys', false, 'The Gengo API keys are not set.', fix);
    if (!s.baseUrl) {
      return check(
        'keys',
        false,
        'The custom environment has no API URL.',
        'Set GENGO_API_URL or choose sandbox/production.'
      );
    }
    if (!testKeys) return check('keys', true, 'The Gengo API keys are set (tested on the settings page).', fix);
    const result = await connection(s);
    if (result.ok) {
      return check(
        'keys',
        true,
        `Gengo accepts the keys (${result.environment}, balance ${result.balance.credits} ${result.balance.currency}).`,
        fix
      );
    }
    const failed = result as Extract<ConnectionTest, { ok: false }>;
    return check('keys', false, `Gengo refused the connection test: ${failed.error.message}`, keysFix(failed));
  };

  const callbackUrlCheck = async (s: EffectiveSettings): Promise<SetupCheck> => {
    const fix = s.publicUrl
      ? 'The callback token cannot be decrypted (ENCRYPTION_KEY lost or changed): rotate it (POST /gengo/settings/rotate-callback-token). Jobs ordered before are caught up by the poller.'
      : SET_PUBLIC_URL;
    const url = await getService(strapi, 'receiving').callbackUrl();
    if (url) return check('callback-url', true, 'Gengo is given a callback URL with each job.', fix);
    return check(
      'callback-url',
      false,
      s.publicUrl
        ? 'No callback URL: the stored callback token cannot be decrypted with the current encryption key.'
        : 'No callback URL: there is no public URL to build it from.',
      fix
    );
  };

  const cronCheck = (pollMinutes: number) =>
    check(
      'cron',
      strapi.config.get('server.cron.enabled') === true,
      strapi.config.get('server.cron.enabled') === true
        ? `Cron is enabled: the poller runs every ${pollMinutes} minutes and interrupted bulk orders resume.`
        : 'Cron is disabled: the poller never runs (translations whose callback is lost never arrive) and interrupted bulk orders never resume.',
      'Enable cron in config/server.ts: cron: { enabled: true }.'
    );

  const encryptionKeyCheck = () => {
    const set = Boolean(strapi.config.get('admin.secrets.encryptionKey'));
    return check(
      'encryption-key',
      set,
      set
        ? 'An encryption key is set: the private key and the callback token are stored encrypted.'
        : 'No encryption key: the Gengo private key and the callback token are stored unencrypted.',
      'Set ENCRYPTION_KEY (admin.secrets.encryptionKey in config/admin.ts). Keep it: after changing it, enter the private key again and rotate the callback token.'
    );
  };

  const bodyLimitCheck = () => {
    // The lane (receiving/lane.ts) reads every callback itself, ahead of strapi::body.
    const mounted = ((strapi.server.app as any).middleware as any[]).some((fn) => fn?.gengoCallbackLane);
    const ok = mounted && CALLBACK_MAX_BYTES >= GENGO_CALLBACK_MAX_BYTES;
    return check(
      'body-limit',
      ok,
      ok
        ? `Callbacks (Gengo sends up to ${GENGO_CALLBACK_MAX_BYTES / 1024} KB, plain or compressed) are read by the plugin, up to ${CALLBACK_MAX_BYTES / 1024} KB, before Strapi's body parser: its limits do not apply.`
        : "The plugin's callback reader is not mounted: callbacks go through Strapi's body parser.",
      "Raise strapi::body's formLimit in config/middlewares.ts to '256kb'."
    );
  };

  /** Every check; `testKeys: false` (at boot) does not call Gengo. */
  const checks = async ({ testKeys = true }: { testKeys?: boolean } = {}): Promise<SetupCheck[]> => {
    const s = await getService(strapi, 'settings').getEffective();
    const pollMinutes = s.pollIntervalMinutes;
    return [
      publicUrlCheck(s, pollMinutes),
      await callbackUrlCheck(s),
      cronCheck(pollMinutes),
      encryptionKeyCheck(),
      bodyLimitCheck(),
      await keysCheck(s, testKeys),
    ];
  };

  return {
    checks,

    async health(): Promise<HealthAnswer> {
      const list = await checks();
      return {
        plugin: PLUGIN_ID,
        ok: list.every((c) => c.ok),
        strapiVersion: strapi.config.get('info.strapi') as string | undefined,
        checks: list,
      };
    },

    /** At boot: a warning for each item that is not right (Gengo is not called). */
    async warnAtBoot(): Promise<SetupCheck[]> {
      const failing = (await checks({ testKeys: false })).filter((c) => !c.ok);
      for (const c of failing) strapi.log.warn(`[gengo] setup: ${c.message} ${c.fix}`);
      return failing;
    },
  };
};

export type SetupCheckService = ReturnType<typeof createSetupCheck>;
