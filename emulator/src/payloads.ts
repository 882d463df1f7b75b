import { ErrorCode, GengoErrorBody } from './errors';
import { findLanguage, isSupportedPair, Tier, TIERS, tiersFor } from './languages';
import type { Store } from './state';

/**
 * Validation of job payloads (translate/jobs POST, translate/service/quote) with Gengo's error
 * codes. Each job yields its own error list so the answer can be keyed by payload key.
 */
export interface JobSpec {
  type: 'text' | 'file';
  slug: string;
  bodySrc: string;
  lcSrc: string;
  lcTgt: string;
  tier: Tier;
  autoApprove: boolean;
  force: boolean;
  comment?: string;
  callbackUrl?: string;
  customData?: string;
  position?: number;
  identifier?: string;
}

const e = (code: number, msg: string): GengoErrorBody => ({ code, msg });

/** Gengo flags are 0/1; JSON booleans and "0"/"1" strings are accepted too. */
export function parseFlag(v: unknown): boolean | undefined | 'invalid' {
  if (v === undefined || v === null || v === '') return undefined;
  if (v === 1 || v === '1' || v === true || v === 'true') return true;
  if (v === 0 || v === '0' || v === false || v === 'false') return false;
  return 'invalid';
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** `jobs` may be an object keyed by the client's names or an array (then keys are indexes). */
export function jobEntries(jobs: unknown): Array<[string, Record<string, unknown>]> | undefined {
  if (Array.isArray(jobs)) return jobs.map((j, i) => [String(i), (j ?? {}) as Record<string, unknown>]);
  if (jobs && typeof jobs === 'object')
    return Object.entries(jobs as Record<string, unknown>).map(([k, j]) => [k, (j ?? {}) as Record<string, unknown>]);
  return undefined;
}

export function validateJob(
  raw: Record<string, unknown>,
  store: Store,
  opts: { quote?: boolean } = {}
): { spec?: JobSpec; errors: GengoErrorBody[] } {
  const errors: GengoErrorBody[] = [];
  const type = str(raw.type) ?? (opts.quote ? 'text' : undefined);
  let bodySrc = str(raw.body_src);
  let lcSrc = str(raw.lc_src)?.toLowerCase();
  if (!type) errors.push(e(ErrorCode.TYPE_REQUIRED, 'type is a required field'));
  else if (type !== 'text' && type !== 'file')
    errors.push(e(ErrorCode.TYPE_NOT_SUPPORTED, 'job_type is not supported'));
  let identifier: string | undefined;
  if (type === 'file') {
    identifier = str(raw.identifier);
    const file = identifier ? store.files.get(identifier) : undefined;
    if (!file) errors.push(e(ErrorCode.IDENTIFIER_MISSING, 'identifier missing'));
    else {
      bodySrc = file.text;
      lcSrc = lcSrc ?? file.lcSrc;
    }
  } else if (!bodySrc || !bodySrc.trim()) errors.push(e(ErrorCode.BODY_SRC_REQUIRED, 'body_src is a required field'));
  // jobs.md: "slug: REQUIRED. Title of job." (quotes order nothing and need none)
  if (!opts.quote && !str(raw.slug)?.trim()) errors.push(e(ErrorCode.SLUG_REQUIRED, 'slug is a required field'));
  const lcTgt = str(raw.lc_tgt)?.toLowerCase();
  if (!lcSrc) errors.push(e(ErrorCode.LC_SRC_REQUIRED, 'lc_src is a required field'));
  if (!lcTgt) errors.push(e(ErrorCode.LC_TGT_REQUIRED, 'lc_tgt is a required field'));
  const tier = str(raw.tier)?.toLowerCase();
  if (!tier) errors.push(e(ErrorCode.TIER_REQUIRED, 'tier is a required field'));
  else if (!TIERS.includes(tier as Tier)) errors.push(e(ErrorCode.INVALID_TIER, 'invalid tier'));
  if (lcSrc && lcTgt && tier && TIERS.includes(tier as Tier)) {
    const ok =
      findLanguage(lcSrc) &&
      findLanguage(lcTgt) &&
      isSupportedPair(lcSrc, lcTgt) &&
      tiersFor(lcSrc, lcTgt).includes(tier as Tier);
    if (!ok)
      errors.push(
        e(ErrorCode.LANGUAGE_NOT_SUPPORTED, `language service is not supported (${lcSrc}→${lcTgt}, ${tier})`)
      );
  }
  const callbackUrl = str(raw.callback_url);
  if (callbackUrl && !/^https?:\/\/[^\s/]+/i.test(callbackUrl))
    errors.push(e(ErrorCode.CALLBACK_URL_INVALID, 'callback_url must be a valid URL'));
  const autoApprove = parseFlag(raw.auto_approve);
  if (autoApprove === 'invalid') errors.push(e(ErrorCode.AUTO_APPROVE_INVALID, 'auto_approve must be 0 or 1'));
  if (parseFlag(raw.use_preferred) === 'invalid')
    errors.push(e(ErrorCode.USE_PREFERRED_INVALID, 'use_preferred must be 0 or 1'));
  // Gengo stores custom_data as a string; clients sending an object get its JSON back.
  const customData =
    raw.custom_data === undefined || raw.custom_data === null
      ? undefined
      : typeof raw.custom_data === 'string'
        ? raw.custom_data
        : JSON.stringify(raw.custom_data);
  if (customData !== undefined && Buffer.byteLength(customData) > 1024)
    errors.push(e(ErrorCode.CUSTOM_DATA_TOO_BIG, '"custom_data" is over maximum storage limit (1kb)'));
  const force = parseFlag(raw.force);
  if (errors.length) return { errors };
  const position = Number.parseInt(str(raw.position) ?? '', 10);
  return {
    errors,
    spec: {
      type: type as 'text' | 'file',
      slug: str(raw.slug) ?? '',
      bodySrc: bodySrc!,
      lcSrc: lcSrc!,
      lcTgt: lcTgt!,
      tier: tier as Tier,
      autoApprove: autoApprove === true,
      force: force === true,
      comment: str(raw.comment) || undefined,
      callbackUrl: callbackUrl || undefined,
      customData,
      position: Number.isFinite(position) ? position : undefined,
      identifier,
    },
  };
}
