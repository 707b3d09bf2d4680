import { describe, expect, it } from "vitest";
import { makeSamlIdp } from "../../../test/support/saml-idp.js";
import { parseIdpMetadata } from "./idp-metadata.js";
import { describeCertificate } from "./sp-keys.js";

describe("IdP metadata", () => {
  it("reads the entity id, the HTTP-Redirect sign-on URL and the signing certificates, with the default namespace Entra uses", async () => {
    const idp = makeSamlIdp({ entityId: "https://sts.windows.net/tenant-id/" });
    const entraStyle = idp.metadataXml.replace(/md:/g, "").replace('xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"', 'xmlns="urn:oasis:names:tc:SAML:2.0:metadata"');
    for (const xml of [idp.metadataXml, entraStyle]) {
      const meta = await parseIdpMetadata(xml);
      expect(meta).toMatchObject({ entityId: "https://sts.windows.net/tenant-id/", ssoUrl: idp.ssoUrl });
      expect(meta.certificates).toHaveLength(1);
      expect(meta.certificates[0]!.replace(/\s/g, "")).toBe(idp.certificate.replace(/\s/g, ""));
    }
  });

  it("refuses metadata without a Redirect sign-on service or a certificate, and what is not XML", async () => {
    const idp = makeSamlIdp();
    await expect(parseIdpMetadata(idp.metadataXml.replace("HTTP-Redirect", "HTTP-POST"))).rejects.toThrow(/HTTP-Redirect/);
    await expect(parseIdpMetadata(idp.metadataXml.replace(/<md:KeyDescriptor[\s\S]*<\/md:KeyDescriptor>/, ""))).rejects.toThrow(/no signing certificate/);
    await expect(parseIdpMetadata("<not xml")).rejects.toThrow(/cannot be used/);
  });

  it("warns within 30 days of a certificate's end, and says when it has ended", () => {
    const { certificate } = makeSamlIdp({ days: 365 });
    const validTo = Date.parse(describeCertificate(certificate, new Date(), "identity provider's").validTo);
    expect(describeCertificate(certificate, new Date(validTo - 31 * 86_400_000), "identity provider's").warning).toBeNull();
    expect(describeCertificate(certificate, new Date(validTo - 29 * 86_400_000), "identity provider's").warning).toMatch(/expires on .* \(in 29 days\)/);
    expect(describeCertificate(certificate, new Date(validTo + 86_400_000), "Gatehouse's").warning).toMatch(/Gatehouse's signing certificate expired/);
  });
});
