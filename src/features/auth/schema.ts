import { z } from "zod";

export const ZSignIn = z.object({
  district: z.string().trim().min(1).max(100).optional().describe("District slug; omit for vendor support staff"),
  username: z.string().trim().min(1, "Enter your username").max(100),
  password: z.string().min(1, "Enter your password").max(500),
});
export type SignIn = z.infer<typeof ZSignIn>;

export const ZSessionStage = z.enum(["mfa", "mfa-enrol", "active"]);

export const ZSignInResult = z.object({ stage: ZSessionStage });

export const ZMfaCode = z.object({ code: z.string().trim().min(6).max(32).describe("6-digit authenticator code or a recovery code") });

export const ZMe = z.object({
  stage: ZSessionStage,
  csrfToken: z.string(),
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    kind: z.enum(["district", "vendor"]),
    productSecurityRole: z.enum(["none", "student-information-system", "sis-group-assignment"]),
    mfaEnabled: z.boolean(),
    mfaRequired: z.boolean().describe("vendor staff and authorized contacts must keep MFA on; the web app offers no way to turn it off"),
  }),
  district: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  /** Set while previewing as `user`: who is really signed in, and since when. */
  preview: z.object({ by: z.object({ id: z.string(), username: z.string(), displayName: z.string() }), startedAt: z.date() }).nullish(),
});
