import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SetupChecklist } from '../../admin/src/pages/Settings/SetupChecklist';
import type { HealthAnswer } from '../../shared/contracts/health';
import { renderInAdmin } from './render';
import { fakeAdmin, FakeFetchError } from './strapi-admin';

/** The route's body: `{ data: HealthAnswer }`. */
const answer = (failing: Partial<Record<string, { message: string; fix: string }>> = {}): { data: HealthAnswer } => {
  const ids = ['public-url', 'callback-url', 'cron', 'encryption-key', 'body-limit', 'keys'] as const;
  const checks = ids.map((id) =>
    failing[id]
      ? { id, ok: false, message: failing[id]!.message, fix: failing[id]!.fix }
      : { id, ok: true, message: `${id} is fine`, fix: null }
  );
  return { data: { plugin: 'gengo', ok: checks.every((c) => c.ok), checks } };
};

beforeEach(() => fakeAdmin.reset());

describe('setup checklist card', () => {
  it('lists every item; a failing one says what was found and what to change', async () => {
    fakeAdmin.on(
      'GET',
      '/gengo/health',
      answer({
        cron: { message: 'Cron is disabled: the poller never runs.', fix: 'Enable cron in config/server.ts.' },
        'public-url': { message: 'No public URL.', fix: 'Set GENGO_PUBLIC_URL.' },
      })
    );
    renderInAdmin(<SetupChecklist />);
    expect((await screen.findByTestId('setup-summary')).textContent).toBe('2 items need your attention.');
    const cron = screen.getByTestId('setup-check-cron');
    expect(cron.getAttribute('data-ok')).toBe('false');
    expect(within(cron).getByText('Cron (poller and bulk resume)')).toBeTruthy();
    expect(within(cron).getByText('Cron is disabled: the poller never runs.')).toBeTruthy();
    expect(within(cron).getByText('To fix: Enable cron in config/server.ts.')).toBeTruthy();
    expect(
      within(screen.getByTestId('setup-check-public-url')).getByText('To fix: Set GENGO_PUBLIC_URL.')
    ).toBeTruthy();
    const keys = screen.getByTestId('setup-check-keys');
    expect(keys.getAttribute('data-ok')).toBe('true');
    expect(within(keys).getByText('Gengo API keys')).toBeTruthy();
    expect(within(keys).queryByText(/To fix/)).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(6);
  });

  it('all green, then "Check again" asks the server again and shows the new answer', async () => {
    fakeAdmin.on('GET', '/gengo/health', answer());
    renderInAdmin(<SetupChecklist />);
    expect((await screen.findByTestId('setup-summary')).textContent).toBe('Everything is set up.');
    fakeAdmin.on(
      'GET',
      '/gengo/health',
      answer({ keys: { message: 'Gengo refused the keys.', fix: 'Check the keys.' } })
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.getByTestId('setup-summary').textContent).toBe('1 item needs your attention.'));
    expect(fakeAdmin.requests('GET', '/gengo/health')).toHaveLength(2);
  });

  it('says so when the check cannot be run', async () => {
    fakeAdmin.on('GET', '/gengo/health', () => {
      throw new FakeFetchError(403, { error: { message: 'Policy Failed' } });
    });
    renderInAdmin(<SetupChecklist />);
    expect(await screen.findByText('The setup check could not be run: Policy Failed')).toBeTruthy();
  });
});
