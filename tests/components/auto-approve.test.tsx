import { screen, waitFor } from '@testing-library/react';
import { AutoApproveDeadline } from '../../admin/src/components/Review/AutoApproveDeadline';
import { FieldCard } from '../../admin/src/components/Review/FieldCard';
import { TranslatePanel } from '../../admin/src/components/TranslatePanel/TranslatePanel';
import type { JobView, LocaleStatus } from '../../admin/src/api/orders';
import { renderInAdmin } from './render';
import { fakeAdmin } from './strapi-admin';
import { LOCALES, orderAnswer } from './fixtures';

const HOUR = 3600 * 1000;
const NOW = Date.parse('2026-12-02T12:00:00.000Z');
const at = (hours: number) => new Date(NOW + hours * HOUR).toISOString();
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

const job = (patch: Partial<JobView> = {}): JobView => ({
  id: 7,
  documentId: 'job-7',
  orderId: 1,
  gengoJobId: '1000007',
  segmentKey: 's0',
  chunkIndex: 0,
  chunkCount: 1,
  sourceHash: null,
  gengoStatus: 'reviewable',
  status: 'reviewable',
  unitCount: 12,
  credits: 1,
  bodyTgt: 'Bonjour',
  appliedHash: null,
  appliedStatus: null,
  appliedAt: null,
  captchaUrl: null,
  lastError: null,
  history: null,
  reviewableAt: inHours(-52),
  autoApproveAt: inHours(20.5),
  sharedWithOrderId: null,
  ...patch,
});

beforeEach(() => fakeAdmin.reset());

/** The deadline of Gengo's auto-approval on a reviewable job, and the badge in its last day. */
describe('AutoApproveDeadline', () => {
  const badge = () => screen.queryByTestId('gengo-auto-approve-badge');

  it('a day before: a warning badge with the hours left', () => {
    renderInAdmin(<AutoApproveDeadline at={at(20.5)} now={NOW} />);
    expect(badge()?.textContent).toBe('auto-approves in 20 h');
    expect(screen.getByText(/Gengo approves it by itself on/)).toBeTruthy();
    expect(screen.getByTestId('gengo-auto-approve').getAttribute('data-soon')).toBe('true');
  });

  it('further away: the date, no badge (compact: a neutral badge with the date)', () => {
    const { unmount } = renderInAdmin(<AutoApproveDeadline at={at(50)} now={NOW} />);
    expect(badge()).toBeNull();
    expect(screen.getByText(/Gengo approves it by itself on/)).toBeTruthy();
    unmount();
    renderInAdmin(<AutoApproveDeadline at={at(50)} now={NOW} compact />);
    expect(badge()?.textContent).toMatch(/^auto-approves (?!in)/);
    expect(screen.queryByText(/Gengo approves it by itself on/)).toBeNull();
  });

  it('the last hour, and past the deadline', () => {
    const { unmount } = renderInAdmin(<AutoApproveDeadline at={at(0.5)} now={NOW} />);
    expect(badge()?.textContent).toBe('auto-approves in less than an hour');
    unmount();
    renderInAdmin(<AutoApproveDeadline at={at(-1)} now={NOW} />);
    expect(badge()?.textContent).toBe('auto-approving now');
  });

  it('nothing when the job is not reviewable', () => {
    renderInAdmin(<AutoApproveDeadline at={null} now={NOW} />);
    expect(screen.queryByTestId('gengo-auto-approve')).toBeNull();
  });

  it('on a field of the review view', () => {
    const field = {
      key: 'title',
      label: ['Title'],
      segments: [],
      jobs: [job()],
      status: 'reviewable',
      units: 12,
      comments: [],
    };
    renderInAdmin(
      <FieldCard
        field={field}
        orderId={1}
        sourceName="English"
        sourceLocale="en"
        targetName="French"
        canReview
        onChanged={() => undefined}
      />
    );
    expect(badge()?.textContent).toBe('auto-approves in 20 h');
  });
});

describe('the warning in the panel', () => {
  const Host = () => {
    const panel = TranslatePanel({ model: 'api::article.article', documentId: 'doc-1', document: { locale: 'en' } });
    return panel ? <section>{panel.content}</section> : null;
  };
  const serve = (jobs: JobView[]) => {
    const latest = orderAnswer({ jobs, autoApproveAt: jobs[0]?.autoApproveAt ?? null });
    const locales: LocaleStatus[] = [
      { locale: 'fr', status: 'placed', jobs: { reviewable: jobs.length }, latest, orders: [latest], relationGaps: [] },
    ];
    fakeAdmin.on('GET', '/i18n/locales', LOCALES);
    fakeAdmin.on('GET', '/gengo/document-status', {
      data: { contentType: 'api::article.article', documentId: 'doc-1', locales },
    });
  };

  it('a reviewer is told once when translations auto-approve within a day; the locale shows the badge', async () => {
    fakeAdmin.grant('read', 'review');
    serve([job(), job({ id: 8, autoApproveAt: inHours(23) }), job({ id: 9, autoApproveAt: inHours(60) })]);
    renderInAdmin(<Host />);
    await screen.findByTestId('gengo-panel');
    await waitFor(() =>
      expect(fakeAdmin.notifications()).toEqual([
        { type: 'warning', message: '2 translations are approved by Gengo within a day unless reviewed first.' },
      ])
    );
    expect((await screen.findByTestId('gengo-auto-approve-badge')).textContent).toBe('auto-approves in 20 h');
  });

  it('no warning for a user who may not review, nor when nothing is due within a day', async () => {
    fakeAdmin.grant('read');
    serve([job()]);
    const { unmount } = renderInAdmin(<Host />);
    await screen.findByTestId('gengo-auto-approve-badge');
    expect(fakeAdmin.notifications()).toEqual([]);
    unmount();
    fakeAdmin.reset();
    fakeAdmin.grant('read', 'review');
    serve([job({ autoApproveAt: inHours(40) })]);
    renderInAdmin(<Host />);
    await screen.findByTestId('gengo-auto-approve-badge');
    expect(fakeAdmin.notifications()).toEqual([]);
  });
});
