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
