import { z } from "zod";
import { API_TOKEN_SCOPES } from "../../platform/db/schema/api-tokens.js";

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 730;

export const ZScope = z.enum(API_TOKEN_SCOPES);

export const ZCreateToken = z.object({
  serviceAccount: z.string().trim().min(2).max(64).describe("the service account's username; created when the district has none by that name"),
  scopes: z.array(ZScope).min(1).max(3),
  expiresInDays: z.int32().min(1).max(MAX_TOKEN_DAYS).default(DEFAULT_TOKEN_DAYS),
});
export type CreateToken = z.input<typeof ZCreateToken>;

export const ZTokenSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  serviceAccountId: z.uuid(),
  serviceAccount: z.string(),
  hint: z.string().describe("the token's last four characters"),
  scopes: z.array(ZScope),
  createdAt: z.date(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
});

export const ZCreatedToken = z.object({
  token: z.string().describe("the secret, shown this once: Gatehouse keeps only its hash"),
  summary: ZTokenSummary,
});

export const ZServiceAccount = z.object({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  productSecurityRole: z.string(),
  createdAt: z.date(),
  activeTokens: z.number(),
});
