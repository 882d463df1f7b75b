import { ACTIONS } from '../constants';
import { adminPolicies } from './policies';

/**
 * `/jobs/:id…` routes of the review controller: the plugin's action, then the content manager's
 * rights on the job's entry (policies/job-access.ts).
 */
const jobRoutes = (list: Array<[method: string, suffix: string, handler: string, action: string]>) =>
  list.map(([method, suffix, handler, action]) => ({
    method,
    path: `/jobs/:id${suffix}`,
    handler: `review.${handler}`,
    config: {
      policies: [
        ...adminPolicies(action),
        {
          name: 'plugin::gengo.job-access',
          config: { action: action === ACTIONS.review ? 'review' : 'read', publishes: handler === 'approve' },
        },
      ],
    },
  }));

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: 'health.index',
      // The setup checklist tells how the site is configured: the settings' readers only.
      config: { policies: adminPolicies(ACTIONS.settingsRead) },
    },
    {
      method: 'GET',
      path: '/settings',
      handler: 'settings.find',
      config: { policies: adminPolicies(ACTIONS.settingsRead) },
    },
    {
      method: 'PUT',
      path: '/settings',
      handler: 'settings.update',
      config: { policies: adminPolicies(ACTIONS.settingsUpdate) },
    },
    // Translation memory (issue 22): what each language pair holds; clearing one is a settings change.
    {
      method: 'GET',
      path: '/memory',
      handler: 'memory.list',
      config: { policies: adminPolicies(ACTIONS.settingsRead) },
    },
    {
      method: 'DELETE',
      path: '/memory',
      handler: 'memory.clear',
      config: { policies: adminPolicies(ACTIONS.settingsUpdate) },
    },
    // Translate on publish (issue #6).
    {
      method: 'GET',
      path: '/publish-rules',
      handler: 'publishRules.find',
      config: { policies: adminPolicies(ACTIONS.settingsRead) },
    },
    {
      method: 'PUT',
      path: '/publish-rules',
      handler: 'publishRules.update',
      config: { policies: adminPolicies(ACTIONS.settingsUpdate) },
    },
    {
      method: 'GET',
      path: '/settings/languages',
      handler: 'settings.languages',
      config: { policies: adminPolicies(ACTIONS.settingsRead) },
    },
    {
      method: 'POST',
      path: '/settings/test-connection',
      handler: 'settings.testConnection',
      config: { policies: adminPolicies(ACTIONS.settingsRead) },
    },
    // Ordering side (issue #5): quote and order, the orders' read routes.
    { method: 'POST', path: '/quote', handler: 'orders.quote', config: { policies: adminPolicies(ACTIONS.order) } },
    {
      method: 'GET',
      path: '/order-options',
      handler: 'orders.options',
      config: { policies: adminPolicies(ACTIONS.order) },
    },
    { method: 'POST', path: '/orders', handler: 'orders.create', config: { policies: adminPolicies(ACTIONS.order) } },
    { method: 'GET', path: '/orders', handler: 'orders.find', config: { policies: adminPolicies(ACTIONS.read) } },
    {
      method: 'GET',
      path: '/orders/:id',
      handler: 'orders.findOne',
      config: { policies: adminPolicies(ACTIONS.read) },
    },
    // A conflict (a person's text where a translation lands) resolved per field: keep or take.
    {
      method: 'POST',
      path: '/orders/:id/resolve',
      handler: 'review.resolve',
      config: { policies: adminPolicies(ACTIONS.review) },
    },
    // An entry's translation into one locale, field by field; a field approved or revised as a whole.
    { method: 'GET', path: '/review', handler: 'review.entry', config: { policies: adminPolicies(ACTIONS.read) } },
    {
      method: 'POST',
      path: '/orders/:id/approve',
      handler: 'review.approveFields',
      config: { policies: adminPolicies(ACTIONS.review) },
    },
    {
      method: 'POST',
      path: '/orders/:id/revise',
      handler: 'review.reviseFields',
      config: { policies: adminPolicies(ACTIONS.review) },
    },
    // Balance and credits spent: money, so only for those who may spend it.
    { method: 'GET', path: '/account', handler: 'account.find', config: { policies: adminPolicies(ACTIONS.order) } },
    {
      method: 'GET',
      path: '/document-status',
      handler: 'orders.documentStatus',
      config: { policies: adminPolicies(ACTIONS.read) },
    },
    {
      method: 'GET',
      path: '/document-statuses',
      handler: 'orders.documentStatuses',
      config: { policies: adminPolicies(ACTIONS.read) },
    },
    // Bulk orders (issue #6): a list-view selection priced, then ordered by a server-side batch.
    { method: 'POST', path: '/bulk/quote', handler: 'bulk.quote', config: { policies: adminPolicies(ACTIONS.order) } },
    { method: 'POST', path: '/bulk', handler: 'bulk.create', config: { policies: adminPolicies(ACTIONS.order) } },
    { method: 'GET', path: '/bulk', handler: 'bulk.find', config: { policies: adminPolicies(ACTIONS.read) } },
    { method: 'GET', path: '/bulk/:id', handler: 'bulk.findOne', config: { policies: adminPolicies(ACTIONS.read) } },
    {
      method: 'POST',
      path: '/bulk/:id/cancel',
      handler: 'bulk.cancel',
      config: { policies: adminPolicies(ACTIONS.order) },
    },
    // Review of one of our jobs (:id = our job id or documentId).
    ...jobRoutes([
      ['GET', '', 'findOne', ACTIONS.read],
      ['POST', '/approve', 'approve', ACTIONS.review],
      ['POST', '/revise', 'revise', ACTIONS.review],
      ['POST', '/reject', 'reject', ACTIONS.review],
      ['GET', '/captcha', 'captcha', ACTIONS.review],
      ['POST', '/cancel', 'cancel', ACTIONS.review],
      ['GET', '/comments', 'comments', ACTIONS.read],
      ['POST', '/comments', 'postComment', ACTIONS.review],
      ['GET', '/revisions', 'revisions', ACTIONS.read],
      ['GET', '/revisions/:revId', 'revision', ACTIONS.read],
      ['GET', '/feedback', 'feedback', ACTIONS.read],
      ['GET', '/machine-preview', 'machinePreview', ACTIONS.read],
    ]),
    // Receiving side (issue #5): check now, the callback URL and its token.
    {
      method: 'POST',
      path: '/reconcile',
      handler: 'reconcile.run',
      config: { policies: adminPolicies(ACTIONS.order) },
    },
    {
      method: 'GET',
      path: '/settings/callback-url',
      handler: 'reconcile.callbackUrl',
      config: { policies: adminPolicies(ACTIONS.settingsRead) },
    },
    {
      method: 'POST',
      path: '/settings/rotate-callback-token',
      handler: 'reconcile.rotateCallbackToken',
      config: { policies: adminPolicies(ACTIONS.settingsUpdate) },
    },
  ],
};
