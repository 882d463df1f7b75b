import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsPage } from '../../admin/src/pages/Settings/SettingsPage';
import { PublishRulesEditor } from '../../admin/src/pages/Settings/PublishRulesEditor';
import { renderInAdmin } from './render';
import { fakeAdmin, FakeFetchError } from './strapi-admin';
import { configRule, CONTENT_TYPES, LOCALES, languagesAnswer, settingsAnswer } from './fixtures';

/** Settings → Gengo → Configuration, against fake routes: what it shows and what it sends. */
const serve = (settings = settingsAnswer(), languages = languagesAnswer()) => {
  fakeAdmin.on('GET', '/gengo/settings', { data: settings });
  fakeAdmin.on('GET', '/gengo/settings/languages', { data: languages });
  fakeAdmin.on('GET', '/gengo/publish-rules', { data: { rules: [] } });
  fakeAdmin.on('GET', '/content-manager/content-types', { data: CONTENT_TYPES });
  fakeAdmin.on('GET', '/i18n/locales', LOCALES);
};

const renderPage = async () => {
  renderInAdmin(<SettingsPage />);
  await screen.findByRole('heading', { name: 'Gengo' });
  await screen.findByTestId('locale-map-pt-BR');
};

const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
const putBodies = () => fakeAdmin.requests('PUT', '/gengo/settings').map((r) => r.body);

beforeEach(() => {
  fakeAdmin.reset();
  fakeAdmin.grant('settings.read', 'settings.update');
});

