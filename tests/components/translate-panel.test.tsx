import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TranslatePanel } from '../../admin/src/components/TranslatePanel/TranslatePanel';
import type { LocaleStatus, QuoteResult } from '../../admin/src/api/orders';
import { renderInAdmin } from './render';
import { fakeAdmin, FakeFetchError } from './strapi-admin';
import { LOCALES, localeQuote, orderAnswer } from './fixtures';

/** The edit view's "Translate with Gengo" side panel, as the content manager shows it. */
const ARTICLE = 'api::article.article';
const DOC = 'doc-abc';

/** The content manager calls a side panel with the entry and renders its title and content. */
const Host = (props: { model: string; documentId?: string; document?: any }) => {
  const panel = TranslatePanel(props);
  return panel ? (
    <section>
      <h2>{panel.title}</h2>
      {panel.content}
    </section>
  ) : (
    <p>no panel</p>
  );
};

const latest = orderAnswer({ jobs: [] });
const statuses: LocaleStatus[] = [
  { locale: 'fr', status: 'completed', jobs: { approved: 3 }, latest, orders: [latest], relationGaps: [] },
  { locale: 'pt-BR', status: 'placed', jobs: { pending: 1, available: 1 }, latest, orders: [latest], relationGaps: [] },
  {
    locale: 'de',
    status: 'failed',
    jobs: {},
    latest: { ...latest, lastError: 'boom' },
    orders: [latest],
    relationGaps: [],
  },
];

const quote: QuoteResult = {
  contentType: ARTICLE,
  documentId: DOC,
  sourceLocale: 'en',
  tier: 'standard',
  fields: ['title'],
  locales: [localeQuote(), localeQuote({ locale: 'pt-BR', lcTgt: 'pt-br', credits: 3.5, eta: 1800 })],
  total: { credits: 9.5, currency: 'USD' },
  balance: { credits: 100, currency: 'USD' },
  budget: { perOrder: null, perMonth: null, spentThisMonth: 0, check: { ok: true } },
};

const serve = (locales: LocaleStatus[] = statuses) => {
  fakeAdmin.on('GET', '/i18n/locales', LOCALES);
  fakeAdmin.on('GET', '/gengo/order-options', { data: { defaults: { tier: 'pro' } } });
  fakeAdmin.on('GET', '/gengo/document-status', (req) => ({
    data: { contentType: req.params?.contentType, documentId: req.params?.documentId, locales },
  }));
};

const renderPanel = async (locale = 'en') => {
  renderInAdmin(<Host model={ARTICLE} documentId={DOC} document={{ locale }} />);
  await screen.findByTestId('gengo-panel');
};

const target = (name: string) => screen.getByRole('checkbox', { name });
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
/** Ticks a target locale; the order options (default tier) are read then, and "Get quote" waits for them. */
const choose = async (name: string) => {
  fireEvent.click(target(name));
  await waitFor(() => expect(button('Get quote').disabled).toBe(false));
};

beforeEach(() => {
  fakeAdmin.reset();
  fakeAdmin.grant('read', 'order', 'review');
});

it('shows the source locale and each target locale with its status, in words and names', async () => {
  serve();
  await renderPanel();
  expect(screen.getByRole('heading', { name: 'Translate with Gengo' })).toBeTruthy();
  expect(screen.getByText('Source: English')).toBeTruthy();
  const list = await screen.findByTestId('gengo-status');
  const rows = [...list.querySelectorAll('[data-locale]')].map((el) => [
    el.getAttribute('data-locale'),
    el.getAttribute('data-status'),
    within(el as HTMLElement)
      .getAllByText(/./)
      .map((t) => t.textContent),
  ]);
  expect(rows).toEqual([
    ['fr', 'approved', ['French', 'Translated · 3 of 3']],
    ['pt-BR', 'available', ['Portuguese (Brazil)', 'Waiting for a translator · 1 of 2']],
    ['de', 'error', ['German', 'Error']],
  ]);
  expect(fakeAdmin.requests('GET', '/gengo/document-status')[0].params).toEqual({
    contentType: ARTICLE,
    documentId: DOC,
  });
});

it('an entry never ordered says so', async () => {
  serve([]);
  await renderPanel();
  expect(await screen.findByText('Not translated with Gengo yet.')).toBeTruthy();
});

