import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { sisApi, sisKeys } from "./sis-api.js";

/** This user's level on each student-data tool they can read ("R" … "RWAD"), from GET /api/sis/tools. */
export function useSisTools() {
  const query = useQuery({ queryKey: sisKeys.tools, queryFn: sisApi.tools, staleTime: 30_000 });
  const levels = useMemo(() => new Map((query.data?.tools ?? []).map((t) => [t.tool, t.level])), [query.data]);
  return { ...query, levels };
}
