/** Shapes of the outbox API (src/features/outbox/schema.ts). Dates arrive as ISO strings. */
export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

export type OutboxItem = {
  id: string;
  createdAt: string;
  district: string | null;
  kind: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
};

export type OutboxPage = { smtpConfigured: boolean; counts: Record<OutboxStatus, number>; total: number; items: OutboxItem[]; nextCursor: string | null };
export type OutboxMessage = OutboxItem & { text: string; html: string; messageId: string };

export const STATUS_COLORS: Record<OutboxStatus, string> = { pending: "blue", sending: "violet", sent: "green", failed: "red" };

export function formatMoment(iso: string | null): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString("en-US", { month: "short", day: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit" });
}