describe('settings form', () => {
  it('shows values fixed by env or config read-only, with their source', async () => {
    serve(
      settingsAnswer({
        publicKey: 'env-public',
        defaultTier: 'pro',
        fixed: {
          publicKey: { source: 'env', name: 'GENGO_PUBLIC_KEY' },
          defaultTier: { source: 'config', name: 'gengo.config.defaultTier' },
        },
      })
    );
    await renderPage();
    const publicKey = screen.getByLabelText('Public key') as HTMLInputElement;
    expect(publicKey.value).toBe('env-public');
    expect(publicKey.disabled).toBe(true);
    expect(screen.getByText('Set by the environment variable GENGO_PUBLIC_KEY')).toBeTruthy();
    expect(screen.getByText('Set by config/plugins.ts: gengo.config.defaultTier')).toBeTruthy();
    expect(
      screen.getByRole('combobox', { name: 'Default tier' }).hasAttribute('disabled') ||
        screen.getByRole('combobox', { name: 'Default tier' }).getAttribute('aria-disabled') === 'true'
    ).toBe(true);
    expect((screen.getByLabelText('Public URL of this site') as HTMLInputElement).disabled).toBe(false);
  });

  it('a custom API URL is never typed here: shown read-only when config or env sets one, offered not at all otherwise', async () => {
    serve();
    await renderPage();
    expect(screen.queryByLabelText('API URL')).toBeNull();
    await userEvent.click(screen.getByRole('combobox', { name: 'Environment' }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Sandbox', 'Production']);
  });

  it('the API URL fixed by config: read-only, with its source', async () => {
    serve(
      settingsAnswer({
        environment: 'custom',
        apiUrl: 'http://127.0.0.1:3999/v2/',
        baseUrl: 'http://127.0.0.1:3999/v2/',
        fixed: {
          apiUrl: { source: 'config', name: 'gengo.config.apiUrl' },
          environment: { source: 'config', name: 'gengo.config.apiUrl' },
        },
      })
    );
    await renderPage();
    const apiUrl = screen.getByLabelText('API URL') as HTMLInputElement;
    expect(apiUrl.value).toBe('http://127.0.0.1:3999/v2/');
    expect(apiUrl.disabled).toBe(true);
    expect(screen.getAllByText('Set by config/plugins.ts: gengo.config.apiUrl').length).toBeGreaterThan(0);
  });

  it('preview links: off by default, sent when turned on', async () => {
    serve();
    fakeAdmin.on('PUT', '/gengo/settings', (req) => ({ data: settingsAnswer(req.body) }));
    await renderPage();
    const toggle = screen.getByRole('checkbox', { name: 'Send a preview link to translators' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    save();
    await waitFor(() => expect(putBodies()).toEqual([{ previewLinks: true }]));
  });

  it('sends only the fields that changed, and nothing before a change', async () => {
    serve();
    fakeAdmin.on('PUT', '/gengo/settings', (req) => ({ data: settingsAnswer(req.body) }));
    await renderPage();
    const button = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);

    fireEvent.change(screen.getByLabelText('Public URL of this site'), {
      target: { value: 'https://cms.example.com' },
    });
    fireEvent.change(screen.getByLabelText('Public key'), { target: { value: 'pub-456' } });
    fireEvent.change(screen.getByLabelText('Public key'), { target: { value: 'pub-123' } }); // back to the saved value
    save();
    await waitFor(() => expect(putBodies()).toEqual([{ publicUrl: 'https://cms.example.com' }]));
    await waitFor(() => expect(fakeAdmin.notifications()).toEqual([{ type: 'success', message: 'Settings saved' }]));
    expect(button.disabled).toBe(true);
  });

  it('the setup checklist asks again after Save and after a connection test, without "Check again"', async () => {
    serve(settingsAnswer({ publicKey: '', privateKeySet: false }));
    const health = (keys: { ok: boolean; message: string }) => ({
      data: { plugin: 'gengo', ok: keys.ok, checks: [{ id: 'keys', ...keys, fix: keys.ok ? null : 'Set the keys.' }] },
    });
    fakeAdmin.on('GET', '/gengo/health', health({ ok: false, message: 'The Gengo API keys are not set.' }));
    fakeAdmin.on('PUT', '/gengo/settings', (req) => ({ data: settingsAnswer(req.body) }));
    await renderPage();
    const keys = () => screen.getByTestId('setup-check-keys');
    await waitFor(() => expect(within(keys()).getByText('The Gengo API keys are not set.')).toBeTruthy());

    fakeAdmin.on('GET', '/gengo/health', health({ ok: true, message: 'The Gengo API keys are set.' }));
    fireEvent.change(screen.getByLabelText('Public key'), { target: { value: 'pub-123' } });
    fireEvent.change(screen.getByLabelText('Private key'), { target: { value: 'secret' } });
    save();
    await waitFor(() => expect(within(keys()).getByText('The Gengo API keys are set.')).toBeTruthy());
    expect(keys().getAttribute('data-ok')).toBe('true');
    expect(fakeAdmin.requests('GET', '/gengo/health')).toHaveLength(2);

    fakeAdmin.on('GET', '/gengo/health', health({ ok: true, message: 'Gengo accepts the keys.' }));
    fakeAdmin.on('POST', '/gengo/settings/test-connection', {
      data: { ok: true, environment: 'sandbox', baseUrl: 'http://x', balance: { credits: 10, currency: 'USD' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(within(keys()).getByText('Gengo accepts the keys.')).toBeTruthy());
    expect(fakeAdmin.requests('GET', '/gengo/health')).toHaveLength(3);
  });

  it('never shows the private key: says one is set, and sends a new one only when typed', async () => {
    serve();
    fakeAdmin.on('PUT', '/gengo/settings', () => ({ data: settingsAnswer() }));
    await renderPage();
    expect(screen.getByText('A private key is set. Type a new one to replace it.')).toBeTruthy();
    const input = screen.getByLabelText('Private key') as HTMLInputElement;
    expect(input.type).toBe('password');
    expect(input.value).toBe('');

    fireEvent.change(input, { target: { value: 'new-secret-key' } });
    save();
    await waitFor(() => expect(putBodies()).toEqual([{ privateKey: 'new-secret-key' }]));
    await waitFor(() => expect((screen.getByLabelText('Private key') as HTMLInputElement).value).toBe(''));
    expect(document.body.innerHTML).not.toContain('new-secret-key');
  });

  it("shows the server's validation error on its field, naming the field by its label", async () => {
    serve();
    fakeAdmin.on('PUT', '/gengo/settings', () => {
      throw fakeAdmin.validationError('1 error occurred', [[['publicUrl'], 'publicUrl must be an http(s) URL']]);
    });
    await renderPage();
    fireEvent.change(screen.getByLabelText('Public URL of this site'), { target: { value: 'ftp://nope' } });
    save();
    const message = await screen.findByText('"Public URL of this site" must be an http(s) URL');
    expect(screen.getByLabelText('Public URL of this site').getAttribute('aria-describedby')).toContain(message.id);
    expect(fakeAdmin.notifications()).toEqual([{ type: 'danger', message: 'Some settings are not valid' }]);
  });

  it('without settings.update: no Save, every input read-only', async () => {
    fakeAdmin.reset();
    fakeAdmin.grant('settings.read');
    serve();
    await renderPage();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save rules' })).toBeNull();
    expect((screen.getByLabelText('Public key') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Gengo code for pt-BR') as HTMLInputElement).disabled).toBe(true);
  });

  it('shows the callback URL Gengo is given, read from its route, once a public URL is set', async () => {
    const url = 'https://cms.example.com/api/gengo/callback/secret-token';
    serve(settingsAnswer({ publicUrl: 'https://cms.example.com' }));
    fakeAdmin.on('GET', '/gengo/settings/callback-url', { data: { callbackUrl: url, tokenRecreatedAt: null } });
    await renderPage();
    expect(await screen.findByText(`Callback URL given to Gengo: ${url}`)).toBeTruthy();
    expect(screen.queryByTestId('callback-token-recreated')).toBeNull();
  });

  it('says when the callback URL is new because its token could not be decrypted', async () => {
    const url = 'https://cms.example.com/api/gengo/callback/new-token';
    serve(settingsAnswer({ publicUrl: 'https://cms.example.com' }));
    fakeAdmin.on('GET', '/gengo/settings/callback-url', {
      data: { callbackUrl: url, tokenRecreatedAt: '2026-12-02T10:00:00.000Z' },
    });
    await renderPage();
    expect(await screen.findByText(`Callback URL given to Gengo: ${url}`)).toBeTruthy();
    expect((await screen.findByTestId('callback-token-recreated')).textContent).toMatch(
      /token could not be decrypted \(ENCRYPTION_KEY changed\)/
    );
  });

  it('no public URL: no callback URL line, and its route is not asked', async () => {
    serve(settingsAnswer({ publicUrl: null }));
    await renderPage();
    expect(screen.queryByText(/Callback URL given to Gengo/)).toBeNull();
    expect(fakeAdmin.requests('GET', '/gengo/settings/callback-url')).toHaveLength(0);
  });

  it('a settings answer that fails shows the error page', async () => {
    fakeAdmin.on('GET', '/gengo/settings', () => {
      throw new FakeFetchError(500, { error: { message: 'Internal Server Error' } });
    });
    renderInAdmin(<SettingsPage />);
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});

describe('locale mapping table', () => {
  const row = (code: string) => within(screen.getByTestId(`locale-map-${code}`));
  const offer = (code: string) => row(code).getByText((_, el) => el?.hasAttribute('data-offer') ?? false);

  it('lists each locale with its built-in code and whether Gengo offers it from the source', async () => {
    serve();
    await renderPage();
    expect(row('en').getByText('English (en)')).toBeTruthy();
    expect(row('fr').getByText('French (fr)')).toBeTruthy();
    expect(offer('en').getAttribute('data-offer')).toBe('source');
    expect(row('pt-BR').getByText('pt-br')).toBeTruthy();
    expect(offer('pt-BR').textContent).toBe('pt-br: Offered');
    expect((row('pt-BR').getByLabelText('Gengo code for pt-BR') as HTMLInputElement).placeholder).toBe('pt-br');
  });

  it('an override updates the offer as it is typed, and Save sends the map', async () => {
    serve();
    fakeAdmin.on('PUT', '/gengo/settings', (req) => ({ data: settingsAnswer(req.body) }));
    await renderPage();
    fireEvent.change(row('pt-BR').getByLabelText('Gengo code for pt-BR'), { target: { value: 'pt' } });
    expect(offer('pt-BR').textContent).toBe('pt: Not offered');
    fireEvent.change(row('fr').getByLabelText('Gengo code for fr'), { target: { value: 'ja' } });
    expect(offer('fr').textContent).toBe('ja: Offered');
    fireEvent.change(row('fr').getByLabelText('Gengo code for fr'), { target: { value: '' } });
    expect(offer('fr').textContent).toBe('fr: Offered');
    save();
    await waitFor(() => expect(putBodies()).toEqual([{ localeMap: { 'pt-BR': 'pt' } }]));
    // Saved: the languages are read again and the input keeps the override.
    await waitFor(() => expect(fakeAdmin.requests('GET', '/gengo/settings/languages')).toHaveLength(2));
    expect((row('pt-BR').getByLabelText('Gengo code for pt-BR') as HTMLInputElement).value).toBe('pt');
  });

  it("shows the server's error on the locale's row", async () => {
    serve();
    fakeAdmin.on('PUT', '/gengo/settings', () => {
      throw fakeAdmin.validationError('bad', [[['localeMap', 'pt-BR'], '"p t" is not a Gengo language code']]);
    });
    await renderPage();
    fireEvent.change(row('pt-BR').getByLabelText('Gengo code for pt-BR'), { target: { value: 'p t' } });
    save();
    expect(await row('pt-BR').findByText('"p t" is not a Gengo language code')).toBeTruthy();
    expect(row('fr').queryByText('"p t" is not a Gengo language code')).toBeNull();
  });

  it('fixed by env: read-only, with its source', async () => {
    serve(
      settingsAnswer({
        localeMap: { 'pt-BR': 'pt' },
        fixed: { localeMap: { source: 'env', name: 'GENGO_LOCALE_MAP' } },
      })
    );
    await renderPage();
    expect(screen.getByTestId('locale-map-fixed').textContent).toBe('Set by the environment variable GENGO_LOCALE_MAP');
    const input = row('pt-BR').getByLabelText('Gengo code for pt-BR') as HTMLInputElement;
    expect([input.value, input.disabled]).toEqual(['pt', true]);
  });

  it('Gengo unreachable: the locales still show, offers unknown, with the reason', async () => {
    serve(settingsAnswer(), languagesAnswer({ languages: null, pairs: null, error: 'connect ECONNREFUSED' }));
    await renderPage();
    expect(screen.getByTestId('locale-map-gengo-error').textContent).toBe(
      'What Gengo offers could not be checked: connect ECONNREFUSED'
    );
    expect(offer('fr').textContent).toBe('fr: Unknown');
  });

  it('the languages route failing shows an error in place of the table', async () => {
    serve();
    fakeAdmin.on('GET', '/gengo/settings/languages', () => {
      throw new FakeFetchError(403, { error: { message: 'Forbidden' } });
    });
    renderInAdmin(<SettingsPage />);
    expect((await screen.findByTestId('locale-map-error')).textContent).toBe(
      'The locales could not be loaded: Forbidden'
    );
  });
});

describe('translate-on-publish rules', () => {
  const ARTICLE = 'api::article.article';
  const HOMEPAGE = 'api::homepage.homepage';
  const card = (uid: string) => within(screen.getByTestId(`rule-${uid}`));
  const serveRules = (rules = [configRule]) => {
    fakeAdmin.on('GET', '/gengo/publish-rules', { data: { rules } });
    fakeAdmin.on('GET', '/content-manager/content-types', { data: CONTENT_TYPES });
    fakeAdmin.on('GET', '/i18n/locales', LOCALES);
  };
  const renderRules = async (canUpdate = true) => {
    renderInAdmin(<PublishRulesEditor canUpdate={canUpdate} />);
    await screen.findByTestId(`rule-${ARTICLE}`);
  };
  const saveRules = () => fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
  const rulesPuts = () => fakeAdmin.requests('PUT', '/gengo/publish-rules').map((r) => r.body);

  it('one rule per localized content type; a config rule read-only with its source', async () => {
    serveRules();
    await renderRules();
    expect(screen.getAllByTestId(/^rule-/).map((el) => el.getAttribute('data-testid'))).toEqual([
      `rule-${ARTICLE}`,
      `rule-${HOMEPAGE}`,
    ]);
    const home = card(HOMEPAGE);
    expect(home.getByText(`Set by config/plugins.ts: gengo.config.publishRules["${HOMEPAGE}"]`)).toBeTruthy();
    expect(home.getByRole('checkbox', { name: 'French (fr)' }).getAttribute('aria-checked')).toBe('true');
    expect(home.getByRole('checkbox', { name: 'French (fr)' }).hasAttribute('disabled')).toBe(true);
    expect((home.getByLabelText('Comment for the translators') as HTMLTextAreaElement).disabled).toBe(true);
    // The source (default) locale is not a target.
    expect(card(ARTICLE).queryByRole('checkbox', { name: 'English (en)' })).toBeNull();
    expect((card(ARTICLE).getByLabelText('Comment for the translators') as HTMLTextAreaElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: 'Save rules' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves what was edited, never the config rule', async () => {
    const user = userEvent.setup();
    serveRules();
    fakeAdmin.on('PUT', '/gengo/publish-rules', (req) => ({
      data: { rules: [...req.body.rules.map((r: any) => ({ ...r, fixed: false })), configRule] },
    }));
    await renderRules();
    const article = card(ARTICLE);
    fireEvent.click(article.getByRole('checkbox', { name: 'Translate on publish' }));
    fireEvent.click(article.getByRole('checkbox', { name: 'Portuguese (Brazil) (pt-BR)' }));
    fireEvent.click(article.getByRole('checkbox', { name: 'French (fr)' }));
    await user.click(article.getByRole('combobox', { name: 'Tier' }));
    await user.click(await screen.findByRole('option', { name: 'Pro' }));
    fireEvent.change(article.getByLabelText('Comment for the translators'), { target: { value: 'Keep it short' } });
    saveRules();
    await waitFor(() =>
      expect(rulesPuts()).toEqual([
        {
          rules: [
            {
              contentType: ARTICLE,
              enabled: true,
              locales: ['pt-BR', 'fr'],
              tier: 'pro',
              autoApprove: null,
              comment: 'Keep it short',
              sourceLocale: null,
              triggers: ['admin'],
            },
          ],
        },
      ])
    );
    await waitFor(() =>
      expect(fakeAdmin.notifications()).toEqual([{ type: 'success', message: 'Translate-on-publish rules saved' }])
    );
    expect((screen.getByRole('button', { name: 'Save rules' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows the server's error on the rule's field", async () => {
    serveRules([{ ...configRule, contentType: ARTICLE, fixed: false, locales: ['fr'] }]);
    fakeAdmin.on('PUT', '/gengo/publish-rules', () => {
      throw fakeAdmin.validationError('bad', [[['rules', '0', 'locales'], 'Locale "fr" does not exist']]);
    });
    await renderRules();
    fireEvent.change(card(ARTICLE).getByLabelText('Comment for the translators'), { target: { value: 'x' } });
    saveRules();
    expect(await card(ARTICLE).findByText('Locale "fr" does not exist')).toBeTruthy();
    expect(card(HOMEPAGE).queryByText('Locale "fr" does not exist')).toBeNull();
    expect(fakeAdmin.notifications()).toEqual([{ type: 'danger', message: 'Some rules are not valid' }]);
  });

  it('without settings.update: read-only, no Save rules', async () => {
    serveRules();
    await renderRules(false);
    expect(screen.queryByRole('button', { name: 'Save rules' })).toBeNull();
    expect(card(ARTICLE).getByRole('checkbox', { name: 'French (fr)' }).hasAttribute('disabled')).toBe(true);
  });

  it('rules that cannot be loaded: an error, no editor', async () => {
    serveRules();
    fakeAdmin.on('GET', '/gengo/publish-rules', () => {
      throw new FakeFetchError(500, { error: { message: 'Internal Server Error' } });
    });
    renderInAdmin(<PublishRulesEditor canUpdate />);
    expect((await screen.findByTestId('rules-error')).textContent).toBe(
      'The rules could not be loaded: Internal Server Error'
    );
    expect(screen.queryByRole('button', { name: 'Save rules' })).toBeNull();
  });
});
