/**
 * The admin socket's protocol: newline-delimited JSON. The CLI sends one request; the server
 * answers with output frames in the order the command wrote them, then one exit frame.
 */
export type AdminRequest = {
  /** The command line after `gatehouse`, e.g. ["contacts", "sweep", "--json"]. */
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  stdout: { isTTY: boolean; columns: number | null };
  stderr: { isTTY: boolean; columns: number | null };
};

export type AdminFrame = { t: "out"; d: string } | { t: "err"; d: string } | { t: "exit"; code: number };

/** Splits a byte stream into JSON lines. */
export function jsonLines<T>(onLine: (value: T) => void): (chunk: Buffer | string) => void {
  let buffered = "";
  return (chunk) => {
    buffered += chunk.toString();
    let end: number;
    while ((end = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      if (line) onLine(JSON.parse(line) as T);
    }
  };
}
