import cliProgress from "cli-progress";
import type { Progress } from "../platform/db/backup-postgres.js";
import { cli } from "./io.js";

/** A progress bar on the command's stderr (drawn only on a terminal, so pipes and logs stay clean). */
export function progressBar(label: string, unit: string): Progress {
  const bar = new cliProgress.SingleBar(
    { stream: cli().stderr as NodeJS.WritableStream, format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  return { start: (total) => bar.start(total, 0), increment: () => bar.increment(), stop: () => bar.stop() };
}
