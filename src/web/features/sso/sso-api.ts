import { api } from "../../api.js";

export type Certificate = { subject: string; validTo: string; expiresInDays: number; warning: string | null };
export type SsoSettings = {
  oidc: { enabled: boolean; label: string | null; issuer: string | null; clientId: string | null; clientSecretSet: boolean; subjectClaim: string; allowedDomain: string | null; redirectUri: string };
  saml: {
    enabled: boolean; label: string | null; idpMetadataUrl: string | null; idpEntityId: string | null; idpSsoUrl: string | null; idpCertificates: Certificate[];
    spEntityId: string; acsUrl: string; spMetadataUrl: string; spMetadataXml: string | null; spCertificate: string | null; spCertificateInfo: Certificate | null;
  };
  jit: { enabled: boolean; groupIds: string[] };
  passwordOnlyForAdministrators: boolean;
  warnings: string[];
};
export type SsoLink = { id: string; provider: "oidc" | "saml"; subject: string; userId: string; username: string; createdAt: string };
export type SignInOption = { provider: "oidc" | "saml"; label: string; url: string };

export const ssoKeys = { settings: ["sso", "settings"] as const, links: ["sso", "links"] as const };

export const ssoApi = {
  settings: () => api.get<SsoSettings>("/api/sso/settings"),
  save: (change: Record<string, unknown>) => api.put<SsoSettings>("/api/sso/settings", change),
  links: () => api.get<SsoLink[]>("/api/sso/links"),
  link: (body: { userId: string; provider: "oidc" | "saml"; subject: string }) => api.post<SsoLink>("/api/sso/links", body),
  unlink: (id: string) => api.delete<null>(`/api/sso/links/${id}`),
};

/** What the sign-in page says for each refusal code the server sends back (src/features/sso/refusals.ts). */
export const SSO_ERRORS: Record<string, string> = {
  "state-mismatch": "This sign-in did not start in this browser, was already used, or took too long. Start again with the button below.",
  "nonce-mismatch": "The identity provider's answer does not belong to this sign-in. Start again with the button below.",
  "pkce-mismatch": "The identity provider refused to finish this sign-in. Start again with the button below.",
  "wrong-issuer": "The sign-in came from an identity provider other than the one your district configured. Tell your district's system administrator.",
  "wrong-audience": "The identity provider's answer was meant for another application. Tell your district's system administrator.",
  "bad-signature": "The identity provider's answer was not signed by it, or was changed on the way. Start again; if it keeps happening, tell your district's system administrator.",
  expired: "The identity provider's answer has expired. Start again (and check this computer's clock).",
  replayed: "This sign-in answer was already used, or does not match a sign-in started here. Start again with the button below.",
  "idp-error": "The identity provider did not sign you in. Try again, or ask your district's system administrator.",
  "idp-unreachable": "The identity provider cannot be reached just now. Try again in a minute, or sign in with your password.",
  "domain-not-allowed": "Only your district's own accounts may sign in here. Sign in with your district account.",
  "no-subject": "The identity provider did not say who you are. Tell your district's system administrator.",
  "unlinked-user": "Your sign-in at the identity provider worked, but it is not linked to a Gatehouse account here. Ask your district's system administrator to link it, or sign in with your password and link it under My account.",
  "subject-linked-elsewhere": "That identity is already linked to another Gatehouse account. Ask your district's system administrator.",
  "account-disabled": "This account is disabled. Ask your district's system administrator.",
  "jit-no-username": "Your identity provider sent no usable username or email, so no account could be made for you. Ask your district's system administrator.",
  "jit-username-taken": "There is already an account with your username here that is not linked to this sign-in. Ask your district's system administrator to link it.",
  "account-setting-missing": "Linking an identity changes your account settings, which need W on the Account Setting tool (the All Campus Users group gives it). Ask your district's system administrator to add you to that group.",
  "invalid-response": "The sign-in could not be finished. Start again; if it keeps happening, tell your district's system administrator.",
};
