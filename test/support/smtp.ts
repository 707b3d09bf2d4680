import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string; messageId: string | null };

/**
 * A real SMTP server on localhost for delivery tests. `refuse` decides, per recipient, an SMTP
 * reply code to refuse it with (e.g. 550 permanent, 451 try later); null accepts. `hold` never
 * answers a message's DATA, so a test can kill the sender mid-delivery; `holding` resolves when
 * the first message is held.
 */
export async function startSmtpServer(options: { port?: number; refuse?: (to: string) => number | null; hold?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  let held: () => void = () => undefined;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = options.refuse?.(address.address) ?? null;
      if (code === null) return callback();
      const error = Object.assign(new Error(code >= 500 ? "Mailbox does not exist" : "Mailbox busy, try again later"), { responseCode: code });
      return callback(error);
    },
    onData(stream, session, callback) {
      if (options.hold) {
        stream.resume();
        held();
        return; // no reply: the sender waits mid-delivery
      }
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        const messageId = /^message-id:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null;
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, messageId });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    holding,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
