import type { CustomFetch } from "openid-client";
import { outboundUrlProblem } from "../../platform/http/outbound-address.js";

/**
 * Why Gatehouse may not fetch from this identity-provider address (the OIDC issuer, its keys and
 * token endpoint, a SAML metadata URL), or null. An address a district gives must not reach into
 * the network Gatehouse runs in (server-side request forgery), so loopback, private and
 * link-local addresses, and plain http, are refused unless the operator sets
 * SSO_ALLOW_PRIVATE_URLS=true (an IdP inside their own network, or the tests' IdP on 127.0.0.1).
 */
export async function idpUrlProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  return outboundUrlProblem(url, allowPrivate, {
    example: "https://login.example.org/",
    httpsWhy: `Use an https:// address for the identity provider (${url}).`,
    credentialsWhy: "Leave the user name and password out of the identity provider's address.",
    privateWhy: "Gatehouse reaches identity providers on the internet only (an operator can allow private addresses with SSO_ALLOW_PRIVATE_URLS=true).",
  });
}

export class IdpAddressRefused extends Error {}

/** fetch for openid-client: every request it makes (discovery, JWKS, token endpoint) is checked first. */
export function guardedIdpFetch(allowPrivate: boolean): CustomFetch {
  return async (url, options) => {
    const problem = await idpUrlProblem(url, allowPrivate);
    if (problem) throw new IdpAddressRefused(problem);
    return fetch(url, { ...options, redirect: "manual" } as RequestInit);
  };
}
