import { PassThrough } from "node:stream";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { AccessLog, createLogger, type LogStream } from "./logger.js";

function capture(isTTY: boolean): { stream: LogStream; lines: () => string[] } {
  const stream = Object.assign(new PassThrough(), { isTTY });
  const chunks: string[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c.toString()));
  return { stream, lines: () => chunks.join("").split("\n").filter(Boolean) };
}

async function serveOnce(isTTY: boolean, url: string) {
  const out = capture(isTTY);
  const app = Fastify({ loggerInstance: createLogger({ logLevel: "info" }, out.stream), logController: new AccessLog() });
  app.get("/ping", async () => ({ ok: true }));
  await app.inject({ method: "GET", url, headers: {} });
  await app.close();
  await new Promise((r) => setImmediate(r));
  return out.lines();
}

describe("the server's logs", () => {
  it("write one JSON access line per request with method, path, status, duration and request id", async () => {
    const lines = (await serveOnce(false, "/ping?token=secret")).map((l) => JSON.parse(l));
    const access = lines.filter((l) => l.msg === "request");
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ method: "GET", url: "/ping", status: 200, level: 30 });
    expect(typeof access[0].ms).toBe("number");
    expect(typeof access[0].reqId).toBe("string");
    expect(lines.some((l) => /incoming request|request completed/.test(l.msg))).toBe(false);
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("are readable lines, not JSON, in a terminal", async () => {
    const lines = await serveOnce(true, "/nowhere");
    const access = lines.filter((l) => l.includes("request"));
    expect(access.length).toBeGreaterThan(0);
    expect(lines.every((l) => !l.startsWith("{"))).toBe(true);
    expect(lines.join("\n")).toContain("/nowhere");
    expect(lines.join("\n")).toContain("404");
  });
});
