import { AppError } from "../../platform/http/errors.js";
import { isCertificate, toPem } from "./sp-keys.js";

const MD = "urn:oasis:names:tc:SAML:2.0:metadata";
const DS = "http://www.w3.org/2000/09/xmldsig#";
const REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

export type IdpMetadata = { entityId: string; ssoUrl: string; certificates: string[] };

const invalid = (why: string) =>
  new AppError(422, "saml-metadata-invalid", `The identity provider's metadata cannot be used: ${why}. Paste the federation metadata XML your IdP offers for this application.`, { path: "body.saml.idpMetadataXml" });

/**
 * The three things Gatehouse needs from an IdP's metadata: its entity id, where to send the
 * AuthnRequest (HTTP-Redirect binding) and the certificates it signs with.
 */
export async function parseIdpMetadata(xml: string): Promise<IdpMetadata> {
  const { DOMParser } = await import("@xmldom/xmldom"); // loaded when SAML is configured, not at start-up
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: (level: string, message: unknown) => void (level !== "warning" && errors.push(String(message))) }).parseFromString(xml, "text/xml");
  if (errors.length > 0 || !doc?.documentElement) throw invalid("it is not well-formed XML");
  const entity = doc.documentElement.localName === "EntityDescriptor" ? doc.documentElement : doc.getElementsByTagNameNS(MD, "EntityDescriptor")[0];
  const entityId = entity?.getAttribute("entityID");
  if (!entity || !entityId) throw invalid("it has no EntityDescriptor with an entityID");
  const idp = entity.getElementsByTagNameNS(MD, "IDPSSODescriptor")[0];
  if (!idp) throw invalid("it describes no identity provider (no IDPSSODescriptor)");
  const services = Array.from(idp.getElementsByTagNameNS(MD, "SingleSignOnService"));
  const ssoUrl = services.find((s) => s.getAttribute("Binding") === REDIRECT)?.getAttribute("Location");
  if (!ssoUrl) throw invalid("it offers no SingleSignOnService with the HTTP-Redirect binding");
  const certificates = Array.from(idp.getElementsByTagNameNS(MD, "KeyDescriptor"))
    .filter((k) => (k.getAttribute("use") ?? "signing") === "signing")
    .flatMap((k) => Array.from(k.getElementsByTagNameNS(DS, "X509Certificate")))
    .map((c) => toPem(c.textContent ?? ""))
    .filter(isCertificate);
  if (certificates.length === 0) throw invalid("it lists no signing certificate");
  return { entityId, ssoUrl, certificates: [...new Set(certificates)] };
}
