import routes from '../../server/src/routes';
import { ACTIONS } from '../../server/src/constants';

const KNOWN_ACTIONS = new Set<string>(Object.values(ACTIONS));

describe('every route says who may call it', () => {
  const admin = routes.admin.routes as any[];
  const contentApi = routes['content-api'].routes as any[];

  it('has admin routes', () => {
    expect(admin.length).toBeGreaterThan(20);
  });

  it.each(admin.map((r) => [`${r.method} ${r.path}`, r]))(
    '%s needs an authenticated admin holding a plugin action',
    (_name, route) => {
      const policies = route.config?.policies ?? [];
      expect(policies).toContain('admin::isAuthenticatedAdmin');
      const rbac = policies.find((p: any) => p?.name === 'admin::hasPermissions');
      expect(rbac?.config?.actions?.length).toBeGreaterThan(0);
      for (const action of rbac.config.actions) expect(KNOWN_ACTIONS.has(action)).toBe(true);
    }
  );

  it('exposes only the callback publicly, behind its token check', () => {
    expect(contentApi).toHaveLength(1);
    const [callback] = contentApi;
    expect(callback).toMatchObject({ method: 'POST', path: '/callback/:token' });
    expect(callback.config.auth).toBe(false);
    expect(callback.config.middlewares).toEqual(['plugin::gengo.verify-callback']);
  });

  it('lets only settings.update change settings, rules or the callback token', () => {
    const writes = admin.filter((r) => r.method !== 'GET' && /^\/(settings|publish-rules)/.test(r.path));
    expect(writes.length).toBeGreaterThan(0);
    for (const route of writes) {
      const rbac = route.config.policies.find((p: any) => p?.name === 'admin::hasPermissions');
      const needsUpdate = route.path !== '/settings/test-connection';
      if (needsUpdate) expect(rbac.config.actions).toEqual([ACTIONS.settingsUpdate]);
    }
  });
});
