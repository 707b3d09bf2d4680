/**
 * The protected areas of one district: the seed's FERPA/HIPAA list (fixed in the catalog) and
 * what the district adds to it. The seed: "This is not a comprehensive list. System
 * Administrators should use caution and follow district guidelines for what users and user
 * groups should be given access to Federally protected data." A marked tool protects its
 * whole subtree, like the seed's.
 */
import { findNode, suggestPath, type Catalog } from "./catalog.js";

/** Anything that can say whether a tool is protected in the caller's district (the RightsView). */
export type Protection = { isProtected(tool: string): boolean };

/** 1 for every node protected by the seed or under a path the district marked. */
export function protectedNodesOf(catalog: Catalog, districtPaths: readonly string[] = []): Uint8Array {
  const marked = new Set(districtPaths.map((p) => findNode(catalog, p)?.index).filter((i): i is number => i !== undefined));
  const flags = new Uint8Array(catalog.nodes.length);
  for (const n of catalog.nodes) {
    const inherited = n.parentIndex !== null && flags[n.parentIndex] === 1;
    flags[n.index] = n.federallyProtected || marked.has(n.index) || inherited ? 1 : 0;
  }
  return flags;
}

/** The tops of the protected subtrees (a protected node whose parent is not), in catalog order. */
export function protectedAreaPaths(catalog: Catalog, districtPaths: readonly string[] = []): string[] {
  const flags = protectedNodesOf(catalog, districtPaths);
  return catalog.nodes.filter((n) => flags[n.index] === 1 && (n.parentIndex === null || flags[n.parentIndex] === 0)).map((n) => n.path);
}

/** Protection from the seed's list and the district's marked paths (an unknown tool is not protected). */
export function protectionFrom(catalog: Catalog, districtPaths: readonly string[]): Protection {
  const flags = protectedNodesOf(catalog, districtPaths);
  return { isProtected: (tool) => flags[findNode(catalog, tool)?.index ?? -1] === 1 };
}

/** Protection from the seed's list alone (no district known, e.g. vendor staff). */
export function seedProtection(catalog: Catalog): Protection {
  return { isProtected: (tool) => findNode(catalog, tool)?.federallyProtected ?? false };
}

export type MarkProblem = { code: "unknown-tool" | "already-protected"; message: string };

/**
 * Why a path cannot be marked: not a tool of the catalog, or already protected (by the seed's
 * list, or because the district marked it or a tool above it).
 */
export function markProblem(catalog: Catalog, districtPaths: readonly string[], path: string): MarkProblem | null {
  const node = findNode(catalog, path);
  if (!node) {
    const suggestion = suggestPath(catalog, path);
    return { code: "unknown-tool", message: `"${path}" is not a tool of the catalog${suggestion ? `; did you mean "${suggestion}"?` : "."}` };
  }
  if (node.federallyProtected) return { code: "already-protected", message: `${node.path} is already protected by the seed's list of federally protected areas.` };
  if (protectedNodesOf(catalog, districtPaths)[node.index] === 1) return { code: "already-protected", message: `${node.path} is already protected by the district.` };
  return null;
}
