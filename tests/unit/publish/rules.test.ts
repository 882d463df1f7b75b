import config from '../../../server/src/config';
import { mergeRules, normalizeRule, readConfigRules } from '../../../server/src/publishing/rules';
import { publishEventOf, publishesLocale } from '../../../server/src/publishing/trigger';

describe('publish rules', () => {
  it('normalizes: on by default, unique locales, nulls for defaults, trimmed comment', () => {
    expect(normalizeRule('api::a.a', { locales: ['fr', 'fr', 'de'], comment: '  hi ' })).toEqual({
      contentType: 'api::a.a',
      enabled: true,
      locales: ['fr', 'de'],
      tier: null,
      autoApprove: null,
      comment: 'hi',
      sourceLocale: null,
      triggers: ['admin'],
    });
    // Content-API writes only where a rule opts in; an unknown trigger is dropped, the order is fixed.
    expect(normalizeRule('api::a.a', { locales: ['fr'], triggers: ['api', 'admin'] }).triggers).toEqual([
      'admin',
      'api',
    ]);
  });

  it('config rules win per content type and are fixed', () => {
    const stored = [normalizeRule('api::a.a', { locales: ['fr'] }), normalizeRule('api::b.b', { locales: ['de'] })];
    const merged = mergeRules(stored, [normalizeRule('api::b.b', { locales: ['ja'], tier: 'pro' })]);
    expect(merged.map((r) => [r.contentType, r.locales, r.fixed])).toEqual([
      ['api::a.a', ['fr'], false],
      ['api::b.b', ['ja'], true],
    ]);
  });

  it('reads config rules and reports each problem', () => {
    expect(readConfigRules(undefined)).toEqual({ rules: [], problems: [] });
    expect(readConfigRules([]).problems).toEqual([
      'gengo.config.publishRules must be an object keyed by content type uid',
    ]);
    const { rules, problems } = readConfigRules({
      'api::ok.ok': { locales: ['fr'], tier: 'pro', autoApprove: true, comment: 'x', enabled: false },
      'api::bad.bad': { locales: 'fr', tier: 'ultra', autoApprove: 'yes', extra: 1 },
      'api::worse.worse': 3,
    });
    expect(rules.map((r) => r.contentType)).toEqual(['api::ok.ok']);
    expect(rules[0]).toEqual(expect.objectContaining({ enabled: false, tier: 'pro', autoApprove: true }));
    expect(problems).toEqual([
      'gengo.config.publishRules["api::bad.bad"] has unknown field(s): extra',
      'gengo.config.publishRules["api::bad.bad"].locales must be a list of locale codes',
      'gengo.config.publishRules["api::bad.bad"].tier must be one of standard, pro',
      'gengo.config.publishRules["api::bad.bad"].autoApprove must be true or false',
      'gengo.config.publishRules["api::worse.worse"] must be an object',
    ]);
  });

  it('the plugin config validator refuses bad rules and accepts good ones', () => {
    expect(() => config.validator({ publishRules: { 'api::a.a': { locales: ['fr'] } } })).not.toThrow();
    expect(() => config.validator({ publishRules: { 'api::a.a': { locales: ['fr'], tier: 'x' } } })).toThrow(
      /publishRules.*tier/
    );
  });
});

describe('what a Document Service action publishes', () => {
  const uid = 'api::article.article';
  it.each([
    [
      { uid, action: 'publish', params: { documentId: 'd1', locale: 'en' } },
      null,
      { uid, documentId: 'd1', locale: 'en' },
    ],
    [
      { uid, action: 'create', params: { status: 'published', locale: 'en' } },
      { documentId: 'd2' },
      { uid, documentId: 'd2', locale: 'en' },
    ],
    [
      { uid, action: 'update', params: { documentId: 'd3', status: 'published' } },
      { documentId: 'd3' },
      { uid, documentId: 'd3', locale: undefined },
    ],
    [{ uid, action: 'update', params: { documentId: 'd3', locale: 'en' } }, { documentId: 'd3' }, null],
    [{ uid, action: 'create', params: { status: 'draft' } }, { documentId: 'd4' }, null],
    [{ uid, action: 'unpublish', params: { documentId: 'd5' } }, null, null],
    [{ uid: 'plugin::gengo.order', action: 'publish', params: { documentId: 'd6' } }, null, null],
    [{ uid, action: 'publish', params: {} }, null, null],
  ])('%j → %j', (ctx, result, expected) => {
    expect(publishEventOf(ctx as any, result)).toEqual(expected);
  });

  it.each([
    [undefined, 'en', 'en', true],
    [undefined, 'fr', 'en', false],
    ['*', 'fr', 'en', true],
    [['en', 'de'], 'en', 'en', true],
    ['fr', 'en', 'en', false],
    ['en', 'en', 'en', true],
  ])('locale %j publishes source %s (default %s): %s', (locale, source, def, expected) => {
    expect(publishesLocale(locale, source, def)).toBe(expected);
  });
});
