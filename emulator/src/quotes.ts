import { randomBytes } from 'node:crypto';
import { ErrorCode, GengoError, GengoErrorBody, KeyedGengoError } from './errors';
import { TIERS, Tier } from './languages';
import { jobEntries, validateJob } from './payloads';
import { CURRENCY, etaSeconds, formatCredits, priceCents } from './pricing';
import { ApiContext, dataOf } from './router';
import { countUnits } from './units';

/**
 * translate/service/quote and translate/service/quote/file. Text jobs are priced from their
 * `body_src`. File jobs (`type: "file"`) come as multipart uploads — the part is named by the
 * job's `file_key` (gengo-php) or `file_<job key>` (gengo-python) — and both official clients
 * post them to translate/service/quote, so both routes accept both kinds. Text files are quoted
 * and remembered under an `identifier` that a later `type: "file"` job can order; binary
 * formats (doc, docx, pdf…) get Gengo's 1802 for that job.
 */
const TEXT_EXT = /\.(txt|text|md|csv|json|html?|xml|po|strings|yml|yaml|srt)$/i;
const MAX_FILES = 50;
const MAX_FILE_BYTES = 1024 * 1024;

function quoteFileJob(ctx: ApiContext, key: string, raw: Record<string, unknown>) {
  const fileKey = String(raw.file_key ?? `file_${key}`);
  const file = ctx.files.find((f) => f.field === fileKey);
  const lcSrc = String(raw.lc_src ?? 'en').toLowerCase();
  const tierRaw = String(raw.tier ?? 'standard').toLowerCase();
  const tier: Tier = TIERS.includes(tierRaw as Tier) ? (tierRaw as Tier) : 'standard';
  const fail = (code: number, msg: string): { err: GengoErrorBody } => ({
    err: { code, msg, filename: file?.filename ?? '', key },
  });
  if (!file) return fail(ErrorCode.MISSING_FILE_KEY, `missing file key (${fileKey})`);
  if (file.data.length > MAX_FILE_BYTES) return fail(ErrorCode.QUOTE_FILE_TOO_BIG, 'quote file size exceeds limit');
  if (!TEXT_EXT.test(file.filename) || file.data.includes(0))
    return fail(ErrorCode.FILE_UPLOAD_FAILED, 'file upload failed: the emulator quotes text files only');
  const text = file.data.toString('utf8');
  const units = countUnits(text, lcSrc);
  const identifier = randomBytes(32).toString('hex');
  ctx.emu.store.files.set(identifier, { identifier, filename: file.filename, text, lcSrc, unitCount: units });
  return {
    unit_count: units,
    credits: formatCredits(priceCents(lcSrc, tier, units)),
    eta: etaSeconds(units, tier),
    currency: CURRENCY,
    identifier,
    type: 'file',
    lc_src: lcSrc,
    filename: file.filename,
  };
}

export function quote(ctx: ApiContext) {
  const entries = jobEntries(dataOf(ctx).jobs);
  if (!entries || !entries.length) throw new GengoError(ErrorCode.JOBS_REQUIRED, 'jobs is a required field');
  if (entries.filter(([, raw]) => raw.type === 'file').length > MAX_FILES)
    throw new GengoError(ErrorCode.QUOTE_TOO_MANY_FILES, 'quote number of files exceeds limit');
  const jobs: Record<string, unknown> = {};
  const errors: Record<string, GengoErrorBody[]> = {};
  for (const [key, raw] of entries) {
    if (raw.type === 'file') {
      jobs[key] = quoteFileJob(ctx, key, raw);
      continue;
    }
    const { spec, errors: errs } = validateJob(raw, ctx.emu.store, { quote: true });
    if (!spec) {
      errors[key] = errs;
      continue;
    }
    const units = countUnits(spec.bodySrc, spec.lcSrc);
    jobs[key] = {
      unit_count: units,
      credits: Number(formatCredits(priceCents(spec.lcSrc, spec.tier, units))),
      eta: etaSeconds(units, spec.tier),
      type: 'text',
      currency: CURRENCY,
      lc_src: spec.lcSrc,
    };
  }
  if (Object.keys(errors).length) throw new KeyedGengoError(errors);
  return { jobs };
}
