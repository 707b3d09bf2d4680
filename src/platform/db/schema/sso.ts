import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { districts } from "./districts.js";
import { users } from "./users.js";

export const SSO_PROVIDERS = ["oidc", "saml"] as const;
export type SsoProvider = (typeof SSO_PROVIDERS)[number];

/**
 * A district's single sign-on, one row per district. The OIDC client secret and the SP private
 * key are kept here and never leave the server: the API answers only whether the secret is set.
 */
export const ssoSettings = pgTable("sso_settings", {
  districtId: uuid("district_id").primaryKey().references(() => districts.id, { onDelete: "cascade" }),
  oidcEnabled: boolean("oidc_enabled").notNull().default(false),
  oidcLabel: text("oidc_label"),
  oidcIssuer: text("oidc_issuer"),
  oidcClientId: text("oidc_client_id"),
  oidcClientSecret: text("oidc_client_secret"),
  /** The ID token claim whose value is the link's subject ("sub" unless the district says). */
  oidcSubjectClaim: text("oidc_subject_claim").notNull().default("sub"),
  oidcAllowedDomain: text("oidc_allowed_domain"),
  samlEnabled: boolean("saml_enabled").notNull().default(false),
  samlLabel: text("saml_label"),
  samlIdpMetadataXml: text("saml_idp_metadata_xml"),
  samlIdpMetadataUrl: text("saml_idp_metadata_url"),
  samlIdpEntityId: text("saml_idp_entity_id"),
  samlIdpSsoUrl: text("saml_idp_sso_url"),
  /** PEM certificates the IdP signs with (metadata may list more than one during a rollover). */
  samlIdpCertificates: jsonb("saml_idp_certificates").$type<string[]>().notNull().default([]),
  spPrivateKey: text("sp_private_key"),
  spCertificate: text("sp_certificate"),
  /** Just-in-time creation: a first sign-in with no link creates the user, in these groups only. */
  jitEnabled: boolean("jit_enabled").notNull().default(false),
  jitGroupIds: jsonb("jit_group_ids").$type<string[]>().notNull().default([]),
  /**
   * Password sign-in for Student Information System role holders only (the break-glass local
   * administrators); everyone else signs in with SSO. Off: everyone may use a password.
   */
  passwordOnlyForAdministrators: boolean("password_only_for_administrators").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Who an IdP's subject (OIDC `sub` or the chosen claim; SAML NameID) is. Never matched by email. */
export const ssoIdentityLinks = pgTable(
  "sso_identity_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    provider: text("provider", { enum: SSO_PROVIDERS }).notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("sso_links_subject").on(t.districtId, t.provider, t.subject), index("sso_links_user_idx").on(t.userId)],
);

/**
 * One sign-in under way: OIDC's state, nonce and PKCE verifier, or the SAML AuthnRequest's id.
 * Used once (deleted when the IdP answers); `linkUserId` marks a signed-in user linking themself.
 */
export const ssoFlows = pgTable("sso_flows", {
  id: text("id").primaryKey(),
  districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
  provider: text("provider", { enum: SSO_PROVIDERS }).notNull(),
  nonce: text("nonce"),
  codeVerifier: text("code_verifier"),
  /** SHA-256 of the browser-binding cookie (OIDC), so a state seen elsewhere is worthless. */
  browserHash: text("browser_hash"),
  linkUserId: uuid("link_user_id").references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** SAML assertion ids seen, kept until the assertion expires: a replay finds its id here. */
export const ssoUsedAssertions = pgTable(
  "sso_used_assertions",
  {
    districtId: uuid("district_id").notNull().references(() => districts.id, { onDelete: "cascade" }),
    assertionId: text("assertion_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.assertionId] })],
);
