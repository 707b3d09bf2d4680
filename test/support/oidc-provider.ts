import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type TestIdp = { issuer: string; close(): Promise<void> };

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 with one confidential client. Its dev
 * interactions take any login name (the account's `sub`) and grant consent on a button; every
 * account has an email at `emailDomain`.
 */
export async function startOidcProvider(options: { clientId: string; clientSecret: string; redirectUris: string[]; emailDomain?: string; port?: number }): Promise<TestIdp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const domain = options.emailDomain ?? "district.example";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    cookies: { keys: ["gatehouse-test-idp-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: `${id}@${domain}`, email_verified: true, name: `Test ${id}`, preferred_username: id }),
    }),
  });
  provider.on("server_error", (_ctx, err) => console.error("test IdP error", err));
  server.on("request", provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A browser's cookies, reduced to what these tests need: one jar, by name, across both hosts. */
export class CookieJar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const [name, ...value] = pair!.split("=");
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now()));
      if (gone || value.join("=") === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  get(name: string) {
    return this.cookies.get(name);
  }
  delete(name: string) {
    this.cookies.delete(name);
  }
}

/**
 * Follows redirects as a browser would and fills the IdP's dev interaction forms (login as
 * `login`, then consent), until a redirect leaves the IdP and the /sso/ routes: returns that location.
 */
export async function followSignIn(jar: CookieJar, start: string, login: string, stopBefore?: (url: URL) => boolean): Promise<{ location: string; status: number }> {
  let url = new URL(start);
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    if (stopBefore?.(url)) return { location: url.href, status: 0 };
    const res = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
    jar.take(res);
    init = {};
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.origin === url.origin && !next.pathname.startsWith("/sso/") && !/\/(auth|interaction)\b/.test(next.pathname)) return { location: next.pathname + next.search, status: res.status };
      url = next;
      continue;
    }
    const html = await res.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[\s\S]*?<\/form>/i.exec(html);
    if (!form) return { location: url.href, status: res.status };
    const fields = new URLSearchParams();
    for (const m of form[0].matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields.set(m[1]!, m[2]!);
    if (/name="login"/.test(form[0])) {
      fields.set("login", login);
      fields.set("password", "any");
    }
    url = new URL(form[1]!.replace(/&amp;/g, "&"), url);
    init = { method: "POST", body: fields.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
  }
  throw new Error("too many redirects");
}
