import {
  backoffDelay,
  GengoApiError,
  GengoTimeoutError,
  GengoTransportError,
  isAmbiguousPostFailure,
  isRetryable,
  redactUrl,
  stampReference,
} from '../../../server/src/gengo';
import { parseRetryAfter } from '../../../server/src/gengo/retry';

const req = {
  method: 'GET' as const,
  url: 'http://x/v2/account/balance?api_key=PUB&ts=1&api_sig=SIG',
  path: 'account/balance',
};

describe('backoff (deepl-node style)', () => {
  const mid = () => 0.5; // no jitter
  it('starts at the base delay and grows ×1.6 up to the cap', () => {
    const opts = { baseDelayMs: 1000, random: mid, maxDelayMs: 5000 };
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(a, opts))).toEqual([1000, 1600, 2560, 4096, 5000, 5000]);
  });
  it('jitters within ±23 % by default', () => {
    expect(backoffDelay(0, { baseDelayMs: 1000, random: () => 0 })).toBe(770);
    expect(backoffDelay(0, { baseDelayMs: 1000, random: () => 0.999999 })).toBe(1230);
  });
  it('uses the configured base delay (fast tests)', () => {
    expect(backoffDelay(1, { baseDelayMs: 10, random: mid })).toBe(16);
  });
  it('reads Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});

describe('what is retried', () => {
  const api = (status: number, body: unknown = { opstat: 'error' }) =>
    new GengoApiError({ request: req, status, body });
  const transport = (maybeSent: boolean) => new GengoTransportError('x', req, { code: 'E', maybeSent });

  it('idempotent calls: transport errors, timeouts, 5xx, 429', () => {
    expect(isRetryable(transport(true), true)).toBe(true);
    expect(isRetryable(new GengoTimeoutError(req, 10), true)).toBe(true);
    expect(isRetryable(api(500), true)).toBe(true);
    expect(isRetryable(api(503), true)).toBe(true);
    expect(isRetryable(api(429), true)).toBe(true);
    expect(isRetryable(api(200), true)).toBe(false);
    expect(isRetryable(api(401), true)).toBe(false);
    expect(isRetryable(new Error('x'), true)).toBe(false);
  });

  it('POST: only what provably did not reach Gengo', () => {
    expect(isRetryable(transport(false), false)).toBe(true);
    expect(isRetryable(api(429), false)).toBe(true);
    expect(isRetryable(transport(true), false)).toBe(false);
    expect(isRetryable(new GengoTimeoutError(req, 10), false)).toBe(false);
    expect(isRetryable(api(500), false)).toBe(false);
  });

  it('ambiguous POST failures: timeout, reset, 5xx, 2xx without envelope', () => {
    expect(isAmbiguousPostFailure(new GengoTimeoutError(req, 10))).toBe(true);
    expect(isAmbiguousPostFailure(transport(true))).toBe(true);
    expect(isAmbiguousPostFailure(api(502, '<html>'))).toBe(true);
    expect(isAmbiguousPostFailure(api(200, 'not json'))).toBe(true);
    expect(isAmbiguousPostFailure(transport(false))).toBe(false);
    expect(isAmbiguousPostFailure(api(200))).toBe(false);
    expect(isAmbiguousPostFailure(api(401))).toBe(false);
  });
});

describe('redaction', () => {
  it('hides api_key and api_sig values in URLs and errors', () => {
    expect(redactUrl('https://h/v2/x?api_key=PUB&ts=12&api_sig=abc&x=1')).toBe(
      'https://h/v2/x?api_key=[REDACTED]&ts=12&api_sig=[REDACTED]&x=1'
    );
    const err = new GengoApiError({ request: req, status: 401, code: 1000, gengoMessage: 'no' });
    expect(err.url).not.toMatch(/PUB|SIG/);
    expect(JSON.stringify(err)).not.toMatch(/PUB|SIG/);
  });
});

describe('order reference', () => {
  const job = { slug: 's', body_src: 'b', lc_src: 'en', lc_tgt: 'fr', tier: 'standard' as const };
  it('fills custom_data with the reference, keeps custom_data that carries it', () => {
    const out = stampReference(
      { job_1: job, job_2: { ...job, custom_data: '{"ref":"ref-12345678","x":1}' } },
      'ref-12345678'
    );
    expect(out.job_1.custom_data).toBe('ref-12345678');
    expect(out.job_2.custom_data).toBe('{"ref":"ref-12345678","x":1}');
  });
  it('refuses a short reference, custom_data without it, or over 1 KB', () => {
    expect(() => stampReference({ job_1: job }, 'short')).toThrow(TypeError);
    expect(() => stampReference({ job_1: { ...job, custom_data: 'other' } }, 'ref-12345678')).toThrow(/reference/);
    expect(() =>
      stampReference({ job_1: { ...job, custom_data: 'ref-12345678' + 'é'.repeat(510) } }, 'ref-12345678')
    ).toThrow(/1024/);
  });
});
