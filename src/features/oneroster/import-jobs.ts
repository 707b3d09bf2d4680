import { randomUUID } from "node:crypto";
import type { Problem } from "../../domain/oneroster/csv-files.js";
import type { SetSource } from "../../domain/oneroster/parse-set.js";
import type { Db } from "../../platform/db/connect.js";
import type { DistrictScope } from "../../platform/db/tenancy.js";
import { AppError } from "../../platform/http/errors.js";
import { importRunning } from "./import-lock.js";
import { importOneRoster, type ImportProgress, type ImportResult } from "./import-oneroster.js";

export type ImportStage = { name: string; done: number; total: number };
/** An import running in this server process, or finished here in the last hour. */
export type ImportJob = {
  id: string;
  districtId: string;
  state: "running" | "done" | "invalid" | "failed";
  dryRun: boolean;
  /** every stage so far, the current one last, with its rows done of its total (0: not known ahead) */
  stages: ImportStage[];
  startedAt: Date;
  finishedAt: Date | null;
  result: Extract<ImportResult, { ok: true }> | null;
  problems: Problem[] | null;
  error: string | null;
};
/** `onProgress`: told of every stage too (the CLI's bar); `onFailure`: the cause of a failed import, for the log. */
type Options = { dryRun: boolean; by: { id: string; name: string } | null; now: Date; onProgress?: ImportProgress; onFailure?: (error: unknown) => void };

const KEPT_FOR_MS = 60 * 60 * 1000;
/** By id. One process's imports: the web uploads and the CLI commands sent through its admin socket. */
const jobs = new Map<string, ImportJob>();

/** The running import of a district, if any. */
const runningIn = (districtId: string) => [...jobs.values()].find((j) => j.districtId === districtId && j.state === "running");

/**
 * Starts an import in the background and returns its job at once; its stages and counts are kept
 * on the job as it runs. A second import of a district while one runs is refused (409).
 */
export function startImportJob(db: Db, scope: DistrictScope, source: SetSource, options: Options): { job: ImportJob; finished: Promise<ImportJob> } {
  const now = Date.now();
  for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt.getTime() > KEPT_FOR_MS) jobs.delete(id);
  const busy = runningIn(scope.districtId);
  if (busy) {
    const stage = busy.stages.at(-1);
    throw importRunning(busy.startedAt, stage ? `, now ${stage.name}` : "", busy.id);
  }
  const job: ImportJob = { id: randomUUID(), districtId: scope.districtId, state: "running", dryRun: options.dryRun, stages: [], startedAt: new Date(now), finishedAt: null, result: null, problems: null, error: null };
  jobs.set(job.id, job);
  const onProgress = (name: string, done: number, total: number) => {
    const last = job.stages.at(-1);
    if (last?.name === name) (last.done = done), (last.total = total);
    else job.stages.push({ name, done, total });
    options.onProgress?.(name, done, total);
  };
  const finished = importOneRoster(db, scope, source, { dryRun: options.dryRun, by: options.by, now: options.now, onProgress })
    .then((result) => {
      if (result.ok) (job.state = "done"), (job.result = result);
      else (job.state = "invalid"), (job.problems = result.problems);
    })
    .catch((error: unknown) => {
      job.state = "failed";
      // another server's import of the district, say, is worded for the person who started this one
      job.error = error instanceof AppError && error.status < 500 ? error.message : "The import failed on the server and nothing was changed (its transaction was rolled back). The server's log has the cause.";
      options.onFailure?.(error);
    })
    .then(() => {
      job.finishedAt = new Date();
      return job;
    });
  return { job, finished };
}

/** A job of this district (another district's is not found). */
export function findImportJob(scope: DistrictScope, id: string): ImportJob | undefined {
  const job = jobs.get(id);
  return job && job.districtId === scope.districtId ? job : undefined;
}
