/**
 * Stands in for `@strapi/strapi/admin` in the component tests (jest.config.js maps the import here):
 * the real module boots the whole admin app. It offers what the plugin's components use — the
 * fetch client, notifications, RBAC, the page and layout shells — backed by `fakeAdmin`, which a
 * test fills with route answers and permissions and reads back for the requests made.
 */
import * as React from 'react';

export type FakeRequest = { method: string; url: string; params?: Record<string, unknown>; body?: any };
type Answer = (req: FakeRequest) => unknown;

/** Thrown like the admin's FetchError: `response.data` holds Strapi's error body. */
export class FakeFetchError extends Error {
  response: { status: number; data: unknown };
  constructor(status: number, data: { error: { message: string; name?: string; details?: unknown } }) {
    super(data.error.message);
    this.response = { status, data };
  }
}

const state = {
  routes: new Map<string, Answer>(),
  requests: [] as FakeRequest[],
  granted: new Set<string>(),
  notifications: [] as Array<{ type: string; message: string }>,
};

export const fakeAdmin = {
  reset() {
    state.routes.clear();
    state.requests.length = 0;
    state.granted.clear();
    state.notifications.length = 0;
  },
  /** Answers `method url` with the body `answer` returns (throw a FakeFetchError for an HTTP error). */
  on(method: string, url: string, answer: Answer | object) {
    state.routes.set(`${method} ${url}`, typeof answer === 'function' ? (answer as Answer) : () => answer);
  },
  /** A 400 with Strapi's ValidationError shape, one error per `[path, message]`. */
  validationError(message: string, fields: Array<[string[], string]> = []) {
    return new FakeFetchError(400, {
      error: {
        name: 'ValidationError',
        message,
        details: { errors: fields.map(([path, msg]) => ({ path, message: msg })) },
      },
    });
  },
  /** Grants plugin actions by their short name: `order`, `settings.update`… */
  grant(...actions: string[]) {
    for (const a of actions) state.granted.add(`plugin::gengo.${a}`);
  },
  requests: (method?: string, url?: string) =>
    state.requests.filter((r) => (!method || r.method === method) && (!url || r.url === url)),
  notifications: () => state.notifications,
};

const call = async (req: FakeRequest) => {
  state.requests.push(req);
  const answer = state.routes.get(`${req.method} ${req.url}`);
  if (!answer) throw new FakeFetchError(404, { error: { message: `No fake route for ${req.method} ${req.url}` } });
  await Promise.resolve();
  return { data: answer(req) as any };
};

export const useFetchClient = () =>
  React.useMemo(
    () => ({
      get: <T,>(url: string, options?: { params?: Record<string, unknown> }) =>
        call({ method: 'GET', url, params: options?.params }) as Promise<{ data: T }>,
      post: <T,>(url: string, body?: unknown) => call({ method: 'POST', url, body }) as Promise<{ data: T }>,
      put: <T,>(url: string, body?: unknown) => call({ method: 'PUT', url, body }) as Promise<{ data: T }>,
      del: <T,>(url: string) => call({ method: 'DELETE', url }) as Promise<{ data: T }>,
    }),
    []
  );

export const useNotification = () => ({
  toggleNotification: (n: { type: string; message: string }) => state.notifications.push(n),
});

/** Like the admin's: `plugin::gengo.settings.update` → `canUpdate`. */
export const useRBAC = (permissions: Array<{ action: string }>) => {
  const allowedActions = Object.fromEntries(
    permissions.map((p) => {
      const name = p.action.split('.').pop()!;
      return [`can${name[0].toUpperCase()}${name.slice(1)}`, state.granted.has(p.action)];
    })
  );
  return { allowedActions, isLoading: false, permissions: [] };
};

export const Page = {
  Protect: ({ children }: { children: React.ReactNode }) => <>{children}</>,
  Main: ({ children }: { children: React.ReactNode }) => <main>{children}</main>,
  Title: () => null,
  Loading: () => <p>Loading page</p>,
  Error: () => <p role="alert">Page error</p>,
};

export const Layouts = {
  Header: ({
    title,
    subtitle,
    primaryAction,
  }: {
    title: string;
    subtitle?: string;
    primaryAction?: React.ReactNode;
  }) => (
    <header>
      <h1>{title}</h1>
      {subtitle && <p>{subtitle}</p>}
      {primaryAction}
    </header>
  ),
  Content: ({ children }: { children: React.ReactNode }) => <div>{children}</div>,
};
