import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/connect.js";
import { districts } from "../../platform/db/schema/districts.js";
import { userGroups } from "../../platform/db/schema/rights.js";
import type { AppDeps } from "../../platform/deps.js";
import type { DistrictActor } from "../../platform/http/actor.js";
import { AppError } from "../../platform/http/errors.js";
import { installationPublicUrl } from "../installation/public-url.js";
import { auditActor } from "../rights/guards.js";
import { idpUrlProblem } from "./idp-address.js";
import { parseIdpMetadata } from "./idp-metadata.js";
import { oidcRedirectUri } from "./oidc.js";
import { readSettings, writeSettings, type SsoSettingsRow } from "./repo.js";
import { samlUrls, spMetadataXml } from "./saml.js";
import type { SsoSettingsView, UpdateSsoSettings } from "./schema.js";
import { describeCertificate, generateSpKeyPair } from "./sp-keys.js";

async function districtOf(db: Db, actor: DistrictActor) {
  const [row] = await db.select({ id: districts.id, slug: districts.slug, name: districts.name }).from(districts).where(eq(districts.id, actor.districtId));
  return row!;
}

const EMPTY = (districtId: string): SsoSettingsRow => ({
  districtId, oidcEnabled: false, oidcLabel: null, oidcIssuer: null, oidcClientId: null, oidcClientSecret: null, oidcSubjectClaim: "sub", oidcAllowedDomain: null,
  samlEnabled: false, samlLabel: null, samlIdpMetadataXml: null, samlIdpMetadataUrl: null, samlIdpEntityId: null, samlIdpSsoUrl: null, samlIdpCertificates: [],
  spPrivateKey: null, spCertificate: null, jitEnabled: false, jitGroupIds: [], passwordOnlyForAdministrators: false, updatedAt: new Date(0),
});

/** What the SSO screen shows: everything but the client secret and the SP's private key. */
export async function getSsoSettings(deps: AppDeps, actor: DistrictActor): Promise<SsoSettingsView> {
  const db = deps.database.db;
  const district = await districtOf(db, actor);
  const s = (await readSettings(db, actor)) ?? EMPTY(actor.districtId);
  const publicUrl = await installationPublicUrl(db, deps.config);
  const now = deps.clock.now();
  const urls = samlUrls(publicUrl, district.slug);
  const idpCertificates = s.samlIdpCertificates.map((pem) => describeCertificate(pem, now, "identity provider's"));
  const spCertificateInfo = s.spCertificate ? describeCertificate(s.spCertificate, now, "Gatehouse's") : null;
  return {
    oidc: {
      enabled: s.oidcEnabled, label: s.oidcLabel, issuer: s.oidcIssuer, clientId: s.oidcClientId, clientSecretSet: Boolean(s.oidcClientSecret),
      subjectClaim: s.oidcSubjectClaim, allowedDomain: s.oidcAllowedDomain, redirectUri: oidcRedirectUri(publicUrl, district.slug),
    },
    saml: {
      enabled: s.samlEnabled, label: s.samlLabel, idpMetadataUrl: s.samlIdpMetadataUrl, idpEntityId: s.samlIdpEntityId, idpSsoUrl: s.samlIdpSsoUrl, idpCertificates,
      spEntityId: urls.entityId, acsUrl: urls.acsUrl, spMetadataUrl: urls.metadataUrl,
      spMetadataXml: s.spCertificate ? await spMetadataXml(db, district, s, publicUrl) : null,
      spCertificate: s.spCertificate, spCertificateInfo,
    },
    jit: { enabled: s.jitEnabled, groupIds: s.jitGroupIds },
    passwordOnlyForAdministrators: s.passwordOnlyForAdministrators,
    warnings: [...(s.samlEnabled ? idpCertificates : []), ...(spCertificateInfo ? [spCertificateInfo] : [])].flatMap((c) => (c.warning ? [c.warning] : [])),
  };
}

const refuse = (code: string, message: string, path: string) => new AppError(422, code, message, { path });

/** The IdP's address, refused before anything is fetched from it or saved (see idp-address.ts). */
async function refuseIdpUrl(deps: AppDeps, url: string, path: string) {
  const problem = await idpUrlProblem(url, deps.config.ssoAllowPrivateUrls);
  if (problem) throw refuse("idp-address-refused", problem, path);
}

async function fetchMetadata(deps: AppDeps, url: string): Promise<string> {
  await refuseIdpUrl(deps, url, "body.saml.idpMetadataUrl");
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "error" });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.text();
    if (body.length > 200_000) throw new Error("over 200,000 characters");
    return body;
  } catch (e) {
    throw refuse("saml-metadata-unreachable", `The metadata at ${url} could not be read (${e instanceof Error ? e.message : String(e)}). Check the address, or paste the metadata XML instead.`, "body.saml.idpMetadataUrl");
  }
}

/**
 * Saves what the administrator changed (audited, the secret only as "set"/"changed"). The SP
 * key pair is made the first time SAML is saved and kept: the IdP trusts its certificate.
 */
