import { z } from "zod";

const ZCertificate = z.object({ subject: z.string(), validTo: z.string(), expiresInDays: z.number(), warning: z.string().nullable() });

export const ZSsoSettings = z.object({
  oidc: z.object({
    enabled: z.boolean(),
    label: z.string().nullable(),
    issuer: z.string().nullable(),
    clientId: z.string().nullable(),
    /** Never the secret itself: only whether one is stored. */
    clientSecretSet: z.boolean(),
    subjectClaim: z.string(),
    allowedDomain: z.string().nullable(),
    redirectUri: z.string(),
  }),
  saml: z.object({
    enabled: z.boolean(),
    label: z.string().nullable(),
    idpMetadataUrl: z.string().nullable(),
    idpEntityId: z.string().nullable(),
    idpSsoUrl: z.string().nullable(),
    idpCertificates: z.array(ZCertificate),
    spEntityId: z.string(),
    acsUrl: z.string(),
    spMetadataUrl: z.string(),
    spMetadataXml: z.string().nullable(),
    spCertificate: z.string().nullable(),
    spCertificateInfo: ZCertificate.nullable(),
  }),
  jit: z.object({ enabled: z.boolean(), groupIds: z.array(z.uuid()) }),
  passwordOnlyForAdministrators: z.boolean(),
  warnings: z.array(z.string()),
});
export type SsoSettingsView = z.infer<typeof ZSsoSettings>;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

export const ZUpdateSsoSettings = z
  .object({
    oidc: z
      .object({
        enabled: z.boolean(),
        label: optionalText(60),
        issuer: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
        clientId: optionalText(300),
        /** Omitted: the stored secret stays. */
        clientSecret: text(500).min(1).optional(),
        subjectClaim: text(100).regex(/^[A-Za-z0-9_:.\-/]+$/, "a claim name: letters, digits and _ : . - /").optional(),
        allowedDomain: text(253).regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, "a domain such as district.example.org").nullable().optional(),
      })
      .strict()
      .optional(),
    saml: z
      .object({
        enabled: z.boolean(),
        label: optionalText(60),
        idpMetadataXml: z.string().max(200_000).optional(),
        idpMetadataUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
      })
      .strict()
      .optional(),
    jit: z.object({ enabled: z.boolean(), groupIds: z.array(z.uuid()).max(50) }).strict().optional(),
    /** Staff sign in with SSO only; Student Information System role holders keep their password (break-glass). */
    passwordOnlyForAdministrators: z.boolean().optional(),
  })
  .strict();
export type UpdateSsoSettings = z.infer<typeof ZUpdateSsoSettings>;

export const ZSignInOption = z.object({ provider: z.enum(["oidc", "saml"]), label: z.string(), url: z.string() });

export const ZLink = z.object({ id: z.uuid(), provider: z.enum(["oidc", "saml"]), subject: z.string(), userId: z.uuid(), username: z.string(), createdAt: z.date() });
export const ZCreateLink = z.object({ userId: z.uuid(), provider: z.enum(["oidc", "saml"]), subject: z.string().trim().min(1).max(500) }).strict();