it("names a conflict by the field's label, as the review view does", async () => {
  const conflicted = {
    ...latest,
    conflicts: [
      {
        segmentKey: 's0',
        path: 'title',
        targetPath: 'title',
        label: 'Title',
        reason: "a person's text was there before the order",
        current: 'Mon titre à moi',
        translation: 'Le titre traduit',
        jobIds: [1],
      },
    ],
  };
  serve([
    {
      locale: 'fr',
      status: 'placed',
      jobs: { conflict: 1 },
      latest: conflicted,
      orders: [conflicted],
      relationGaps: [],
    },
  ]);
  await renderPanel();
  expect(await screen.findByText('Conflict on Title')).toBeTruthy();
  expect(screen.getByTestId('gengo-conflict-current').textContent).toBe('Mon titre à moi');
});

it('quotes the chosen locales and shows the figures Gengo returned', async () => {
  serve();
  fakeAdmin.on('POST', '/gengo/quote', { data: quote });
  await renderPanel();
  expect(button('Get quote').disabled).toBe(true);
  expect(screen.queryByRole('checkbox', { name: 'English (en)' })).toBeNull();
  // Opening an entry asks Gengo nothing: the order options are read once a target is chosen.
  expect(fakeAdmin.requests('GET', '/gengo/order-options')).toEqual([]);
  await choose('French (fr)');
  await choose('Portuguese (Brazil) (pt-BR)');
  expect(fakeAdmin.requests('GET', '/gengo/order-options')).toHaveLength(1);
  fireEvent.click(button('Get quote'));

  const box = await screen.findByTestId('gengo-quote');
  expect(
    within(box)
      .getAllByText(/./)
      .map((el) => el.textContent)
  ).toEqual([
    expect.stringMatching(/^French: 120 words · 6\.00 USD · expected by \w{3} \d+, \d{4}/),
    expect.stringMatching(/^Portuguese \(Brazil\): 120 words · 3\.50 USD · expected by /),
    'Total: 9.50 USD in Gengo credits',
    'Balance: 100.00 USD',
    expect.stringContaining('Gengo prices by words (characters for Chinese, Japanese and Korean sources)'),
  ]);
  // The settings' default tier (pro) until the person picks another.
  expect(fakeAdmin.requests('POST', '/gengo/quote').map((r) => r.body)).toEqual([
    { contentType: ARTICLE, documentId: DOC, sourceLocale: 'en', targetLocales: ['fr', 'pt-BR'], tier: 'pro' },
  ]);
});

it('asks to confirm the total and the balance after it; nothing is ordered before that', async () => {
  serve();
  fakeAdmin.on('POST', '/gengo/quote', { data: quote });
  fakeAdmin.on('POST', '/gengo/orders', { data: { orders: [] } });
  await renderPanel();
  await choose('French (fr)');
  fireEvent.click(button('Get quote'));
  fireEvent.click(await screen.findByRole('button', { name: 'Order' }));

  const dialog = await screen.findByTestId('gengo-confirm-order');
  expect(screen.getByRole('alertdialog', { name: 'Order 2 translations?' })).toBeTruthy();
  expect(within(dialog).getByTestId('gengo-confirm-total').textContent).toBe('Total: 9.50 USD in Gengo credits');
  expect(within(dialog).getByTestId('gengo-confirm-balance').textContent).toBe(
    'Balance now 100.00 USD; after this order 90.50 USD'
  );
  expect(within(dialog).getByText('Portuguese (Brazil)')).toBeTruthy();
  expect(fakeAdmin.requests('POST', '/gengo/orders')).toEqual([]);

  // Back: still nothing ordered, and the quote stays for another look.
  fireEvent.click(screen.getByRole('button', { name: 'Back' }));
  await waitFor(() => expect(screen.queryByTestId('gengo-confirm-order')).toBeNull());
  expect(fakeAdmin.requests('POST', '/gengo/orders')).toEqual([]);
  expect(screen.getByTestId('gengo-quote')).toBeTruthy();
});

it('a quote the budget refuses says why and cannot be ordered', async () => {
  serve();
  const message = 'The order costs 9.50 USD, above the budget cap per order of 5.00 credits.';
  fakeAdmin.on('POST', '/gengo/quote', {
    data: { ...quote, budget: { ...quote.budget, perOrder: 5, check: { ok: false, reason: 'order-cap', message } } },
  });
  await renderPanel();
  await choose('French (fr)');
  fireEvent.click(button('Get quote'));
  expect((await screen.findByTestId('gengo-budget-refusal')).textContent).toBe(message);
  expect(button('Order').disabled).toBe(true);
});

