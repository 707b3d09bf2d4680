import { AppError } from "../../platform/http/errors.js";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

type FileKind = { contentType: string; matches: (data: Buffer) => boolean };

const startsWith = (...bytes: number[]) => (data: Buffer) => bytes.every((b, i) => data[i] === b);
const zip = startsWith(0x50, 0x4b, 0x03, 0x04);
function text(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * What may be attached, by file extension, each with the bytes it must start with. The stored
 * content type comes from this table, never from the browser, and HTML, SVG and scripts are
 * not accepted at all, so a download can never run in Gatehouse's origin.
 */
const KINDS: Record<string, FileKind> = {
  pdf: { contentType: "application/pdf", matches: startsWith(0x25, 0x50, 0x44, 0x46, 0x2d) },
  png: { contentType: "image/png", matches: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  jpg: { contentType: "image/jpeg", matches: startsWith(0xff, 0xd8, 0xff) },
  jpeg: { contentType: "image/jpeg", matches: startsWith(0xff, 0xd8, 0xff) },
  gif: { contentType: "image/gif", matches: startsWith(0x47, 0x49, 0x46, 0x38) },
  txt: { contentType: "text/plain; charset=utf-8", matches: text },
  log: { contentType: "text/plain; charset=utf-8", matches: text },
  csv: { contentType: "text/csv; charset=utf-8", matches: text },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", matches: zip },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", matches: zip },
  zip: { contentType: "application/zip", matches: zip },
};

export const ALLOWED_EXTENSIONS = Object.keys(KINDS);

/** The checked content type of an upload, or a 415/413/400 that says what was wrong. */
export function checkAttachment(fileName: string, data: Buffer): { fileName: string; contentType: string } {
  const name = fileName.replace(/[\\/]/g, "_").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(-200);
  const extension = name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
  const kind = KINDS[extension];
  if (!name || !kind) {
    throw new AppError(415, "attachment-type-not-allowed", `Attach one of these file types: ${ALLOWED_EXTENSIONS.join(", ")}.`, { path: "body.file" });
  }
  if (data.length === 0) throw new AppError(400, "attachment-empty", `"${name}" is empty.`, { path: "body.file" });
  if (data.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(413, "attachment-too-large", `Attachments can be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, { path: "body.file" });
  }
  if (!kind.matches(data)) {
    throw new AppError(415, "attachment-content-mismatch", `"${name}" does not contain what a .${extension} file should. Check that you picked the right file.`, { path: "body.file" });
  }
  return { fileName: name, contentType: kind.contentType };
}
