import { randomBytes } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import selfsigned from "selfsigned";
import { SignedXml } from "xml-crypto";

export type TestSamlIdp = { entityId: string; ssoUrl: string; privateKey: string; certificate: string; metadataXml: string };

/** A SAML IdP's key, certificate (valid `days`) and metadata, as Entra or Google would publish. */
export function makeSamlIdp(options: { entityId?: string; days?: number; ssoUrl?: string } = {}): TestSamlIdp {
  const entityId = options.entityId ?? "https://idp.test.example/saml";
  const ssoUrl = options.ssoUrl ?? "https://idp.test.example/saml/sso";
  const pems = selfsigned.generate([{ name: "commonName", value: "Test IdP" }], { keySize: 2048, days: options.days ?? 365, algorithm: "sha256" });
  const bare = pems.cert.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, "");
  const metadataXml = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${bare}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
  return { entityId, ssoUrl, privateKey: pems.private, certificate: pems.cert, metadataXml };
}

/** The AuthnRequest id in the redirect Gatehouse sent the browser to. */
export function authnRequestId(location: string): string {
  const request = new URL(location).searchParams.get("SAMLRequest")!;
  const xml = inflateRawSync(Buffer.from(request, "base64")).toString("utf8");
  return /\sID="([^"]+)"/.exec(xml)![1]!;
}

type ResponseSpec = {
  idp: TestSamlIdp;
  nameId: string;
  audience: string;
  acsUrl: string;
  inResponseTo?: string;
  issuer?: string;
  notOnOrAfter?: Date;
  signWith?: string;
  email?: string;
};

/** A SAML Response whose assertion is signed (enveloped, exclusive c14n, RSA-SHA256) by the IdP's key. */
export function signedResponse(spec: ResponseSpec): string {
  const now = new Date();
  const until = (spec.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000)).toISOString();
  const issuer = spec.issuer ?? spec.idp.entityId;
  const irt = spec.inResponseTo ? ` InResponseTo="${spec.inResponseTo}"` : "";
  const id = () => `_${randomBytes(16).toString("hex")}`;
  const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id()}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${spec.acsUrl}"${irt}><saml:Issuer>${issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="${id()}" Version="2.0" IssueInstant="${now.toISOString()}"><saml:Issuer>${issuer}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${spec.nameId}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${spec.acsUrl}"${irt}/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${new Date(now.getTime() - 60_000).toISOString()}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${spec.audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="${id()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement><saml:Attribute Name="http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"><saml:AttributeValue>${spec.email ?? `${spec.nameId}@district.example`}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>`;
  const sig = new SignedXml({
    privateKey: spec.signWith ?? spec.idp.privateKey,
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
  });
  sig.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"],
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
  });
  sig.computeSignature(xml, { location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: "after" } });
  return Buffer.from(sig.getSignedXml()).toString("base64");
}
