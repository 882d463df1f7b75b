/**
 * Gengo's error codes, as listed on Gengo's "Error codes" page of the API v2 docs
 * (developers.gengo.com/v2/error_codes; source: github.com/inderjot/gengo_api_docs
 * content/v2/error_codes.md). Only codes from that table are used, so a client written against
 * the emulator maps real errors too.
 */
export const ErrorCode = {
  AUTH_FAILED: 1000, // unknown api_key, bad api_sig, ts outside the accepted window
  API_SIG_REQUIRED: 1100,
  API_KEY_REQUIRED: 1150,
  TS_REQUIRED: 1200,
  TS_NOT_NUMERIC: 1201,
  DATA_REQUIRED: 1250,
  DATA_NOT_JSON: 1251,
  TYPE_REQUIRED: 1300,
  TYPE_NOT_SUPPORTED: 1301,
  IDENTIFIER_MISSING: 1302,
  INVALID_TIER: 1304,
  QUOTE_TOO_MANY_FILES: 1305,
  QUOTE_FILE_TOO_BIG: 1306,
  BODY_SRC_REQUIRED: 1350,
  INVALID_BODY: 1351,
  // The docs list no code for a missing slug (jobs.md marks it REQUIRED): the nearest, "Invalid
  // body text" (an invalid job payload), with the message saying which field.
  SLUG_REQUIRED: 1351,
  LC_SRC_REQUIRED: 1400,
  LC_TGT_REQUIRED: 1450,
  TIER_REQUIRED: 1500,
  LANGUAGE_NOT_SUPPORTED: 1551,
  CALLBACK_URL_INVALID: 1601,
  AUTO_APPROVE_INVALID: 1651,
  USE_PREFERRED_INVALID: 1701,
  CUSTOM_DATA_TOO_BIG: 1751,
  IDENTICAL_PAYLOAD: 1754,
  JOBS_REQUIRED: 1800,
  FILE_UPLOAD_FAILED: 1802,
  MISSING_FILE_KEY: 1803,
  AS_GROUP_INVALID: 1851,
  ALLOW_FORK_INVALID: 1852,
  GROUP_MISMATCH: 1950,
  GROUP_SINGLE_JOB: 1951,
  GROUP_ULTRA: 1952,
  COMMENT_BODY_REQUIRED: 2000,
  JOB_ID_REQUIRED: 2050,
  JOB_ACCESS: 2100,
  REVISION_ACCESS: 2200,
  NOT_REVIEWABLE: 2250,
  CANNOT_CANCEL: 2252,
  COMMENT_REQUIRED: 2300,
  REASON_REQUIRED: 2350,
  CAPTCHA_REQUIRED: 2400,
  CAPTCHA_INVALID: 2401,
  FOLLOW_UP_INVALID: 2450,
  RATING_RESTRICTION: 2501,
  PUBLIC_INVALID: 2503,
  GROUP_ID_MISSING: 2550,
  GROUP_ACCESS: 2600,
  INVALID_JOB_STATUS: 2650,
  NOT_ENOUGH_CREDITS: 2700,
  ORDER_ACCESS: 2750,
  TEMPORARILY_UNAVAILABLE: 2800,
} as const;

export interface GengoErrorBody {
  code: number;
  msg: string;
  [extra: string]: unknown;
}

/** An `opstat: "error"` answer. Gengo answers most errors with HTTP 200; `opstat` decides. */
export class GengoError extends Error {
  constructor(
    readonly code: number,
    msg: string,
    readonly httpStatus = 200,
    readonly extra: Record<string, unknown> = {}
  ) {
    super(msg);
  }

  body(): GengoErrorBody {
    return { code: this.code, msg: this.message, ...this.extra };
  }
}

/** Errors of single jobs of a multi-job payload, keyed like the payload (`{job_1: [{code,msg}]}`). */
export class KeyedGengoError extends Error {
  constructor(readonly errors: Record<string, GengoErrorBody[]>) {
    super('errors in jobs payload');
  }
}

export const authError = (code: number, msg: string) => new GengoError(code, msg, 401);