it('orders the quote once confirmed, with an idempotency key, and says what it cost', async () => {
  serve();
  fakeAdmin.on('POST', '/gengo/quote', { data: quote });
  fakeAdmin.on('POST', '/gengo/orders', { data: { orders: [] } });
  await renderPanel();
  await choose('French (fr)');
  fireEvent.change(screen.getByLabelText('Comment for the translator'), { target: { value: 'Formal tone' } });
  fireEvent.click(button('Get quote'));
  fireEvent.click(await screen.findByRole('button', { name: 'Order' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Order for 9.50 USD' }));

  await waitFor(() =>
    expect(fakeAdmin.notifications()).toEqual([
      { type: 'success', message: 'Translation ordered: 9.50 USD in Gengo credits' },
    ])
  );
  const [order] = fakeAdmin.requests('POST', '/gengo/orders').map((r) => r.body);
  expect(order).toEqual({
    contentType: ARTICLE,
    documentId: DOC,
    sourceLocale: 'en',
    targetLocales: ['fr'],
    tier: 'pro',
    comment: 'Formal tone',
    idempotencyKey: expect.any(String),
  });
  expect(order.idempotencyKey.length).toBeGreaterThan(8);
  await waitFor(() => expect(fakeAdmin.requests('GET', '/gengo/document-status').length).toBeGreaterThanOrEqual(2));
  expect(screen.queryByTestId('gengo-quote')).toBeNull();
});

it("shows the server's refusal of a quote", async () => {
  serve();
  fakeAdmin.on('POST', '/gengo/quote', () => {
    throw fakeAdmin.validationError(
      'Gengo offers no language for locale "pt-BR" (tried pt-br, pt); set a mapping in the settings'
    );
  });
  await renderPanel();
  await choose('Portuguese (Brazil) (pt-BR)');
  fireEvent.click(button('Get quote'));
  expect((await screen.findByTestId('gengo-error')).textContent).toBe(
    'Gengo offers no language for locale "pt-BR" (tried pt-br, pt); set a mapping in the settings'
  );
  expect(screen.queryByRole('button', { name: 'Order' })).toBeNull();
});

it('without the order permission: statuses show, but nothing can be quoted or ordered', async () => {
  fakeAdmin.reset();
  fakeAdmin.grant('read');
  serve();
  await renderPanel();
  expect(await screen.findByTestId('gengo-status')).toBeTruthy();
  expect(target('French (fr)').hasAttribute('disabled')).toBe(true);
  expect(button('Get quote').disabled).toBe(true);
  expect(screen.queryByRole('button', { name: 'Order' })).toBeNull();
  expect(fakeAdmin.requests('POST')).toEqual([]);
});

it('without the read permission, or on an unsaved entry, there is no panel', async () => {
  fakeAdmin.reset();
  fakeAdmin.grant('order');
  serve();
  renderInAdmin(<Host model={ARTICLE} documentId={DOC} document={{ locale: 'en' }} />);
  expect(screen.getByText('no panel')).toBeTruthy();
  fakeAdmin.grant('read');
  renderInAdmin(<Host model={ARTICLE} document={{ locale: 'en' }} />);
  expect(screen.getAllByText('no panel')).toHaveLength(2);
  expect(fakeAdmin.requests()).toEqual([]);
});

it('a status that cannot be read shows the error, and ordering still works', async () => {
  serve();
  fakeAdmin.on('GET', '/gengo/document-status', () => {
    throw new FakeFetchError(500, { error: { message: 'Status unavailable' } });
  });
  await renderPanel();
  expect(await screen.findByText('Status unavailable')).toBeTruthy();
  expect(target('French (fr)').hasAttribute('disabled')).toBe(false);
});

it('on a translated version, says whose translation it is and shows that locale only', async () => {
  serve();
  await renderPanel('fr');
  expect(await screen.findByText('French translation of English')).toBeTruthy();
  const rows = [...(await screen.findByTestId('gengo-status')).querySelectorAll('[data-locale]')];
  expect(rows.map((r) => [r.getAttribute('data-locale'), r.getAttribute('data-status')])).toEqual([['fr', 'approved']]);
  // Nothing to order from here: not "Source: French" offering English.
  expect(screen.queryByRole('button', { name: 'Get quote' })).toBeNull();
  expect(screen.queryByRole('checkbox', { name: 'English (en)' })).toBeNull();
  expect(screen.getByTestId('gengo-order-from-source').textContent).toBe(
    'Translations are ordered from the English version of this entry.'
  );
});
