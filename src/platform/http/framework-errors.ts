import type { Socket } from "node:net";
import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";

/**
 * Fastify's and Node's own failures, in Gatehouse's words: a stable code a client may switch on
 * and a sentence that says what to do. Anything not listed keeps Fastify's message.
 */
export const FRAMEWORK_PROBLEMS: Record<string, { code: string; path: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "body-too-large", path: "body", detail: "The request body is larger than the API takes (12 MiB); send less at once." },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "unsupported-media-type", path: "headers.content-type", detail: "Send the body as application/json (attachments as multipart/form-data)." },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "invalid-json", path: "body", detail: "The body is not valid JSON." },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "invalid-json", path: "body", detail: "The body is empty but says it is JSON: send a JSON value or no content-type." },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "bad-content-length", path: "headers.content-length", detail: "The Content-Length header does not match the body." },
  FST_ERR_MAX_PARAM_LENGTH: { code: "path-too-long", path: "params", detail: "A part of the path is longer than 100 characters; no identifier is that long." },
  FST_ERR_BAD_URL: { code: "bad-url", path: "url", detail: "The path is not a valid URL: check its percent-encoding." },
};

const CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: "headers-too-large", detail: "The request's headers are larger than the server takes (16 KiB); send fewer or smaller cookies and headers." },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: "request-timeout", detail: "The request took too long to arrive." },
};

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (oversized headers, a
 * malformed request line); they get the same problem+json shape, written on the raw socket.
 */
export function writeClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const p = CLIENT_ERRORS[err.code ?? ""] ?? { status: 400, code: "bad-request", detail: "The request could not be read as HTTP." };
  const requestId = randomUUID();
  const body = JSON.stringify({ status: p.status, code: p.code, detail: p.detail, type: `about:blank#${p.code}`, title: STATUS_CODES[p.status], requestId });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
