import type * as Oidc from "openid-client";
import { newToken, sha256, safeEqual } from "../../platform/auth/tokens.js";
import type { AppDeps } from "../../platform/deps.js";
import type { District } from "./finish-sso.js";
import { guardedIdpFetch, IdpAddressRefused } from "./idp-address.js";
import { peekFlow, saveFlow, takeFlow, type SsoSettingsRow } from "./repo.js";
import { SsoRefusal } from "./refusals.js";

const FLOW_MINUTES = 10;
const DISCOVERY_TTL_MS = 10 * 60_000;
const discovered = new Map<string, { at: number; config: Promise<Oidc.Configuration> }>();

/** openid-client, loaded at the first OpenID Connect request rather than at start-up. */
let client: typeof Oidc | null = null;
async function openidClient(): Promise<typeof Oidc> {
  return (client ??= await import("openid-client"));
}

export const oidcRedirectUri = (publicUrl: string, slug: string) => `${publicUrl}/sso/${slug}/oidc/callback`;

/**
 * The provider's configuration from its discovery document, cached for ten minutes. Every request
 * openid-client makes with it (discovery, JWKS, token endpoint) goes through the address check;
 * plain http passes that check only where the operator allows private addresses.
 */
async function configurationFor(deps: AppDeps, settings: SsoSettingsRow): Promise<Oidc.Configuration> {
  const oidc = await openidClient();
  const issuer = new URL(settings.oidcIssuer!);
  const allowPrivate = deps.config.ssoAllowPrivateUrls;
  const key = `${settings.districtId} ${issuer.href} ${settings.oidcClientId} ${sha256(settings.oidcClientSecret ?? "")} ${allowPrivate}`;
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
  const config = oidc.discovery(issuer, settings.oidcClientId!, settings.oidcClientSecret ?? undefined, undefined, {
    timeout: 10,
    [oidc.customFetch]: guardedIdpFetch(allowPrivate),
    ...(issuer.protocol === "http:" && allowPrivate ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
  discovered.set(key, { at: Date.now(), config });
  config.catch(() => discovered.delete(key));
  return config;
}

/**
 * The redirect to the IdP: state, nonce and a PKCE verifier are kept server-side under the
 * state, and the browser gets a binding cookie, so a state copied into another browser fails.
 */
export async function startOidc(deps: AppDeps, district: District, settings: SsoSettingsRow, redirectUri: string, linkUserId: string | null) {
  const config = await configurationFor(deps, settings).catch((e: unknown) => {
    throw discoveryRefusal(e);
  });
  const oidc = await openidClient();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const binding = newToken();
  const now = deps.clock.now();
  await saveFlow(deps.database.db, {
    id: state,
    districtId: district.id,
    provider: "oidc",
    nonce,
    codeVerifier,
    browserHash: sha256(binding),
    linkUserId,
    expiresAt: new Date(now.getTime() + FLOW_MINUTES * 60_000),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { url: url.href, binding };
}

type Claims = Record<string, unknown>;

/** The IdP's answer, checked: our state in this browser, then openid-client's checks of the code, PKCE, ID token, issuer, audience, nonce and expiry. */
export async function finishOidc(deps: AppDeps, district: District, settings: SsoSettingsRow, redirectUri: string, query: Record<string, string>, binding: string | undefined) {
  const db = deps.database.db;
  const now = deps.clock.now();
  const state = query.state ?? "";
  const pending = state ? await peekFlow(db, { districtId: district.id }, "oidc", state, now) : null;
  if (!pending || !binding || !pending.browserHash || !safeEqual(sha256(binding), pending.browserHash)) {
    throw new SsoRefusal("state-mismatch", "This sign-in did not start in this browser, or it took too long. Start again from your district's sign-in page.", { stateKnown: Boolean(pending) });
  }
  const flow = await takeFlow(db, { districtId: district.id }, "oidc", state, now);
  if (!flow) throw new SsoRefusal("state-mismatch", "This sign-in was already used. Start again from your district's sign-in page.");
  const config = await configurationFor(deps, settings).catch((e: unknown) => {
    throw discoveryRefusal(e);
  });
  const oidc = await openidClient();
  const current = new URL(redirectUri);
  for (const [k, v] of Object.entries(query)) current.searchParams.set(k, v);
  let claims: Claims;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.codeVerifier!,
      expectedState: flow.id,
      expectedNonce: flow.nonce!,
      idTokenExpected: true,
    });
    claims = (tokens.claims() ?? {}) as Claims;
  } catch (e) {
    throw classifyOidcError(e);
  }
  return { claims, linkUserId: flow.linkUserId };
}

/** openid-client's errors, in the words a person acts on (the technical text goes to the audit log). */
export function classifyOidcError(e: unknown): SsoRefusal {
  const text = describeChain(e);
  const technical = { technical: text.slice(0, 500) };
  if (causedByAddressRefusal(e)) return unreachable(technical);
  if (client && e instanceof client.AuthorizationResponseError) {
    return new SsoRefusal("idp-error", `The identity provider did not sign you in (${e.error}). Try again, or ask your district's system administrator.`, technical);
  }
  if (/"?nonce"?/.test(text)) return new SsoRefusal("nonce-mismatch", "The identity provider's answer does not belong to this sign-in (its nonce differs). Start again from your district's sign-in page.", technical);
  if (/invalid_grant|code_verifier|PKCE/i.test(text)) return new SsoRefusal("pkce-mismatch", "The identity provider refused to finish this sign-in (the code or its PKCE proof did not match). Start again from your district's sign-in page.", technical);
  if (/"iss"|issuer/i.test(text)) return new SsoRefusal("wrong-issuer", "The sign-in came from an identity provider other than the one your district configured. Ask your district's system administrator.", technical);
  if (/"aud"|"azp"|audience/i.test(text)) return new SsoRefusal("wrong-audience", "The identity provider's answer was meant for another application. Ask your district's system administrator to check the client id.", technical);
  if (/"exp"|"iat"|expired|timestamp/i.test(text)) return new SsoRefusal("expired", "The identity provider's answer has expired. Start again from your district's sign-in page (and check this computer's clock).", technical);
  if (/signature|JWS/i.test(text)) return new SsoRefusal("bad-signature", "The identity provider's answer is not signed by it. Start again; if it keeps happening, tell your district's system administrator.", technical);
  if (/invalid_client|unauthorized_client/i.test(text)) return new SsoRefusal("idp-error", "The identity provider refused Gatehouse's client id or secret. Ask your district's system administrator to check them.", technical);
  return new SsoRefusal("invalid-response", "The identity provider's answer could not be used. Start again; if it keeps happening, tell your district's system administrator.", technical);
}

/** Who the ID token names, by the district's chosen claim; the allowed domain, when set, must match the email's. */
export function oidcIdentity(settings: SsoSettingsRow, claims: Claims) {
  const subject = claims[settings.oidcSubjectClaim];
  if (typeof subject !== "string" || subject === "") {
    throw new SsoRefusal("no-subject", `The identity provider's answer has no "${settings.oidcSubjectClaim}" claim, which your district uses to recognise people. Ask your district's system administrator.`);
  }
  const email = typeof claims.email === "string" ? claims.email : undefined;
  if (settings.oidcAllowedDomain) {
    const domain = email?.split("@")[1]?.toLowerCase();
    if (domain !== settings.oidcAllowedDomain.toLowerCase() || claims.email_verified === false) {
      throw new SsoRefusal("domain-not-allowed", `Only accounts of ${settings.oidcAllowedDomain} may sign in here. Sign in with your district account.`, { email: email ?? null });
    }
  }
  const username = typeof claims.preferred_username === "string" ? claims.preferred_username : email;
  const name = typeof claims.name === "string" ? claims.name : undefined;
  return { provider: "oidc" as const, subject, email, name, username };
}

/** The error and its causes, with the claim oauth4webapi names when a comparison fails. */
function describeChain(e: unknown): string {
  const parts: string[] = [];
  for (let at: unknown = e, depth = 0; at && depth < 4; depth++) {
    if (at instanceof Error) {
      const extra = at as Error & { code?: string; error?: string };
      parts.push(at.message, extra.code ?? "", extra.error ?? "");
      at = at.cause;
    } else {
      const { claim, error } = at as { claim?: string; error?: string };
      parts.push(claim ? `"${claim}"` : "", error ?? "");
      break;
    }
  }
  return parts.filter(Boolean).join(" ");
}

/** Discovery failed: a provider that names another issuer than the configured one, or none reachable. */
function discoveryRefusal(e: unknown): SsoRefusal {
  const technical = { technical: describeChain(e).slice(0, 500) };
  if (!causedByAddressRefusal(e) && /issuer/i.test(technical.technical)) {
    return new SsoRefusal("wrong-issuer", "The identity provider answers with another issuer than the one your district configured. Ask your district's system administrator to check the issuer URL.", technical);
  }
  return unreachable(technical);
}

const unreachable = (technical: { technical: string }) =>
  new SsoRefusal("idp-unreachable", "The identity provider cannot be reached just now. Try again in a minute, or sign in with your password.", technical);

/** A request to a private or local address was refused (idp-address.ts); the why goes to the audit log. */
function causedByAddressRefusal(e: unknown): boolean {
  for (let at: unknown = e, depth = 0; at instanceof Error && depth < 4; depth++, at = at.cause) if (at instanceof IdpAddressRefused) return true;
  return false;
}
