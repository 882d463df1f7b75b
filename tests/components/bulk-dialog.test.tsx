import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Modal } from '@strapi/design-system';
import { BulkDialog } from '../../admin/src/components/BulkTranslate/BulkDialog';
import type { BatchView, BulkQuote } from '../../admin/src/api/bulk';
import { renderInAdmin } from './render';
import { fakeAdmin } from './strapi-admin';
import { LOCALES } from './fixtures';

/** The list view's bulk dialog: quote, confirm the total, then the batch in words; cancel the rest. */
const ARTICLE = 'api::article.article';
const IDS = ['d1', 'd2', 'd3'];

const quote: BulkQuote = {
  contentType: ARTICLE,
  sourceLocale: 'en',
  targetLocales: ['fr'],
  tier: 'pro',
  documents: 3,
  units: 360,
  credits: 18,
  currency: 'USD',
  eta: 7200,
  locales: [{ locale: 'fr', lcTgt: 'fr', offered: true, units: 360, credits: 18 }],
  skipped: [],
  balance: { credits: 50, currency: 'USD' },
  budget: { perOrder: null, perMonth: null, spentThisMonth: 0, check: { ok: true } },
};

const batch = (patch: Partial<BatchView> = {}): BatchView => ({
  id: 7,
  status: 'running',
  contentType: ARTICLE,
  sourceLocale: 'en',
  targetLocales: ['fr'],
  tier: 'pro',
  total: 3,
  done: 1,
  failed: 0,
  pending: 2,
  ordered: 1,
  translated: 0,
  credits: 6,
  currency: 'USD',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: null,
  createdByName: 'Ada',
  lastError: null,
  ...patch,
});

const renderDialog = async () => {
  renderInAdmin(
    <Modal.Root open>
      <Modal.Content>
        <BulkDialog model={ARTICLE} documentIds={IDS} onClose={() => undefined} />
      </Modal.Content>
    </Modal.Root>
  );
  await screen.findByRole('checkbox', { name: 'French (fr)' });
};

beforeEach(() => {
  fakeAdmin.reset();
  fakeAdmin.grant('read', 'order');
  fakeAdmin.on('GET', '/i18n/locales', LOCALES);
  fakeAdmin.on('GET', '/gengo/order-options', { data: { defaults: { tier: 'pro' } } });
  fakeAdmin.on('POST', '/gengo/bulk/quote', { data: quote });
});

it('quotes with the default tier, and orders only after the total and the balance after it are confirmed', async () => {
  fakeAdmin.on('POST', '/gengo/bulk', { data: batch() });
  fakeAdmin.on('GET', '/gengo/bulk/7', { data: batch() });
  await renderDialog();
  expect(screen.getByText(/3 entries selected · from English/)).toBeTruthy();
  fireEvent.click(screen.getByRole('checkbox', { name: 'French (fr)' }));
  fireEvent.click(screen.getByRole('button', { name: 'Get quote' }));
  const box = await screen.findByTestId('gengo-bulk-quote');
  expect(within(box).getByText('French: 360 words · 18.00 USD')).toBeTruthy();
  expect(within(box).getByText(/^Total: 360 words · 18\.00 USD in Gengo credits · expected by /)).toBeTruthy();
  expect(fakeAdmin.requests('POST', '/gengo/bulk/quote')[0].body).toMatchObject({ tier: 'pro', documentIds: IDS });

  fireEvent.click(screen.getByRole('button', { name: 'Order 3 documents' }));
  const confirm = await screen.findByTestId('gengo-confirm-order');
  expect(within(confirm).getByTestId('gengo-confirm-total').textContent).toBe('Total: 18.00 USD in Gengo credits');
  expect(within(confirm).getByTestId('gengo-confirm-balance').textContent).toBe(
    'Balance now 50.00 USD; after this order 32.00 USD'
  );
  expect(fakeAdmin.requests('POST', '/gengo/bulk')).toEqual([]);

  fireEvent.click(screen.getByRole('button', { name: 'Order for 18.00 USD' }));
  const progress = await screen.findByTestId('gengo-batch');
  expect(within(progress).getByTestId('gengo-batch-counts').textContent).toBe('Ordered 1 of 3 · Translated 0 of 3');
  expect(within(progress).getByText('Ordering')).toBeTruthy();
  expect(fakeAdmin.requests('POST', '/gengo/bulk')).toHaveLength(1);
  expect(fakeAdmin.notifications()).toEqual([
    { type: 'success', message: 'Bulk order started: 18.00 USD in Gengo credits' },
  ]);
});

it('a running batch can be stopped: the documents not ordered yet are left out', async () => {
  fakeAdmin.on('POST', '/gengo/bulk', { data: batch() });
  fakeAdmin.on('POST', '/gengo/bulk/7/cancel', { data: batch({ status: 'cancelled', pending: 0 }) });
  fakeAdmin.on('GET', '/gengo/bulk/7', { data: batch({ status: 'cancelled', pending: 0 }) });
  await renderDialog();
  fireEvent.click(screen.getByRole('checkbox', { name: 'French (fr)' }));
  fireEvent.click(screen.getByRole('button', { name: 'Get quote' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Order 3 documents' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Order for 18.00 USD' }));
  fireEvent.click(await screen.findByTestId('gengo-bulk-cancel'));
  await waitFor(() => expect(screen.getByTestId('gengo-batch').getAttribute('data-status')).toBe('cancelled'));
  expect(fakeAdmin.requests('POST', '/gengo/bulk/7/cancel')).toHaveLength(1);
  expect(screen.queryByTestId('gengo-bulk-cancel')).toBeNull();
});

it('a budget refusal names the document and the order button stays off', async () => {
  const message =
    '"Coffee guide" costs 9.00 USD, above the budget cap per order of 5.00 USD (Gengo credits). Leave it out of the selection or raise the cap.';
  fakeAdmin.on('POST', '/gengo/bulk/quote', {
    data: { ...quote, budget: { ...quote.budget, perOrder: 5, check: { ok: false, reason: 'order-cap', message } } },
  });
  await renderDialog();
  fireEvent.click(screen.getByRole('checkbox', { name: 'French (fr)' }));
  fireEvent.click(screen.getByRole('button', { name: 'Get quote' }));
  expect((await screen.findByTestId('gengo-bulk-budget')).textContent).toBe(`Refused by the budget: ${message}`);
  expect((screen.getByRole('button', { name: 'Order 3 documents' }) as HTMLButtonElement).disabled).toBe(true);
});
