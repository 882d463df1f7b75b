import http from 'http';
import type { AddressInfo } from 'net';
import { getAt, parsePath } from '../../server/src/content';
import { GENGO_EVENTS } from '../../shared/contracts/events';
import { createTestDatabase, testDatabaseClient } from '../helpers/database';
import { createSourceArticle } from '../helpers/ordering-world';
import { findArticle, gengoJobs, placeOrder, waitFor, type PlacedOrder } from '../helpers/orders';
import { startPlaygroundProcess, type PlaygroundProcess } from '../helpers/playground-process';
import { expectNoLeak, form, gengoEnv, postCallback, startWatchedReceiving, type Watched } from './world';

/**
 * Two Strapi processes on one PostgreSQL database (PostgreSQL unless TEST_DATABASE=mysql: the point
 * is the row lock across instances, which SQLite has no use for), each receiving at the same moment
 * the callbacks of every field's job of the same entry and locale: every field ends up in the
 * target locale, none lost to a concurrent write; and each transition's event is sent once, by one
 * of them, to a webhook both instances have.
 */
describe('reliability: two instances, concurrent callbacks for one entry', () => {
  const ENTRIES = 4;
  let r: Watched;
  const instances: PlaygroundProcess[] = [];
  const entries: Array<{ documentId: string; orders: PlacedOrder[] }> = [];
  const received: Array<Record<string, any>> = [];
  let receiver: http.Server;

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    const database = await createTestDatabase(testDatabaseClient() === 'mysql' ? 'mysql' : 'postgres');
    r = await startWatchedReceiving({ database });
    // A webhook of the site, in the database both instances load theirs from at boot.
    await r.app.strapi.get('webhookStore').createWebhook({
      name: 'site',
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      headers: {},
      events: Object.values(GENGO_EVENTS),
      isEnabled: true,
    });
    // Per entry, three orders into fr, of different fields: their jobs all write the same French draft.
    const groups: Array<(paths: string[]) => boolean> = [
      (p) => p.some((x) => x === 'title' || x === 'summary'),
      (p) => p.some((x) => x === 'body' || x.startsWith('seo')),
      (p) => p.some((x) => x.startsWith('sections')),
    ];
    for (let i = 0; i < ENTRIES; i++) {
      const documentId = await createSourceArticle(r.app, `twin${i}`);
      const orders: PlacedOrder[] = [];
      for (const only of groups) orders.push(await placeOrder(r, documentId, { only, callbackUrl: null }));
      entries.push({ documentId, orders });
    }
    for (let i = 0; i < 2; i++)
      instances.push(await startPlaygroundProcess({ database, env: gengoEnv(r, 'http://127.0.0.1:9') }));
  });
  afterAll(async () => {
    await Promise.all(instances.map((p) => p.stop()));
    await r?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  /** Webhooks go out through each instance's queue: let every delivery in flight arrive. */
  const quiet = async () => {
    let n = -1;
    while (n !== received.length) {
      n = received.length;
      await new Promise((res) => setTimeout(res, 1000));
    }
  };

  /** Each job row's move and each segment's write announced exactly once, whichever instance made it. */
  const expectEventsOnce = async (status: 'reviewable' | 'approved') => {
    const rows = (await r.app.strapi.db.query('plugin::gengo.job').findMany({})) as any[];
    await waitFor(
      `a gengo.job.${status} event per job`,
      async () => received.filter((d) => d.event === `gengo.job.${status}`).length >= rows.length,
      30_000
    ).catch(() => {
      for (const p of instances)
        console.log(
          p
            .output()
            .split('\n')
            .filter((l) => /webhook|event/i.test(l))
            .join('\n')
        );
    });
    await quiet();
    const moves = received.filter((d) => d.event === `gengo.job.${status}`).map((d) => d.jobId);
    expect(moves.sort((a, b) => a - b)).toEqual(rows.map((x) => x.id).sort((a, b) => a - b));
    const writes = received
      .filter((d) => d.event === 'gengo.translation.applied' && d.status === status)
      .map((d) => `${d.orderId}/${d.segmentKey}`);
    const segments = entries.flatMap((e) => e.orders.flatMap((o) => o.segments.map((s) => `${o.orderId}/${s.key}`)));
    expect(writes.sort()).toEqual(segments.sort());
  };

  /** The jobs of each entry (every field of it, over its three orders). */
  const jobsByEntry = () =>
    Promise.all(entries.map(async (e) => (await Promise.all(e.orders.map((o) => gengoJobs(r, o)))).flat()));

  /** Every job to `status` at Gengo, then each job's callback to both instances at once. */
  const deliverToBoth = async (status: 'reviewable' | 'approved') => {
    const byEntry = await jobsByEntry();
    const jobs = byEntry.flat();
    for (const j of jobs) await r.control.advance(j.job_id, status);
    const token = r.callbackUrl.replace(/^http:\/\/[^/]+/, '');
    // Entry by entry, the first instance hears of an entry's jobs in one order, the second in the
    // reverse order: at the same moment, they apply different fields of the same entry.
    const sequences = [jobs, byEntry.flatMap((js) => [...js].reverse())];
    const answers = await Promise.all(
      instances.flatMap((p, i) =>
        sequences[i].map((j) =>
          postCallback(r.watch, `${p.url}${token}`, form('job', { job_id: j.job_id })).then((res) => res.status)
        )
      )
    );
    expect(answers.every((s) => s === 200)).toBe(true);
    const rows = r.app.strapi.db.query('plugin::gengo.job');
    await waitFor(
      `every job row applied as ${status}`,
      async () => (await rows.count({ where: { appliedStatus: status } })) === jobs.length,
      90_000
    );
  };

  /** Every path of every ordered segment holds French in the entry's French draft. */
  const expectEveryField = async () => {
    for (const { documentId, orders } of entries) {
      const fr = await findArticle(r.app.strapi, documentId, 'fr');
      const paths = orders.flatMap((o) => o.segments.flatMap((s) => s.paths));
      expect(paths.length).toBeGreaterThanOrEqual(7);
      const missing = paths.filter((p) => !String(getAt(fr, parsePath(p)) ?? '').includes('[fr]'));
      expect({ documentId, missing }).toEqual({ documentId, missing: [] });
    }
  };

  it('the reviewable callbacks of every field, to both instances at once → every field present', async () => {
    expect(instances).toHaveLength(2);
    await deliverToBoth('reviewable');
    await expectEveryField();
    await expectEventsOnce('reviewable');
  });

  it('then the approved ones, to both at once → every field still present, all final', async () => {
    await deliverToBoth('approved');
    await expectEveryField();
    await expectEventsOnce('approved');
    for (const p of instances) expect(p.child.exitCode).toBeNull();
  });

  it("the private key appears in no response and no log line (the instances' output included)", () => {
    for (const [i, p] of instances.entries()) r.watch.record(`instance ${i} output`, p.output());
    expectNoLeak(r.watch);
  });
});
