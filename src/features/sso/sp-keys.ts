import { X509Certificate } from "node:crypto";

/** The SP's signing key and self-signed certificate: one per district, made when SAML is first saved. */
export async function generateSpKeyPair(districtSlug: string): Promise<{ privateKey: string; certificate: string }> {
  const { default: selfsigned } = await import("selfsigned"); // node-forge: loaded when SAML is first saved, not at start-up
  return new Promise((resolve, reject) => {
    selfsigned.generate(
      [{ name: "commonName", value: `Gatehouse SAML ${districtSlug}` }],
      { keySize: 2048, days: 3650, algorithm: "sha256" },
      (err, pems) => (err ? reject(err) : resolve({ privateKey: pems.private, certificate: pems.cert })),
    );
  });
}

export type CertificateInfo = { subject: string; validTo: string; expiresInDays: number; warning: string | null };

/** Days left is what the screen warns on: within 30 days an administrator must act. */
export const CERTIFICATE_WARNING_DAYS = 30;

export function describeCertificate(pem: string, now: Date, whose: "identity provider's" | "Gatehouse's"): CertificateInfo {
  const cert = new X509Certificate(pem);
  const validTo = new Date(cert.validTo);
  const expiresInDays = Math.floor((validTo.getTime() - now.getTime()) / 86_400_000);
  const warning =
    expiresInDays < 0
      ? `The ${whose} signing certificate expired on ${validTo.toISOString().slice(0, 10)}: SAML sign-in fails until it is replaced.`
      : expiresInDays <= CERTIFICATE_WARNING_DAYS
        ? `The ${whose} signing certificate expires on ${validTo.toISOString().slice(0, 10)} (in ${expiresInDays} days). Replace it before then, or SAML sign-in stops working.`
        : null;
  return { subject: cert.subject, validTo: validTo.toISOString(), expiresInDays, warning };
}

/** A certificate as PEM whether it came as PEM or as the bare base64 of metadata's X509Certificate. */
export function toPem(certificate: string): string {
  const body = certificate.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

export function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}
