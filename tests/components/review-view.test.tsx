import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EntryReview } from '../../admin/src/components/Review/EntryReview';
import type { EntryReview as Model, JobView, ReviewField } from '../../admin/src/api/orders';
import { renderInAdmin } from './render';
import { fakeAdmin } from './strapi-admin';
import { LOCALES } from './fixtures';

const job = (id: number, patch: Partial<JobView> = {}): JobView => ({
  id,
  documentId: `job-${id}`,
  orderId: 1,
  gengoJobId: String(1000000 + id),
  segmentKey: `s${id}`,
  chunkIndex: 0,
  chunkCount: 1,
  sourceHash: null,
  gengoStatus: 'reviewable',
  status: 'reviewable',
  unitCount: 4,
  credits: 1,
  bodyTgt: 'x',
  appliedHash: null,
  appliedStatus: null,
  appliedAt: null,
  captchaUrl: `https://gengo.example/captcha/${id}`,
  lastError: null,
  history: null,
  reviewableAt: null,
  autoApproveAt: null,
  sharedWithOrderId: null,
  ...patch,
});

const field = (key: string, label: string[], jobs: JobView[], patch: Partial<ReviewField> = {}): ReviewField => ({
  key,
  label,
  jobs,
  status: jobs.every((j) => j.gengoStatus === 'approved') ? 'approved' : 'reviewable',
  units: jobs.length * 4,
  comments: [],
  segments: jobs.map((j) => ({
    key: j.segmentKey,
    kind: 'string',
    paths: [key],
    source: { runs: [{ text: `Source of ${key}` }] },
    translation: { runs: [{ text: `Traduction de ${key}` }] },
    previous: null,
    jobIds: [j.id],
  })),
  ...patch,
});

const model = (fields: ReviewField[], patch: Partial<Model> = {}): Model => ({
  contentType: 'api::article.article',
  documentId: 'doc-1',
  locale: 'fr',
  sourceLocale: 'en',
  order: { id: 1, status: 'placed', tier: 'standard', createdAt: '2026-12-01T10:00:00.000Z', autoApproveAt: null },
  fields,
  conflicts: [],
  ...patch,
});

const BODY = field('body', ['Body'], [job(2)], {
  segments: [
    {
      key: 's2',
      kind: 'richtext',
      paths: ['body'],
      source: { runs: [{ text: 'Some ' }, { text: '**', kept: true }, { text: 'bold' }, { text: '**', kept: true }] },
      translation: {
        runs: [{ text: 'Du texte ' }, { text: '**', kept: true }, { text: 'gras' }, { text: '**', kept: true }],
      },
      previous: {
        runs: [{ text: 'Un texte ' }, { text: '**', kept: true }, { text: 'gras' }, { text: '**', kept: true }],
      },
      jobIds: [2],
    },
  ],
  comments: [{ body: 'Should "bold" stay in English?', author: 'worker', ctime: 1764583200, jobId: 2 }],
});
const HERO = field('sections[0].heading', ['Sections', 'Hero', 'Heading'], [job(3), job(4, { chunkIndex: 1 })]);
const TITLE = field('title', ['Title'], [job(1)]);

const open = async (answer: Model, canReview = true) => {
  const onChanged = jest.fn();
  fakeAdmin.on('GET', '/gengo/review', { data: answer });
  renderInAdmin(
    <EntryReview
      contentType="api::article.article"
      documentId="doc-1"
      locale="fr"
      names={LOCALES}
      canReview={canReview}
      onChanged={onChanged}
    />
  );
  fireEvent.click(screen.getByTestId('gengo-review-fr'));
  await screen.findAllByTestId('gengo-field');
  return { onChanged, card: (key: string) => document.querySelector(`[data-field="${key}"]`) as HTMLElement };
};

beforeEach(() => fakeAdmin.reset());

