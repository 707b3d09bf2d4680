import { Webhook } from "standardwebhooks";
import { outboundUrlProblem } from "../http/outbound-address.js";

export type WebhookMessage = { url: string; secret: string; messageId: string; payload: unknown };
export type WebhookResult = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; gone: boolean; error: string };
export type WebhookSender = (message: WebhookMessage, now: Date) => Promise<WebhookResult>;

const TIMEOUT_MS = 15_000;

const WEBHOOK_WORDING = {
  example: "https://example.org/gatehouse/webhooks",
  httpsWhy: "Use an https:// address: webhooks carry your district's changes.",
  credentialsWhy: "Leave the user name and password out of the address: every message is signed instead.",
  privateWhy: "webhooks go to the internet only (an operator can allow private addresses with WEBHOOK_ALLOW_PRIVATE_URLS=true).",
};

/** Why a URL may not receive webhooks, or null. Checked when it is saved and before every send. */
export const urlProblem = (url: string, allowPrivate: boolean) => outboundUrlProblem(url, allowPrivate, WEBHOOK_WORDING);

/**
 * Sends one message as Standard Webhooks describes: a JSON body, `webhook-id` (the same on every
 * retry), `webhook-timestamp` (seconds) and `webhook-signature` (v1, HMAC-SHA256 of
 * "id.timestamp.body" with the endpoint's secret). Redirects are not followed.
 */
export function createWebhookSender(options: { allowPrivate: boolean }): WebhookSender {
  return async (message, now) => {
    const problem = await urlProblem(message.url, options.allowPrivate);
    if (problem) return { ok: false, statusCode: null, gone: false, error: problem };
    const body = JSON.stringify(message.payload);
    const signature = new Webhook(message.secret).sign(message.messageId, now, body);
    try {
      const response = await fetch(message.url, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          "content-type": "application/json",
          "user-agent": "Gatehouse-Webhooks/1",
          "webhook-id": message.messageId,
          "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
          "webhook-signature": signature,
        },
        body,
      });
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status };
      return { ok: false, statusCode: response.status, gone: response.status === 410, error: `The receiver answered HTTP ${response.status}.` };
    } catch (error) {
      const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
      const why = e.name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (e.cause?.code ?? e.cause?.message ?? e.message ?? String(error));
      return { ok: false, statusCode: null, gone: false, error: `Could not deliver: ${why}.` };
    }
  };
}
