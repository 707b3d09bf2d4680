import { ApiError } from "../../api.js";

/** Uploads one file as multipart/form-data (the JSON api helper cannot), with the session's CSRF token. */
export async function uploadFile(url: string, file: File, csrfToken: string): Promise<void> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", credentials: "same-origin", headers: { "x-csrf-token": csrfToken, accept: "application/json" }, body: form });
  } catch {
    throw new ApiError(0, { code: "network-error", detail: "Gatehouse could not be reached. Check your connection and try again." });
  }
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => ({}))) as Record<string, unknown>);
}

/** The server's limit (src/features/support/file-type.ts), checked here so a large file is not sent at all. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ALLOWED = ["pdf", "png", "jpg", "jpeg", "gif", "txt", "log", "csv", "docx", "xlsx", "zip"];

/** Why a file will be refused, in a sentence, or null: checked before the case or the upload is sent. */
export function attachmentProblem(file: File): string | null {
  const extension = file.name.includes(".") ? file.name.split(".").pop()!.toLowerCase() : "";
  if (!ALLOWED.includes(extension)) return `"${file.name}" cannot be attached: attach one of these file types: ${ALLOWED.join(", ")}.`;
  if (file.size > MAX_ATTACHMENT_BYTES) return `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; attachments can be at most 10 MB. Make it smaller or split it.`;
  return null;
}

/** Every problem of a set of files, one sentence each, or null when all can be attached. */
export function attachmentsProblem(files: File[]): string | null {
  const problems = files.map(attachmentProblem).filter((p): p is string => p !== null);
  return problems.length ? problems.join(" ") : null;
}