describe('the review view: an entry, field by field', () => {
  it('names each field by its label path and shows the source beside the translation, kept parts marked', async () => {
    const { card } = await open(model([TITLE, BODY, HERO]));
    expect(fakeAdmin.requests('GET', '/gengo/review')[0].params).toEqual({
      contentType: 'api::article.article',
      documentId: 'doc-1',
      locale: 'fr',
    });
    expect(screen.getByText('French (fr) translation of English (en)')).toBeTruthy();
    expect(screen.getAllByTestId('gengo-field-label').map((e) => e.textContent)).toEqual([
      'Title',
      'Body',
      'Sections › Hero › Heading',
    ]);
    const title = within(card('title'));
    expect(title.getByText('Source · English (en)')).toBeTruthy();
    expect(title.getByTestId('gengo-source').textContent).toBe('Source of title');
    expect(title.getByTestId('gengo-translation').textContent).toBe('Traduction de title');
    // The plugin's one status vocabulary, and units named as Gengo counts them (an English source: words).
    expect(title.getByText('Awaiting review')).toBeTruthy();
    expect(title.getByTestId('gengo-field-units').textContent).toBe('4 words');
    expect(title.getByTestId('gengo-field-units').getAttribute('title')).toMatch(/characters for Chinese, Japanese/);
    // (The body was revised: its translation shows the changes, its source the kept parts.)
    const source = within(card('body')).getByTestId('gengo-source');
    expect([...source.querySelectorAll('[data-kept="true"]')].map((e) => e.textContent)).toEqual(['**', '**']);
    expect(screen.getByText(/3 fields wait for your review/)).toBeTruthy();
  });

  it('shows what the revision changed, and the source text untouched', async () => {
    const { card } = await open(model([BODY]));
    const diff = within(card('body')).getByTestId('gengo-revision-diff');
    expect(diff.querySelector('del')?.textContent).toBe('Un');
    expect(diff.querySelector('ins')?.textContent).toBe('Du');
    fireEvent.click(within(card('body')).getByRole('button', { name: 'Hide the changes' }));
    const translation = within(card('body')).getByTestId('gengo-translation');
    expect(translation.textContent).toBe('Du texte **gras**');
    expect([...translation.querySelectorAll('[data-kept="true"]')].map((e) => e.textContent)).toEqual(['**', '**']);
  });

  it('approves one field as a whole: the field named, nothing else; the view and the panel reload', async () => {
    const { card, onChanged } = await open(model([TITLE, HERO]));
    fakeAdmin.on('POST', '/gengo/orders/1/approve', { data: { done: [3, 4], failed: [] } });
    fireEvent.click(within(card('sections[0].heading')).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(fakeAdmin.requests('POST', '/gengo/orders/1/approve').map((r) => r.body)).toEqual([
      { fields: ['sections[0].heading'] },
    ]);
    expect(fakeAdmin.notifications()).toEqual([{ type: 'success', message: '“Sections › Hero › Heading” approved' }]);
    expect(fakeAdmin.requests('GET', '/gengo/review').length).toBe(2);
  });

  it('approve with feedback sends the rating and the words for the translator', async () => {
    const { card } = await open(model([TITLE]));
    fakeAdmin.on('POST', '/gengo/orders/1/approve', { data: { done: [1], failed: [] } });
    const title = within(card('title'));
    fireEvent.click(title.getByRole('button', { name: 'Rate and give feedback' }));
    fireEvent.change(title.getByLabelText('Feedback for the translator'), { target: { value: ' Reads well. ' } });
    fireEvent.click(title.getByRole('button', { name: 'Approve with feedback' }));
    await waitFor(() => expect(fakeAdmin.requests('POST', '/gengo/orders/1/approve')).toHaveLength(1));
    expect(fakeAdmin.requests('POST', '/gengo/orders/1/approve')[0].body).toEqual({
      fields: ['title'],
      forTranslator: 'Reads well.',
      public: false,
    });
  });

  it('approve all: one request for the whole order, the most prominent button', async () => {
    await open(model([TITLE, BODY, HERO]));
    fakeAdmin.on('POST', '/gengo/orders/1/approve', { data: { done: [1, 2, 3, 4], failed: [] } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve all (3 fields)' }));
    await waitFor(() => expect(fakeAdmin.requests('POST', '/gengo/orders/1/approve')).toHaveLength(1));
    expect(fakeAdmin.requests('POST', '/gengo/orders/1/approve')[0].body).toEqual({});
    await waitFor(() => expect(fakeAdmin.notifications()).toEqual([{ type: 'success', message: '3 fields approved' }]));
  });

  it('request changes names the field and needs a reason', async () => {
    const { card } = await open(model([TITLE, BODY]));
    fakeAdmin.on('POST', '/gengo/orders/1/revise', { data: { done: [2], failed: [] } });
    const body = within(card('body'));
    fireEvent.click(body.getByRole('button', { name: 'Request changes' }));
    const send = body.getByRole('button', { name: 'Send revision request' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(body.getByLabelText(/What should the translator change/), { target: { value: 'Keep "bold".' } });
    fireEvent.click(send);
    await waitFor(() => expect(fakeAdmin.requests('POST', '/gengo/orders/1/revise')).toHaveLength(1));
    expect(fakeAdmin.requests('POST', '/gengo/orders/1/revise')[0].body).toEqual({
      fields: ['body'],
      comment: 'Keep "bold".',
    });
  });

  it('a refusal on one of the field’s jobs is shown, not hidden behind a success', async () => {
    const { card } = await open(model([HERO]));
    fakeAdmin.on('POST', '/gengo/orders/1/approve', {
      data: { done: [3], failed: [{ jobId: 4, message: 'Gengo refused to approve: job is not reviewable' }] },
    });
    fireEvent.click(within(card('sections[0].heading')).getByRole('button', { name: 'Approve' }));
    expect((await screen.findByTestId('gengo-review-error')).textContent).toBe(
      'Gengo refused to approve: job is not reviewable'
    );
  });

  it('reject: a captcha per translation of the field, then reject and close sends follow-up "cancel" for each', async () => {
    const { card } = await open(model([HERO]));
    fakeAdmin.on('POST', '/gengo/jobs/3/reject', { data: job(3, { gengoStatus: 'canceled' }) });
    fakeAdmin.on('POST', '/gengo/jobs/4/reject', { data: job(4, { gengoStatus: 'canceled' }) });
    const hero = within(card('sections[0].heading'));
    fireEvent.click(hero.getByRole('button', { name: 'Reject' }));
    expect(hero.getByRole('button', { name: 'Request changes' })).toBeTruthy();
    const close = hero.getByRole('button', { name: 'Reject and close' });
    fireEvent.change(hero.getByLabelText(/^Comment/), { target: { value: 'Half is missing.' } });
    fireEvent.change(hero.getByLabelText(/part 1 of 2/), { target: { value: 'ABCD' } });
    expect((close as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(hero.getByLabelText(/part 2 of 2/), { target: { value: 'EFGH' } });
    fireEvent.click(close);
    await waitFor(() => expect(fakeAdmin.requests('POST', '/gengo/jobs/4/reject')).toHaveLength(1));
    expect(fakeAdmin.requests('POST', '/gengo/jobs/3/reject')[0].body).toEqual({
      reason: 'quality',
      comment: 'Half is missing.',
      captcha: 'ABCD',
      followUp: 'cancel',
    });
    expect(fakeAdmin.requests('POST', '/gengo/jobs/4/reject')[0].body.captcha).toBe('EFGH');
  });

  it("the translator's thread is in the view", async () => {
    const { card } = await open(model([BODY]));
    const body = within(card('body'));
    fireEvent.click(body.getByRole('button', { name: 'Comments (1)' }));
    expect(body.getByText('Should "bold" stay in English?')).toBeTruthy();
    expect(body.getByText(/^Translator/)).toBeTruthy();
  });

  it('a reader without the review permission sees the fields, and every decision disabled', async () => {
    const { card } = await open(model([TITLE]), false);
    expect((within(card('title')).getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Approve all (1 field)' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('conflicts are shown in the view with both texts', async () => {
    await open(
      model(
        [
          field('summary', ['Summary'], [job(5, { status: 'conflict', gengoStatus: 'approved' })], {
            status: 'conflict',
          }),
        ],
        {
          conflicts: [
            {
              segmentKey: 's5',
              path: 'summary',
              targetPath: 'summary',
              label: 'Summary',
              reason: 'a person wrote this text',
              current: 'Mon résumé à moi',
              translation: 'Le résumé traduit',
              jobIds: [5],
            },
          ],
        }
      )
    );
    expect(screen.getByText('Conflict on Summary')).toBeTruthy();
    expect(screen.getByTestId('gengo-conflict-current').textContent).toBe('Mon résumé à moi');
    expect(screen.getByTestId('gengo-conflict-translation').textContent).toBe('Le résumé traduit');
    expect(
      within(document.querySelector('[data-field="summary"]') as HTMLElement).getByText('Conflict to resolve')
    ).toBeTruthy();
  });

  it('counts a Japanese source in characters', async () => {
    const { card } = await open(model([TITLE], { sourceLocale: 'ja' }));
    expect(within(card('title')).getByTestId('gengo-field-units').textContent).toBe('4 characters');
  });
});
