import type { Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport/index.js";

export type OutgoingMessage = { id: string; to: string; subject: string; text: string; html: string };

/** Sends one message; resolves when the SMTP server accepted it, rejects with nodemailer's error. */
export type MailSender = { send(message: OutgoingMessage): Promise<void>; close(): void };

/**
 * The Message-ID every attempt of one outbox row carries. If a message is sent again after a
 * crash between the server's accept and our "sent" mark, receivers can drop the duplicate.
 */
export function messageIdFor(outboxId: string): string {
  return `<${outboxId}@gatehouse.outbox>`;
}

/** A nodemailer SMTP sender for SMTP_URL (smtp:// or smtps://, credentials in the URL). */
export function createSmtpSender(smtpUrl: string, from: string): MailSender {
  const options: SMTPTransport.Options & { url: string } = {
    url: smtpUrl,
    // Together well under the delivery lease (delivery-policy.ts), so a slow server cannot
    // keep a send going after another sender may have reclaimed the message.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  };
  // nodemailer is loaded at the first send, not at start-up.
  let transport: Promise<Transporter> | null = null;
  const connect = () => (transport ??= import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(options)));
  return {
    send: async (m) => {
      await (await connect()).sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: messageIdFor(m.id) });
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
