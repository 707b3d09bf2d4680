import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { createApp, type App } from "../../src/platform/app.js";
import { fixedClock, systemClock, type Clock } from "../../src/platform/clock.js";
import { loadConfig } from "../../src/platform/config.js";
import type { Database } from "../../src/platform/db/connect.js";
import type { AppDeps, RightsProvider } from "../../src/platform/deps.js";
import { createRightsProvider } from "../../src/platform/rights-provider.js";
import { createTestDatabase } from "./test-db.js";
import { TEST_PASSWORD } from "./factories.js";

export type TestApp = App & { database: Database; close(): Promise<void> };

/** The real app on a fresh database (PGlite, or PostgreSQL when TEST_DATABASE_URL is set). */
export async function createTestApp(
  options: { clock?: Clock; database?: Database; rights?: RightsProvider; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({ LOG_LEVEL: "silent", GATEHOUSE_WEB_DIR: "dist/web", ...options.env });
  const deps: AppDeps = {
    config,
    database,
    clock: options.clock ?? systemClock,
    rights: options.rights ?? createRightsProvider(database),
  };
  const built = await createApp(deps);
  return {
    ...built,
    database,
    close: async () => {
      await built.app.close();
      if (!options.database) await database.close();
    },
  };
}

export { fixedClock };

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export type Client = {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
};

export async function signIn(
  app: FastifyInstance,
  login: { district?: string; username: string; password?: string },
): Promise<Client> {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { district: login.district, username: login.username, password: login.password ?? TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${login.username}: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res);
  return clientFor(app, cookie);
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const set = res.cookies.find((c) => c.name === "gh_session");
  if (!set) throw new Error("no session cookie in response");
  return `gh_session=${set.value}`;
}

export async function clientFor(app: FastifyInstance, cookie: string): Promise<Client> {
  const me = await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
  const csrfToken = me.statusCode === 200 ? (me.json() as { csrfToken: string }).csrfToken : "";
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { cookie, "x-csrf-token": csrfToken, ...(options.headers ?? {}) } });
  const withBody = (method: "POST" | "PUT" | "PATCH") => (url: string, body?: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }) });
  return {
    request,
    get: (url) => request({ method: "GET", url }),
    post: withBody("POST"),
    put: withBody("PUT"),
    patch: withBody("PATCH"),
    delete: (url) => request({ method: "DELETE", url }),
    cookie,
    csrfToken,
  };
}
