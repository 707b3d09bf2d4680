import { useQuery } from "@tanstack/react-query";
import { api } from "../../api.js";
import { buildTree, type Tree } from "./rights-tree.js";
import { keys } from "./security-api.js";

/** A catalog node as GET /api/catalog lists it (parents before children). */
export type CatalogNodeDto = {
  path: string;
  label: string;
  parentPath: string | null;
  calendarScoped: boolean;
  federallyProtected: boolean;
  districtProtected: boolean;
  allOrNothing: boolean;
  dangerous: { right: "R" | "W" | "A" | "D"; reason: string } | null;
};

export type CatalogDto = { version: number; tools: CatalogNodeDto[] };

export function treeFromCatalog(catalog: CatalogDto): Tree {
  return buildTree(catalog.tools.map(({ parentPath, path, label, calendarScoped, federallyProtected, districtProtected, allOrNothing, dangerous }) => ({
      path,
      label,
      parent: parentPath,
      calendarScoped,
      federallyProtected,
      districtProtected,
      allOrNothing,
      dangerous,
    })),);
}

/** The tool catalog as the editor's tree; it changes only with a release, so it is fetched once. */
export function useCatalogTree() {
  return useQuery({
    queryKey: keys.catalog,
    queryFn: async () => {
      const catalog = await api.get<CatalogDto>("/api/catalog");
      // an empty answer would draw an empty editor that looks like "no tools exist"
      if (catalog.tools.length === 0) throw new Error("The server has not loaded its tool catalog yet. Reload the page in a moment; if it stays empty, tell your Gatehouse operator.");
      return treeFromCatalog(catalog);
    },
    staleTime: Infinity,
    retry: 2,
  });
}
