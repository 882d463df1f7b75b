/**
 * Fault injection for the /v2 API: HTTP errors, hangs and latency on chosen endpoints, for the
 * next N matching calls or for a percentage of them. Percentages are spread deterministically
 * (call n faults when floor(n·p/100) grows) so a test of "50%" sees exactly every other call fail.
 */
export interface FaultSpec {
  /** API path without `/v2/`, `*` = one path segment, `**` = anything; omitted = every path. */
  path?: string;
  /** HTTP method (after `_method` override is NOT applied: the wire method). Omitted = any. */
  method?: string;
  /** Answer with this HTTP status (e.g. 500, 502, 503). */
  status?: number;
  /** Body for `status` (default: a small HTML error page, like a proxy in front of Gengo). */
  body?: string;
  contentType?: string;
  /** Never answer (the socket stays open until the client gives up or the emulator closes). */
  hang?: boolean;
  /** Hang this long, then drop the connection without an answer. */
  hangMs?: number;
  /** Delay before handling normally (or before `status`); with `afterHandling`, after it. */
  latencyMs?: number;
  /** Only calls whose decoded parameters (the `data` JSON of a POST…) contain this text. */
  bodyContains?: string;
  /**
   * Handle the call first (Gengo did the work: an order is created, credits are spent), then
   * answer with `status` / `hang` / `hangMs` instead: the answer is what gets lost. With only
   * `latencyMs`, the normal answer comes that much later (a slow answer a callback overtakes).
   */
  afterHandling?: boolean;
  /** Apply to the next `count` matching calls only. */
  count?: number;
  /** Apply to this percentage of matching calls (0-100). */
  percent?: number;
}

export interface Fault extends FaultSpec {
  id: number;
  matched: number; // matching calls seen
  applied: number; // calls the fault was applied to
}

function globToRegExp(glob: string): RegExp {
  const clean = glob.replace(/^\/+/, '').replace(/^v2\//, '').replace(/\/+$/, '');
  const re = clean
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')
    )
    .join('.*');
  return new RegExp(`^${re}$`);
}

export class Faults {
  private faults: Array<Fault & { re?: RegExp }> = [];
  private seq = 1;

  add(spec: FaultSpec): Fault {
    if (spec.percent !== undefined && (spec.percent < 0 || spec.percent > 100))
      throw new Error('percent must be between 0 and 100');
    const fault = {
      ...spec,
      id: this.seq++,
      matched: 0,
      applied: 0,
      re: spec.path ? globToRegExp(spec.path) : undefined,
    };
    this.faults.push(fault);
    return this.view(fault);
  }

  /** The fault to apply to this call, if any; counts the call against matching faults. */
  take(method: string, apiPath: string, body = ''): Fault | undefined {
    const path = apiPath.replace(/^\/+/, '').replace(/\/+$/, '');
    for (const f of this.faults) {
      if (f.method && f.method.toUpperCase() !== method.toUpperCase()) continue;
      if (f.re && !f.re.test(path)) continue;
      if (f.bodyContains !== undefined && !body.includes(f.bodyContains)) continue;
      if (f.count !== undefined && f.applied >= f.count) continue;
      f.matched++;
      if (f.percent !== undefined) {
        const before = Math.floor(((f.matched - 1) * f.percent) / 100);
        const after = Math.floor((f.matched * f.percent) / 100);
        if (after === before) continue;
      }
      f.applied++;
      return this.view(f);
    }
    return undefined;
  }

  list(): Fault[] {
    return this.faults.map((f) => this.view(f));
  }

  clear() {
    this.faults = [];
  }

  private view(f: Fault & { re?: RegExp }): Fault {
    const { re: _re, ...rest } = f;
    return rest;
  }
}
