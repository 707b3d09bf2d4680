import dgram from "node:dgram";
import net from "node:net";
import type { ForwardFormat } from "./format-entry.js";

export type AuditSender = { send(messages: string[]): Promise<void>; close(): Promise<void> };

/**
 * udp://host:port: one datagram per message. tcp://host:port: one connection kept open, syslog
 * messages framed by octet counting (RFC 6587), JSON lines by newline; a broken connection is
 * opened again on the next send.
 */
export function createAuditSender(url: string, format: ForwardFormat): AuditSender {
  const { protocol, hostname, port } = new URL(url);
  if (protocol === "udp:") {
    const socket = dgram.createSocket(hostname.includes(":") ? "udp6" : "udp4");
    return {
      send: async (messages) => {
        for (const m of messages) await new Promise<void>((resolve, reject) => socket.send(m, Number(port), hostname, (e) => (e ? reject(e) : resolve())));
      },
      close: () => new Promise((resolve) => socket.close(() => resolve())),
    };
  }
  let conn: net.Socket | null = null;
  const connect = () =>
    new Promise<net.Socket>((resolve, reject) => {
      const c = net.connect(Number(port), hostname.replace(/^\[|\]$/g, ""));
      c.once("connect", () => resolve(c));
      c.once("error", reject);
      c.on("close", () => {
        if (conn === c) conn = null;
      });
    });
  const frame = (m: string) => (format === "json" ? `${m}\n` : `${Buffer.byteLength(m)} ${m}`);
  return {
    send: async (messages) => {
      conn ??= await connect();
      const c = conn;
      await new Promise<void>((resolve, reject) => c.write(messages.map(frame).join(""), (e) => (e ? reject(e) : resolve())));
    },
    close: async () => {
      conn?.end();
      conn = null;
    },
  };
}
