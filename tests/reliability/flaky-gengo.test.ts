import { createGengoClient } from '../../server/src/gengo';
import { decodeCustomData } from '../../server/src/platform/records';
import { createLeakWatch, type LeakWatch } from '../helpers/leak-watch';
import { ARTICLE, createSourceArticle, orderRows, startOrdersWorld, type OrdersWorld } from '../helpers/ordering-world';
import { expectNoLeak, KEYS, OTHER_PRIVATE_KEY } from './world';

/**
 * Gengo answering 5xx, or too late (past the client's timeout, the call processed all the same),
 * on 30 % of every call: documents ordered into one or two locales, the user asking again wherever
 * a request failed, the poller running. In the end every (document, locale) is ordered exactly once
 * at Gengo, charged once.
 */
describe('reliability: Gengo failing 30 % of calls while ordering', () => {
  const DOCUMENTS = 20;
  const TIMEOUT_MS = 250;
  let w: OrdersWorld;
  let watch: LeakWatch;

  beforeAll(async () => {
    w = await startOrdersWorld(100_000, KEYS);
    watch = createLeakWatch(KEYS.privateKey, OTHER_PRIVATE_KEY);
    watch.logs(w.app.strapi);
    watch.responses(w.app);
    // Short timeouts and backoffs, so that a run of failures costs milliseconds, not the production seconds.
    const plugin = w.app.strapi.plugin('gengo');
    plugin.service('settings').client = async () => {
      const s = await plugin.service('settings').getEffective();
      return createGengoClient({
        publicKey: s.publicKey,
        privateKey: s.privateKey,
        baseUrl: s.baseUrl,
        timeoutMs: TIMEOUT_MS,
        retries: 2,
        backoff: { baseDelayMs: 20, maxDelayMs: 100 },
        reconcile: { attempts: 3, delayMs: 300 },
        rateLimit: false, // the emulator's limit is lifted (its faults are the test)
      });
    };
  });
  afterAll(async () => {
    await w?.stop();
  });

  it(`${DOCUMENTS} documents × 1–2 locales, retried by the user, polled: each ordered once, charged once`, async () => {
    const api = () => w.app.as(w.admin.token);
    const wanted = new Map<string, string[]>();
    for (let i = 0; i < DOCUMENTS; i++)
      wanted.set(await createSourceArticle(w.app, `flaky${i}`), i % 2 ? ['fr', 'de'] : ['fr']);
    const pairs = [...wanted].reduce((n, [, l]) => n + l.length, 0);
    const balanceBefore = (await w.control.balance()).credits;

    await w.control.fault({ path: '**', status: 503, percent: 15 });
    // 18 % of the other 85 %: another 15 % of all calls, answered after the client gave up.
    await w.control.fault({ path: '**', latencyMs: TIMEOUT_MS + 200, percent: 18 });

    /** The (document, locale) pairs without an order placed or possibly placed (ambiguous). */
    const open = async () => {
      const rows = await orderRows(w.app, { status: { $in: ['placed', 'ambiguous', 'placing'] } });
      return [...wanted]
        .map(
          ([documentId, locales]) =>
            [
              documentId,
              locales.filter((l) => !rows.some((o: any) => o.targetDocumentId === documentId && o.targetLocale === l)),
            ] as const
        )
        .filter(([, l]) => l.length);
    };
    const reconcile = () => w.app.strapi.plugin('gengo').service('receiving').reconcile();
    let requests = 0;
    let failures = 0;
    const unsettled = async () => (await orderRows(w.app, { status: { $in: ['ambiguous', 'placing'] } })).length;
    let rounds = 0;
    // The faults are spread evenly, not at random: a request can meet them several rounds in a row.
    for (; rounds < 25; rounds++) {
      const todo = await open();
      if (!todo.length && !(await unsettled())) break;
      // The user asks again for what is not ordered…
      for (const [documentId, targetLocales] of todo) {
        const res = await api()
          .post('/gengo/orders')
          .send({ contentType: ARTICLE, documentId, targetLocales: [...targetLocales] });
        requests++;
        if (res.status !== 200) failures++;
      }
      // …the poller runs…
      for (let i = 0; i < 2; i++) await reconcile();
      // …and time passes: orders Gengo still has no job of are past the point where they fail.
      const knex = w.app.strapi.db.connection;
      await knex('gengo_orders')
        .whereIn('status', ['ambiguous', 'placing'])
        .update({
          submitted_at: new Date(Date.now() - 31 * 60_000),
          created_at: new Date(Date.now() - 31 * 60_000),
          updated_at: new Date(Date.now() - 31 * 60_000),
        });
    }
    const faults = await w.control.faults();
    await w.control.clearFaults();
    // Calm again: the poller settles what is left.
    await reconcile();
    expect(await open()).toEqual([]);
    expect(await unsettled()).toBe(0);

    const rows = await orderRows(w.app);
    const byRef = new Map(rows.map((o: any) => [o.reference, o]));
    await w.control.flush();
    const gengoOrders = new Map<string, { ref: string; credits: number }>();
    for (const j of await w.control.jobs()) {
      const data = decodeCustomData(j.custom_data);
      expect(data && byRef.has(data.ref)).toBe(true); // no job of an order we do not know
      const seen = gengoOrders.get(String(j.order_id));
      expect(seen === undefined || seen.ref === data!.ref).toBe(true);
      gengoOrders.set(String(j.order_id), { ref: data!.ref, credits: (seen?.credits ?? 0) + Number(j.credits) });
    }
    // Exactly one order at Gengo per (document, locale), and it is the one we hold as placed.
    const perPair = new Map<string, string[]>();
    for (const [gengoOrderId, { ref }] of gengoOrders) {
      const o: any = byRef.get(ref);
      const key = `${o.targetDocumentId}:${o.targetLocale}`;
      perPair.set(key, [...(perPair.get(key) ?? []), gengoOrderId]);
      expect(o).toMatchObject({ status: 'placed', gengoOrderId });
    }
    expect(perPair.size).toBe(pairs);
    expect([...perPair.values()].filter((ids) => ids.length !== 1)).toEqual([]);
    // Every other order row of ours failed (never at Gengo).
    expect(rows.filter((o: any) => o.status !== 'failed' && !gengoOrders.has(String(o.gengoOrderId)))).toEqual([]);
    // Charged once: what left the balance is what those orders cost.
    const spent = balanceBefore - (await w.control.balance()).credits;
    const ordered = [...gengoOrders.values()].reduce((s, o) => s + o.credits, 0);
    expect(spent).toBeCloseTo(ordered, 2);
    const placed = rows
      .filter((o: any) => o.status === 'placed')
      .reduce((s: number, o: any) => s + Number(o.credits), 0);
    expect(placed).toBeCloseTo(spent, 2);

    const hits = faults.reduce((s, f) => s + f.applied, 0);
    const calls = Math.max(...faults.map((f) => f.matched));
    console.info(
      `flaky: ${pairs} orders; ${rounds} rounds, ${requests} order requests (${failures} failed), ${rows.length} order rows; ${hits} of ${calls} Gengo calls faulted`
    );
    expect(hits).toBeGreaterThan(calls / 5);
  });

  it('the private key appears in no response and no log line', () => {
    expectNoLeak(watch);
  });
});
