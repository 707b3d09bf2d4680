import { randomBytes } from "node:crypto";
import type { CacheProvider, Profile, SAML } from "@node-saml/node-saml";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/connect.js";
import { ssoFlows } from "../../platform/db/schema/sso.js";
import type { AppDeps } from "../../platform/deps.js";
import type { District } from "./finish-sso.js";
import { markAssertionUsed, saveFlow, type SsoSettingsRow } from "./repo.js";
import { SsoRefusal } from "./refusals.js";

const REQUEST_MINUTES = 10;
const CLOCK_SKEW_MS = 60_000;

export const samlUrls = (publicUrl: string, slug: string) => ({
  entityId: `${publicUrl}/sso/${slug}/saml/metadata`,
  acsUrl: `${publicUrl}/sso/${slug}/saml/acs`,
  metadataUrl: `${publicUrl}/sso/${slug}/saml/metadata`,
});

/**
 * node-saml's store of outstanding AuthnRequest ids, kept in sso_flows so any server can take
 * the IdP's answer; a response naming an id not here (or used once already) is refused.
 */
function requestStore(db: Db, district: District): CacheProvider {
  const where = (key: string) => and(eq(ssoFlows.id, key), eq(ssoFlows.districtId, district.id), eq(ssoFlows.provider, "saml"));
  return {
    saveAsync: async (key, value) => {
      await saveFlow(db, { id: key, districtId: district.id, provider: "saml", nonce: value, expiresAt: new Date(Date.now() + REQUEST_MINUTES * 60_000) });
      return { value, createdAt: Date.now() };
    },
    getAsync: async (key) => {
      const [row] = await db.select().from(ssoFlows).where(where(key)).limit(1);
      return row && row.expiresAt > new Date() ? row.nonce : null;
    },
    removeAsync: async (key) => {
      if (!key) return null;
      const [row] = await db.delete(ssoFlows).where(where(key)).returning();
      return row?.nonce ?? null;
    },
  };
}

/** node-saml for this district's settings; the library (xml-crypto, xml2js…) is loaded at the first SAML request, not at start-up. */
export async function samlFor(db: Db, district: District, settings: SsoSettingsRow, publicUrl: string): Promise<SAML> {
  const { SAML, ValidateInResponseTo } = await import("@node-saml/node-saml");
  const urls = samlUrls(publicUrl, district.slug);
  return new SAML({
    entryPoint: settings.samlIdpSsoUrl ?? undefined,
    issuer: urls.entityId,
    callbackUrl: urls.acsUrl,
    audience: urls.entityId,
    idpIssuer: settings.samlIdpEntityId ?? undefined,
    idpCert: settings.samlIdpCertificates.length ? settings.samlIdpCertificates : "-",
    privateKey: settings.spPrivateKey ?? undefined,
    publicCert: settings.spCertificate ?? undefined,
    signatureAlgorithm: "sha256",
    digestAlgorithm: "sha256",
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    // A response to our request must name one still outstanding; an IdP-initiated one (from the
    // Entra or Google app launcher) has none, and its replay is stopped by the assertion-id store.
    validateInResponseTo: ValidateInResponseTo.ifPresent,
    requestIdExpirationPeriodMs: REQUEST_MINUTES * 60_000,
    cacheProvider: requestStore(db, district),
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    generateUniqueId: () => `_${randomBytes(20).toString("hex")}`,
  });
}

export async function spMetadataXml(db: Db, district: District, settings: SsoSettingsRow, publicUrl: string): Promise<string> {
  return (await samlFor(db, district, settings, publicUrl)).generateServiceProviderMetadata(null, settings.spCertificate);
}

/** The IdP's POSTed response, checked by node-saml (signature, issuer, audience, times, InResponseTo), then against replay. */
export async function finishSaml(deps: AppDeps, district: District, settings: SsoSettingsRow, publicUrl: string, samlResponse: string) {
  const db = deps.database.db;
  let profile: Profile | null;
  try {
    ({ profile } = await (await samlFor(db, district, settings, publicUrl)).validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (e) {
    throw classifySamlError(e);
  }
  // node-saml checks idpIssuer on logout messages only: the signed assertion's Issuer is checked here.
  if (!profile || profile.issuer !== settings.samlIdpEntityId) {
    throw new SsoRefusal("wrong-issuer", "The sign-in answer came from an identity provider other than the one your district configured. Ask your district's system administrator.", { issuer: profile?.issuer ?? null });
  }
  if (!profile.nameID) throw new SsoRefusal("no-subject", "The identity provider's answer names nobody (no NameID). Ask your district's system administrator.");
  const assertion = (profile.getAssertion?.() ?? {}) as { Assertion?: { $?: { ID?: string }; Conditions?: { $?: { NotOnOrAfter?: string } }[] } };
  const assertionId = assertion.Assertion?.$?.ID;
  if (!assertionId) throw new SsoRefusal("invalid-response", "The identity provider's assertion has no ID, so Gatehouse cannot tell a replay from a new sign-in.");
  const notOnOrAfter = assertion.Assertion?.Conditions?.[0]?.$?.NotOnOrAfter;
  const now = deps.clock.now();
  const keepUntil = new Date(Math.max(now.getTime(), notOnOrAfter ? Date.parse(notOnOrAfter) : now.getTime() + 3_600_000) + CLOCK_SKEW_MS);
  if (!(await markAssertionUsed(db, { districtId: district.id }, assertionId, keepUntil, now))) {
    throw new SsoRefusal("replayed", "This sign-in answer was already used once. Start again from your district's sign-in page.", { assertionId });
  }
  const attr = (name: string) => {
    const v = profile![name] ?? (profile!.attributes as Record<string, unknown> | undefined)?.[name];
    return typeof v === "string" ? v : undefined;
  };
  const email = attr("email") ?? attr("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress") ?? (/@/.test(profile.nameID) ? profile.nameID : undefined);
  const name = attr("http://schemas.microsoft.com/identity/claims/displayname") ?? attr("displayName") ?? attr("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name");
  return { identity: { provider: "saml" as const, subject: profile.nameID, email, name, username: email ?? profile.nameID } };
}

export function classifySamlError(e: unknown): SsoRefusal {
  const text = e instanceof Error ? e.message : String(e);
  const technical = { technical: text.slice(0, 500) };
  if (/signature/i.test(text)) return new SsoRefusal("bad-signature", "The sign-in answer is not signed by your district's identity provider, or was changed on the way. Start again; if it keeps happening, tell your district's system administrator.", technical);
  if (/audience/i.test(text)) return new SsoRefusal("wrong-audience", "The sign-in answer was meant for another application, not this Gatehouse district. Ask your district's system administrator to check the entity id on the identity provider.", technical);
  if (/issuer/i.test(text)) return new SsoRefusal("wrong-issuer", "The sign-in answer came from an identity provider other than the one your district configured. Ask your district's system administrator.", technical);
  if (/expired|NotBefore|NotOnOrAfter|too old|clock/i.test(text)) return new SsoRefusal("expired", "The sign-in answer has expired. Start again from your district's sign-in page (and check this computer's clock).", technical);
  if (/InResponseTo/i.test(text)) return new SsoRefusal("replayed", "This sign-in answer does not match a sign-in started here, or was already used. Start again from your district's sign-in page.", technical);
  if (/status/i.test(text)) return new SsoRefusal("idp-error", "The identity provider did not sign you in. Try again, or ask your district's system administrator.", technical);
  return new SsoRefusal("invalid-response", "The sign-in answer could not be read. Start again; if it keeps happening, tell your district's system administrator.", technical);
}
