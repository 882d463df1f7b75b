import type { PublicSettings, LocaleLanguages } from '../../admin/src/api/settings';
import type { EffectiveRule, ContentTypeInfo } from '../../admin/src/api/publish-rules';
import type { LocaleQuote, OrderView } from '../../admin/src/api/orders';

/** What the settings routes answer in the component tests (shapes of admin/src/api). */
export const settingsAnswer = (patch: Partial<PublicSettings> = {}): PublicSettings => ({
  publicKey: 'pub-123',
  environment: 'sandbox',
  apiUrl: null,
  defaultTier: 'standard',
  autoApprove: false,
  previewLinks: false,
  publicUrl: null,
  pollIntervalMinutes: 30,
  budgetPerOrder: null,
  budgetPerMonth: null,
  localeMap: {},
  privateKeySet: true,
  privateKeyEncrypted: true,
  baseUrl: 'https://api.sandbox.gengo.com/v2/',
  fixed: {},
  ...patch,
});

/** An order as the ordering routes answer it (shared/contracts/orders). */
export const orderAnswer = (patch: Partial<OrderView> = {}): OrderView => ({
  id: 1,
  documentId: 'order-doc-1',
  requestKey: 'req-1',
  reference: 'ref-1',
  contentType: 'api::article.article',
  targetDocumentId: 'doc-abc',
  sourceLocale: 'en',
  targetLocale: 'fr',
  lcSrc: 'en',
  lcTgt: 'fr',
  tier: 'standard',
  status: 'placed',
  gengoOrderId: '1001',
  credits: 5,
  currency: 'USD',
  options: null,
  segments: [],
  orderedById: 1,
  orderedByName: 'Ada Admin',
  lastError: null,
  history: null,
  submittedAt: '2026-12-01T10:00:00.000Z',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...patch,
});

/** One target locale of a quote (shared/contracts/orders). */
export const localeQuote = (patch: Partial<LocaleQuote> = {}): LocaleQuote => ({
  locale: 'fr',
  lcSrc: 'en',
  lcTgt: 'fr',
  tier: 'standard',
  segments: [],
  jobs: 2,
  units: 120,
  credits: 6,
  currency: 'USD',
  eta: 7000,
  ...patch,
});

export const LOCALES = [
  { code: 'en', name: 'English (en)', isDefault: true },
  { code: 'fr', name: 'French (fr)', isDefault: false },
  { code: 'pt-BR', name: 'Portuguese (Brazil) (pt-BR)', isDefault: false },
];

export const languagesAnswer = (patch: Partial<LocaleLanguages> = {}): LocaleLanguages => ({
  locales: [
    { code: 'en', name: 'English (en)', isDefault: true, defaultLc: 'en' },
    { code: 'fr', name: 'French', isDefault: false, defaultLc: 'fr' },
    { code: 'pt-BR', name: 'Portuguese (Brazil) (pt-BR)', isDefault: false, defaultLc: 'pt-br' },
  ],
  languages: [
    { lc: 'en', name: 'English' },
    { lc: 'fr', name: 'French' },
    { lc: 'pt', name: 'Portuguese (Europe)' },
    { lc: 'pt-br', name: 'Portuguese (Brazil)' },
    { lc: 'ja', name: 'Japanese' },
  ],
  // Gengo offers en→pt-br but not en→pt here, to tell the two apart.
  pairs: [
    { lcSrc: 'en', lcTgt: 'fr', tiers: ['standard', 'pro'] },
    { lcSrc: 'en', lcTgt: 'pt-br', tiers: ['standard', 'pro'] },
    { lcSrc: 'en', lcTgt: 'ja', tiers: ['standard', 'pro'] },
  ],
  error: null,
  ...patch,
});

export const CONTENT_TYPES: ContentTypeInfo[] = [
  { uid: 'api::article.article', info: { displayName: 'Article' }, pluginOptions: { i18n: { localized: true } } },
  { uid: 'api::homepage.homepage', info: { displayName: 'Homepage' }, pluginOptions: { i18n: { localized: true } } },
  { uid: 'api::category.category', info: { displayName: 'Category' }, pluginOptions: {} },
  {
    uid: 'plugin::users-permissions.user',
    info: { displayName: 'User' },
    pluginOptions: { i18n: { localized: true } },
  },
];

export const configRule: EffectiveRule = {
  contentType: 'api::homepage.homepage',
  enabled: true,
  locales: ['fr'],
  tier: 'pro',
  autoApprove: true,
  comment: 'Brand voice',
  sourceLocale: null,
  triggers: ['admin'],
  fixed: true,
};
