import type { Emulator } from './context';
import { ErrorCode, GengoError } from './errors';
import type { UploadedFile } from './http-utils';

/** What a /v2 handler sees: merged parameters (query + form), uploaded files and the path match. */
export interface ApiContext {
  emu: Emulator;
  method: string;
  params: Map<string, string>;
  files: UploadedFile[];
  match: string[];
}

/** A non-JSON answer (preview and captcha images). */
export class RawAnswer {
  constructor(
    readonly contentType: string,
    readonly body: Buffer
  ) {}
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path after `/v2/`, `:x` = one segment. */
  path: string;
  /** `key`: only api_key (Gengo's public service endpoints); `signed`: key + api_sig + ts. */
  auth: 'key' | 'signed';
  handler: (ctx: ApiContext) => unknown;
}

export interface CompiledRoute extends Route {
  re: RegExp;
}

export function compile(routes: Route[]): CompiledRoute[] {
  return routes.map((r) => ({ ...r, re: new RegExp(`^${r.path.replace(/:[a-z_]+/g, '([^/]+)')}/?$`) }));
}

export function findRoute(routes: CompiledRoute[], method: string, path: string) {
  let pathKnown = false;
  for (const r of routes) {
    const m = r.re.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (r.method === method) return { route: r, match: m.slice(1).map(decodeURIComponent) };
  }
  return { pathKnown };
}

/** The decoded `data` parameter (JSON), with Gengo's 1250/1251 errors. */
export function dataOf(ctx: ApiContext, required = true): Record<string, unknown> {
  const raw = ctx.params.get('data');
  if (raw === undefined || raw === '') {
    if (required) throw new GengoError(ErrorCode.DATA_REQUIRED, 'data is a required field');
    return {};
  }
  try {
    const parsed = JSON.parse(raw);
    if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
  } catch {
    // fall through to the Gengo error
  }
  throw new GengoError(ErrorCode.DATA_NOT_JSON, 'JSON data cannot be decoded');
}
