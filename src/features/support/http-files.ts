import type {} from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../platform/http/errors.js";
import { MAX_ATTACHMENT_BYTES } from "./file-type.js";

const tooLarge = () => new AppError(413, "attachment-too-large", `Attachments can be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, { path: "body.file" });
/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads the one file of a multipart upload; a file over the limit is refused, not truncated. A
 * request that says it is larger than the limit is refused before any of it is read, and one
 * that does not say is cut off as soon as the file passes the limit.
 */
export async function readUpload(request: FastifyRequest): Promise<{ fileName: string; data: Buffer }> {
  if (!request.isMultipart()) throw new AppError(415, "multipart-required", "Upload the file as multipart/form-data in a field named \"file\".", { path: "body.file" });
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD_BYTES) throw tooLarge();
  const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
  if (!part) throw new AppError(400, "file-missing", "Choose a file to attach.", { path: "body.file" });
  try {
    return { fileName: part.filename, data: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    throw error;
  }
}

/**
 * Sends a stored file as a download: never rendered inline, never sniffed into another type,
 * and sandboxed should a browser open it anyway.
 */
export function sendAttachment(reply: FastifyReply, file: { fileName: string; contentType: string; content: Buffer; sha256: string }) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; sandbox")
    .header("cache-control", "private, no-store")
    .header("etag", `"${file.sha256}"`)
    .send(file.content);
}
