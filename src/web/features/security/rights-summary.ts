import type { Tree } from "./rights-tree.js";

/**
 * What a collapsed row stands for: its own rights when every tool under it has the same, else
 * "partial X" with X the most anyone gets under it (so a module with R on some tools shows
 * "partial R", not "none"). Rights are closed upwards, so the longest string is the largest.
 */
export function subtreeSummary(tree: Tree, rights: Readonly<Record<string, string>>, path: string): { text: string; partial: boolean; max: string } {
  const own = rights[path] ?? "";
  let max = own;
  let uniform = true;
  const stack = [...(tree.nodes.get(path)?.children ?? [])];
  while (stack.length > 0) {
    const p = stack.pop()!;
    const r = rights[p] ?? "";
    if (r !== own) uniform = false;
    if (r.length > max.length) max = r;
    stack.push(...(tree.nodes.get(p)?.children ?? []));
  }
  if (uniform) return { text: own || "none", partial: false, max: own };
  return { text: `partial ${max || "none"}`, partial: true, max };
}