export async function updateSsoSettings(deps: AppDeps, actor: DistrictActor, input: UpdateSsoSettings): Promise<SsoSettingsView> {
  const db = deps.database.db;
  const before = (await readSettings(db, actor)) ?? EMPTY(actor.districtId);
  const next: Partial<SsoSettingsRow> = {};
  if (input.oidc) {
    const o = input.oidc;
    Object.assign(next, {
      oidcEnabled: o.enabled,
      ...(o.label !== undefined ? { oidcLabel: o.label || null } : {}),
      // kept exactly as given: discovery compares it with the provider's own issuer, slash and all
      ...(o.issuer !== undefined ? { oidcIssuer: o.issuer || null } : {}),
      ...(o.clientId !== undefined ? { oidcClientId: o.clientId || null } : {}),
      ...(o.clientSecret !== undefined ? { oidcClientSecret: o.clientSecret } : {}),
      ...(o.subjectClaim !== undefined ? { oidcSubjectClaim: o.subjectClaim } : {}),
      ...(o.allowedDomain !== undefined ? { oidcAllowedDomain: o.allowedDomain?.toLowerCase() || null } : {}),
    });
    const merged = { ...before, ...next };
    if (o.issuer) await refuseIdpUrl(deps, o.issuer, "body.oidc.issuer");
    if (o.enabled && !merged.oidcIssuer) throw refuse("oidc-issuer-required", "Give the identity provider's issuer URL to turn OpenID Connect on.", "body.oidc.issuer");
    if (o.enabled && !merged.oidcClientId) throw refuse("oidc-client-id-required", "Give the client id the identity provider issued to Gatehouse to turn OpenID Connect on.", "body.oidc.clientId");
    if (o.enabled && !merged.oidcClientSecret) throw refuse("oidc-client-secret-required", "Give the client secret the identity provider issued to Gatehouse to turn OpenID Connect on.", "body.oidc.clientSecret");
  }
  if (input.saml) {
    const s = input.saml;
    Object.assign(next, { samlEnabled: s.enabled, ...(s.label !== undefined ? { samlLabel: s.label || null } : {}) });
    if (s.idpMetadataUrl !== undefined) next.samlIdpMetadataUrl = s.idpMetadataUrl;
    const xml = s.idpMetadataXml?.trim() || (s.idpMetadataUrl ? await fetchMetadata(deps, s.idpMetadataUrl) : undefined);
    if (xml) {
      const meta = await parseIdpMetadata(xml);
      Object.assign(next, { samlIdpMetadataXml: xml, samlIdpEntityId: meta.entityId, samlIdpSsoUrl: meta.ssoUrl, samlIdpCertificates: meta.certificates });
    }
    if (s.enabled && !(next.samlIdpEntityId ?? before.samlIdpEntityId)) {
      throw refuse("saml-metadata-required", "Paste the identity provider's metadata XML (or give its URL) to turn SAML on.", "body.saml.idpMetadataXml");
    }
    if (!before.spCertificate) {
      const district = await districtOf(db, actor);
      const pair = await generateSpKeyPair(district.slug);
      Object.assign(next, { spPrivateKey: pair.privateKey, spCertificate: pair.certificate });
    }
  }
  if (input.jit) {
    const ids = [...new Set(input.jit.groupIds)];
    const found = ids.length ? await db.select({ id: userGroups.id }).from(userGroups).where(and(eq(userGroups.districtId, actor.districtId), inArray(userGroups.id, ids))) : [];
    if (found.length !== ids.length) throw refuse("group-not-found", "One of the default groups is not a group of this district. Choose the groups again.", "body.jit.groupIds");
    Object.assign(next, { jitEnabled: input.jit.enabled, jitGroupIds: ids });
  }
  if (input.passwordOnlyForAdministrators !== undefined) {
    const merged = { ...before, ...next };
    if (input.passwordOnlyForAdministrators && !merged.oidcEnabled && !merged.samlEnabled) {
      throw refuse("sso-required", "Turn on OpenID Connect or SAML first: with password sign-in for administrators only, staff would have no way in.", "body.passwordOnlyForAdministrators");
    }
    next.passwordOnlyForAdministrators = input.passwordOnlyForAdministrators;
  }
  await db.transaction(async (tx) => {
    await writeSettings(tx, actor, next);
    const after = { ...before, ...next };
    await recordAudit(tx, {
      districtId: actor.districtId,
      actor: auditActor(actor),
      action: "sso.settings-changed",
      target: { type: "district", id: actor.districtId, name: "Single sign-on" },
      before: auditable(before),
      after: { ...auditable(after), ...(input.oidc?.clientSecret !== undefined ? { oidcClientSecretChanged: true } : {}) },
    });
  });
  return getSsoSettings(deps, actor);
}

function auditable(s: SsoSettingsRow) {
  return {
    oidc: { enabled: s.oidcEnabled, label: s.oidcLabel, issuer: s.oidcIssuer, clientId: s.oidcClientId, clientSecret: s.oidcClientSecret ? "set" : "not set", subjectClaim: s.oidcSubjectClaim, allowedDomain: s.oidcAllowedDomain },
    saml: { enabled: s.samlEnabled, label: s.samlLabel, idpEntityId: s.samlIdpEntityId, idpSsoUrl: s.samlIdpSsoUrl, idpMetadataUrl: s.samlIdpMetadataUrl },
    jit: { enabled: s.jitEnabled, groupIds: s.jitGroupIds },
    passwordOnlyForAdministrators: s.passwordOnlyForAdministrators,
  };
}
