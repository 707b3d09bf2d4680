import { z } from "zod";

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, "Enter your current password"),
  newPassword: z.string().min(1, "Enter a new password").max(500),
});

export const ZSessionInfo = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  expiresAt: z.date(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
});

export const ZMfaSetup = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export const ZMfaConfirm = z.object({ code: z.string().trim().min(6).max(10) });
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
/** What changing a second factor asks for when MFA is on: the password and a current or recovery code. */
export const ZMfaProof = z.object({
  password: z.string().max(500).optional(),
  code: z.string().trim().max(32).optional().describe("6-digit code from the current authenticator, or a recovery code"),
});
export type MfaProof = z.infer<typeof ZMfaProof>;
