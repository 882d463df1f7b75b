import type { Core } from '@strapi/strapi';
import Transport from 'winston-transport';
import type { Requester, TestStrapi } from './strapi';

/**
 * Watches what a test suite could leak a secret through: every response of Strapi the suite reads
 * (status line, headers, body), every line Strapi logs (at debug level and up), and the output of
 * child processes. `leaks()` lists the records that hold one of the secrets in any of its obvious
 * encodings.
 */
export type LeakWatch = {
  /** Records text seen somewhere (`where` says where, for the failure message). */
  record(where: string, text: string): void;
  /** Strapi's logger: every line from debug up (its console output keeps its own level). */
  logs(strapi: Core.Strapi): void;
  /** Every response to `app.http` and `app.as(token)` requests from now on. */
  responses(app: TestStrapi): void;
  /** `fetch`, recording the response's status, headers and body (read as text: use `json()` on it freely). */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** Records holding a secret (or its URL, base64, hex or JSON-escaped forms). */
  leaks(): Array<{ where: string; form: string }>;
  /** How many records were taken: a watch that saw nothing proves nothing. */
  count(): number;
};

export const encodingsOf = (secret: string): string[] => {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      bytes.toString('base64'),
      bytes.toString('base64').replace(/=+$/, ''),
      bytes.toString('base64url'),
      bytes.toString('hex'),
      JSON.stringify(secret).slice(1, -1),
    ]),
  ];
};

const METHODS = ['get', 'post', 'put', 'delete'] as const;

export const createLeakWatch = (...secrets: string[]): LeakWatch => {
  const forms = secrets.flatMap(encodingsOf);
  const records: Array<{ where: string; text: string }> = [];
  const record = (where: string, text: string) => records.push({ where, text });

  const tap = (requester: Requester): Requester =>
    Object.fromEntries(
      METHODS.map((m) => [
        m,
        (url: string) =>
          requester[m](url).on('response', (res: any) =>
            record(`${m.toUpperCase()} ${url} → ${res.status}`, `${JSON.stringify(res.headers)}\n${res.text ?? ''}`)
          ),
      ])
    ) as Requester;

  return {
    record,
    logs(strapi) {
      const logger = strapi.log as any;
      const before = logger.level;
      for (const t of logger.transports) if (t.level === undefined) t.level = before;
      logger.level = 'debug';
      logger.add(
        new (class extends Transport {
          log(info: any, next: () => void) {
            record(`log ${info.level}`, `${info.message} ${JSON.stringify(info)}`);
            next();
          }
        })()
      );
    },
    responses(app) {
      const as = app.as.bind(app);
      app.http = tap(app.http);
      app.as = (token) => tap(as(token));
    },
    async fetch(url, init) {
      const res = await fetch(url, init);
      const text = await res.text();
      record(
        `${init?.method ?? 'GET'} ${url} → ${res.status}`,
        `${JSON.stringify(Object.fromEntries(res.headers))}\n${text}`
      );
      return new Response(text, { status: res.status, headers: res.headers });
    },
    leaks: () =>
      records.flatMap(({ where, text }) => forms.filter((f) => text.includes(f)).map((form) => ({ where, form }))),
    count: () => records.length,
  };
};
