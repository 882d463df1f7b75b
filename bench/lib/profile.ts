import type { Core } from '@strapi/strapi';
import { startCpuProfile } from './cpu-profile';
import { now } from './stats';

/**
 * Where the time goes: SQL queries (knex events), Document Service calls (a document middleware)
 * and any service method wrapped with `time`. Totals overlap (a Document Service call runs
 * queries); they tell which layer dominates, not a partition.
 */
export interface Span {
  count: number;
  totalMs: number;
}

export const createProfile = (strapi: Core.Strapi) => {
  const spans = new Map<string, Span>();
  let on = false;
  const add = (name: string, dt: number) => {
    if (!on) return;
    const s = spans.get(name) ?? { count: 0, totalMs: 0 };
    s.count++;
    s.totalMs += dt;
    spans.set(name, s);
  };

  const started = new Map<string, number>();
  const knex = strapi.db.connection as any;
  // BENCH_SQL=1: every statement run while profiling is printed (to see what one callback costs).
  const dumpSql = process.env.BENCH_SQL === '1';
  knex.on('query', (q: any) => {
    started.set(q.__knexQueryUid, now());
    if (on && dumpSql) console.log(`SQL ${String(q.sql).slice(0, 160)}`);
  });
  const done = (q: any) => {
    const t = started.get(q?.__knexQueryUid);
    if (t === undefined) return;
    started.delete(q.__knexQueryUid);
    add('sql queries', now() - t);
  };
  knex.on('query-response', (_r: unknown, q: any) => done(q));
  knex.on('query-error', (_e: unknown, q: any) => done(q));

  (strapi.documents as any).use(async (ctx: any, next: () => Promise<unknown>) => {
    const t = now();
    try {
      return await next();
    } finally {
      add(`documents.${ctx.action}`, now() - t);
    }
  });

  let cpu: ReturnType<typeof startCpuProfile> | undefined;
  return {
    start() {
      spans.clear();
      on = true;
      cpu = startCpuProfile();
    },
    stop() {
      on = false;
      // The profile is written while the bench goes on to its baseline.
      void cpu?.stop().then((file) => file && console.log(`cpu profile: ${file}`));
      cpu = undefined;
    },
    /** Replaces `obj[method]` with a timed version (the plugin's services are looked up per call). */
    time(obj: any, method: string, name: string) {
      const orig = obj[method];
      obj[method] = async (...args: unknown[]) => {
        const t = now();
        try {
          return await orig.apply(obj, args);
        } finally {
          add(name, now() - t);
        }
      };
    },
    /** Times the given methods of every Gengo client the plugin builds (label: method → span name). */
    timeGengoCalls(labels: Record<string, string>) {
      const service = strapi.plugin('gengo').service('settings');
      const client = service.client;
      service.client = async () => {
        const c = await client.call(service);
        for (const [method, name] of Object.entries(labels)) this.time(c, method, name);
        return c;
      };
    },
    add,
    spans,
    lines(): string[] {
      return [...spans.entries()]
        .sort((a, b) => b[1].totalMs - a[1].totalMs)
        .map(
          ([name, s]) =>
            `${name}: ${s.count} calls, ${Math.round(s.totalMs)} ms total, ${(s.totalMs / s.count).toFixed(2)} ms each`
        );
    },
  };
};

export type Profile = ReturnType<typeof createProfile>;
