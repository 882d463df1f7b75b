import { createSuperAdmin, type AdminSession } from '../helpers/admin';
import {
  advanceAll,
  createArticle,
  jobRows,
  placeOrder,
  settle,
  startReceiving,
  type PlacedOrder,
  type Receiving,
} from '../helpers/orders';

jest.setTimeout(120_000);

const HOUR = 3600 * 1000;

/**
 * Gengo's 72-hour auto-approval (issue 19 item 5), plugin side: every reviewable job carries its
 * deadline (from when we learnt it became reviewable), the orders list sorts by it, and when the
 * emulator's clock passes it, Gengo's approval comes in and the deadline goes.
 */
describe('auto-approval deadline', () => {
  let r: Receiving;
  let admin: AdminSession;
  const api = () => r.app.as(admin.token);

  const order = async (title: string) => {
    const { documentId } = await createArticle(r.app.strapi, { title, slug: title.toLowerCase().replace(/\W+/g, '-') });
    return placeOrder(r, documentId);
  };
  /** As if we had learnt `hours` ago that the order's jobs became reviewable. */
  const backdate = async (o: PlacedOrder, hours: number) => {
    for (const row of await jobRows(r, o))
      await r.app.strapi.db.query('plugin::gengo.job').update({
        where: { id: row.id },
        data: { reviewableAt: new Date(Date.parse(row.reviewableAt) - hours * HOUR).toISOString() },
      });
  };

  beforeAll(async () => {
    r = await startReceiving();
    admin = await createSuperAdmin(r.app);
  });
  afterAll(async () => {
    await r?.stop();
  });

  it('reviewable jobs carry the deadline; the list sorts by it; the emulator’s clock passing it approves them', async () => {
    const soon = await order('Deadline soon');
    const later = await order('Deadline later');
    const none = await order('Not reviewable yet');
    const t0 = Date.now();
    await advanceAll(r, soon, 'reviewable');
    await advanceAll(r, later, 'reviewable');
    await settle(r);

    // Learnt from the callbacks: reviewable now, Gengo approves 72 hours later (small jobs).
    const one = (await api().get(`/gengo/orders/${later.orderId}`)).body.data;
    expect(one.jobs.length).toBeGreaterThan(0);
    for (const job of one.jobs) {
      expect(job.gengoStatus).toBe('reviewable');
      expect(Date.parse(job.reviewableAt)).toBeGreaterThanOrEqual(t0 - 1000);
      expect(Date.parse(job.autoApproveAt) - Date.parse(job.reviewableAt)).toBe(72 * HOUR);
    }
    expect(one.autoApproveAt).toBe(one.jobs.map((j: any) => j.autoApproveAt).sort()[0]);
    const pending = (await api().get(`/gengo/orders/${none.orderId}`)).body.data;
    expect(pending.autoApproveAt).toBeNull();
    expect(pending.jobs.every((j: any) => j.autoApproveAt === null)).toBe(true);

    // 50 hours on, at Gengo and for us: the first order auto-approves within a day.
    await r.control.advanceClock(50 * 3600);
    await backdate(soon, 50);
    const list = (await api().get('/gengo/orders?sort=autoApproveAt&pageSize=100')).body.data;
    const ids = list.map((o: any) => o.id);
    expect(ids.slice(0, 2)).toEqual([soon.orderId, later.orderId]);
    expect(ids.indexOf(none.orderId)).toBeGreaterThan(1);
    const first = list[0];
    const left = Date.parse(first.autoApproveAt) - Date.now();
    expect(left).toBeGreaterThan(21 * HOUR);
    expect(left).toBeLessThan(22 * HOUR + 60_000);
    expect(list.find((o: any) => o.id === none.orderId).autoApproveAt).toBeNull();
    // The default order (newest first) is unchanged, and still says each order's deadline.
    const byDate = (await api().get('/gengo/orders?pageSize=100')).body.data;
    expect(byDate.map((o: any) => o.id).slice(0, 3)).toEqual([none.orderId, later.orderId, soon.orderId]);
    expect(byDate[2].autoApproveAt).toBe(first.autoApproveAt);
    expect((await api().get('/gengo/orders?sort=nearest')).status).toBe(400);

    // Past Gengo's 72 hours on the emulator's clock: Gengo approves, calls back, the deadline goes.
    await r.control.advanceClock(22 * 3600 + 60);
    await settle(r);
    const approved = (await api().get(`/gengo/orders/${soon.orderId}`)).body.data;
    expect(approved.jobs.every((j: any) => j.gengoStatus === 'approved' && j.autoApproveAt === null)).toBe(true);
    expect(approved.autoApproveAt).toBeNull();
    expect(approved.status).toBe('completed');
  });
});
