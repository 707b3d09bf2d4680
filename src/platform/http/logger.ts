import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from "fastify";
import { pino } from "pino";
import { createRequire } from "node:module";
import type PinoPretty from "pino-pretty";
import type { Config } from "../config.js";

export type LogStream = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * The server's logger: readable lines in a terminal, JSON lines otherwise (for a log collector).
 * Both write synchronously on the main thread, so start-up logs come before the banner.
 */
export function createLogger(config: Pick<Config, "logLevel">, stream: LogStream = process.stdout): FastifyBaseLogger {
  if (!stream.isTTY || config.logLevel === "silent") return pino({ level: config.logLevel }, stream);
  // Loaded only for a terminal: a server logging JSON to a collector never loads it.
  const prettyStream = createRequire(import.meta.url)("pino-pretty") as typeof PinoPretty;
  const pretty = prettyStream({ destination: stream, sync: true, colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" });
  return pino({ level: config.logLevel }, pretty);
}

/**
 * One access line per request, instead of Fastify's two: method, path (without the query string,
 * which may carry a token), status and duration in ms; the request id comes from the request's
 * child logger. Under LOG_LEVEL=warn or above pino drops it before building anything.
 */
export class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const q = request.url.indexOf("?");
    const line = { method: request.method, url: q < 0 ? request.url : request.url.slice(0, q), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, "request errored");
    else request.log.info(line, "request");
  }
}
