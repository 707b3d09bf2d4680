import { isApiError } from "../../api.js";

/**
 * The server refuses an until that has already passed unless the request confirms it: ask the
 * person, with the server's own sentence, and send again with the confirmation only if they
 * mean it. Declining leaves the refusal for the screen to show.
 */
export async function confirmingPastUntil<T>(send: (confirmPastUntil: boolean) => Promise<T>, ask: (message: string) => boolean = (m) => window.confirm(m)): Promise<T> {
  try {
    return await send(false);
  } catch (e) {
    if (isApiError(e) && e.code === "past-until" && ask(`${e.detail}\n\nSave with this date anyway?`)) return send(true);
    throw e;
  }
}
