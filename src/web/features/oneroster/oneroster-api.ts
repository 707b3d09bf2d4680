import { api } from "../../api.js";

export type Tally = { created: number; changed: number; ended: number; unchanged: number };
export type ImportSummary = Record<"schools" | "schoolYears" | "calendars" | "staff" | "students" | "staffAssignments" | "enrollments" | "links", Tally>;
export type ImportResult = { dryRun: boolean; summary: ImportSummary; automation: { ran: boolean; actions: number } };
export type ImportProblem = { file: string; row: number; column: string; reason: string };
/** An import running on the server: its stages as they pass (the current one last), then its result. */
export type ImportJob = {
  id: string;
  state: "running" | "done" | "invalid" | "failed";
  dryRun: boolean;
  stages: { name: string; done: number; total: number }[];
  startedAt: string;
  finishedAt: string | null;
  result: ImportResult | null;
  problems: ImportProblem[] | null;
  problemTotal: number;
  error: string | null;
};
export type Mapping = { kind: "school" | "role"; key: string; groupId: string; groupName?: string };
export type Run = { id: string; source: string; actorName: string | null; ranAt: string; actions: { username: string; action: string; detail: string }[] };

export const onerosterKeys = { mappings: ["staff-automation", "mappings"] as const, runs: ["staff-automation", "runs"] as const, importJob: (id: string) => ["oneroster", "imports", id] as const };

export const onerosterApi = {
  startImport: (zipBase64: string, dryRun: boolean) => api.post<ImportJob>("/api/oneroster/imports", { zipBase64, dryRun }),
  importJob: (id: string) => api.get<ImportJob>(`/api/oneroster/imports/${id}`),
  mappings: () => api.get<{ mappings: Mapping[] }>("/api/staff-automation/mappings"),
  saveMappings: (mappings: Mapping[]) => api.put<{ mappings: Mapping[] }>("/api/staff-automation/mappings", { mappings: mappings.map(({ kind, key, groupId }) => ({ kind, key, groupId })) }),
  runs: () => api.get<{ runs: Run[] }>("/api/staff-automation/runs"),
};

/** Reads a file as base64, reporting how much is read (the first half of the progress bar). */
export function readAsBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.readAsDataURL(file);
  });
}
