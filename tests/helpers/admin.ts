import crypto from 'crypto';
import type { TestStrapi } from './strapi';

export type AdminSession = { user: any; token: string; email: string; password: string };

const createUser = async (app: TestStrapi, roleId: number | string, label: string) => {
  const email = `${label}-${crypto.randomBytes(4).toString('hex')}@test.local`;
  const password = `Pw-${crypto.randomBytes(8).toString('hex')}`;
  const user = await app.strapi.service('admin::user').create({
    email,
    password,
    firstname: label,
    lastname: 'Test',
    isActive: true,
    registrationToken: null,
    roles: [roleId],
  });
  return { user, email, password };
};

/** Logs in through the real admin login route, so the token is exactly what the admin app gets. */
export const loginAdmin = async (app: TestStrapi, email: string, password: string): Promise<string> => {
  const res = await app.http.post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token ?? res.body.data.accessToken;
};

/** A super admin, who holds every action, the plugin's included. */
export const createSuperAdmin = async (app: TestStrapi): Promise<AdminSession> => {
  const role = await app.strapi.service('admin::role').getSuperAdmin();
  const { user, email, password } = await createUser(app, role.id, 'super');
  return { user, email, password, token: await loginAdmin(app, email, password) };
};

export type Grant = string | { action: string; subject: string; properties?: Record<string, unknown> };

/**
 * An admin whose role holds only `actions` (e.g. `['plugin::gengo.read']`, or `{ action, subject }`
 * for a content type's permission), or nothing at all:
 * for the 403 matrix of the plugin's routes.
 */
export const createRestrictedAdmin = async (app: TestStrapi, actions: Grant[] = []): Promise<AdminSession> => {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({
    name: `restricted-${crypto.randomBytes(4).toString('hex')}`,
    description: 'test role',
  });
  if (actions.length) {
    await roles.assignPermissions(
      role.id,
      actions.map((g) =>
        typeof g === 'string'
          ? { action: g, subject: null, properties: {}, conditions: [] }
          : { action: g.action, subject: g.subject, properties: g.properties ?? {}, conditions: [] }
      )
    );
  }
  const { user, email, password } = await createUser(app, role.id, 'restricted');
  return { user, email, password, token: await loginAdmin(app, email, password) };
};

/** A full-access content-API token. */
export const createApiToken = async (app: TestStrapi): Promise<string> => {
  const token = await app.strapi.service('admin::api-token').create({
    name: `test-${crypto.randomBytes(4).toString('hex')}`,
    description: 'test',
    type: 'full-access',
    lifespan: null,
  });
  return token.accessKey;
};
