/**
 * The catalog as an indexed tree. Nodes are stored in preorder, so a node's parent always
 * has a smaller index: compilers can fill per-node arrays in one forward pass.
 */
import { CATALOG_DATA, CATALOG_VERSION, type CatalogDataEntry } from "./catalog-data.js";
import type { RightLetter } from "./rights.js";
import { PATH_SEPARATOR, editDistance, normalizeToolPath, pathKey, splitToolPath, suggestClosest } from "./tool-path.js";

export interface CatalogNode {
  /** position in `nodes` and in compiled rights arrays */
  index: number;
  /** stable id derived from the path, e.g. "student-information/general/schedule" */
  id: string;
  path: string;
  label: string;
  parentIndex: number | null;
  children: number[];
  depth: number;
  calendarScoped: boolean;
  federallyProtected: boolean;
  allOrNothing: boolean;
  dangerous: { right: RightLetter; reason: string } | null;
}

export interface Catalog {
  version: number;
  nodes: readonly CatalogNode[];
  roots: readonly number[];
  /** lower-cased normalised path → node index */
  byKey: ReadonlyMap<string, number>;
  byId: ReadonlyMap<string, number>;
}

export class CatalogDataError extends Error {
  override readonly name = "CatalogDataError";
}

export class UnknownToolPathError extends Error {
  override readonly name = "UnknownToolPathError";
  constructor(
    readonly toolPath: string,
    readonly suggestion: string | undefined,
  ) {
    super(`Unknown tool path "${toolPath}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
  }
}

function slug(segment: string): string {
  return segment
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function buildCatalog(data: readonly CatalogDataEntry[], version: number): Catalog {
  const entries = new Map<string, CatalogDataEntry>();
  const childrenOf = new Map<string | null, string[]>();
  for (const e of data) {
    const path = normalizeToolPath(e.path);
    if (path !== e.path) throw new CatalogDataError(`Catalog path "${e.path}" is not normalised ("${path}")`);
    const key = path.toLowerCase();
    if (entries.has(key)) throw new CatalogDataError(`Catalog path "${path}" is listed twice`);
    entries.set(key, e);
    const segs = splitToolPath(path);
    const parentKey = segs.length > 1 ? segs.slice(0, -1).join(PATH_SEPARATOR).toLowerCase() : null;
    const list = childrenOf.get(parentKey) ?? [];
    list.push(key);
    childrenOf.set(parentKey, list);
  }
  for (const key of childrenOf.keys()) {
    if (key !== null && !entries.has(key)) {
      throw new CatalogDataError(`Catalog parent "${key}" of "${childrenOf.get(key)![0]}" is not listed as a node`);
    }
  }

  const nodes: CatalogNode[] = [];
  const byKey = new Map<string, number>();
  const byId = new Map<string, number>();
  const visit = (key: string, parent: CatalogNode | null): void => {
    const e = entries.get(key)!;
    const segs = splitToolPath(e.path);
    const node: CatalogNode = {
      index: nodes.length,
      id: segs.map(slug).join("/"),
      path: e.path,
      label: segs[segs.length - 1]!,
      parentIndex: parent ? parent.index : null,
      children: [],
      depth: segs.length - 1,
      calendarScoped: e.calendarScoped ?? parent?.calendarScoped ?? false,
      federallyProtected: (e.federallyProtected ?? false) || (parent?.federallyProtected ?? false),
      allOrNothing: e.allOrNothing ?? parent?.allOrNothing ?? false,
      dangerous: e.dangerous ?? null,
    };
    if (byId.has(node.id)) throw new CatalogDataError(`Catalog id "${node.id}" is not unique`);
    nodes.push(node);
    byKey.set(key, node.index);
    byId.set(node.id, node.index);
    parent?.children.push(node.index);
    for (const child of childrenOf.get(key) ?? []) visit(child, node);
  };
  const rootKeys = childrenOf.get(null) ?? [];
  for (const key of rootKeys) visit(key, null);
  return { version, nodes, roots: rootKeys.map((k) => byKey.get(k)!), byKey, byId };
}

let defaultCatalog: Catalog | undefined;

/** The committed catalog (built once). */
export function getCatalog(): Catalog {
  defaultCatalog ??= buildCatalog(CATALOG_DATA, CATALOG_VERSION);
  return defaultCatalog;
}

/** Node for a path after normalisation (case-insensitive), or undefined. */
export function findNode(catalog: Catalog, toolPath: string): CatalogNode | undefined {
  const idx = catalog.byKey.get(pathKey(toolPath));
  return idx === undefined ? undefined : catalog.nodes[idx];
}

/** Node for a path, or an UnknownToolPathError that carries a suggestion. */
export function requireNode(catalog: Catalog, toolPath: string): CatalogNode {
  const node = findNode(catalog, toolPath);
  if (!node) throw new UnknownToolPathError(toolPath, suggestPath(catalog, toolPath));
  return node;
}

const indexCache = new WeakMap<Catalog, Map<string, number>>();

/** Node index for a path as written (cached per raw string); throws UnknownToolPathError. */
export function resolveNodeIndex(catalog: Catalog, toolPath: string): number {
  let m = indexCache.get(catalog);
  if (!m) indexCache.set(catalog, (m = new Map()));
  let idx = m.get(toolPath);
  if (idx === undefined) {
    idx = requireNode(catalog, toolPath).index;
    m.set(toolPath, idx);
  }
  return idx;
}

/** Indices from the node up to its root, node first. */
export function ancestorsAndSelf(catalog: Catalog, index: number): number[] {
  const out: number[] = [];
  for (let i: number | null = index; i !== null; i = catalog.nodes[i]!.parentIndex) out.push(i);
  return out;
}

/** True when `index` is `ancestor` or below it. */
export function isInSubtree(catalog: Catalog, index: number, ancestor: number): boolean {
  for (let i: number | null = index; i !== null; i = catalog.nodes[i]!.parentIndex) if (i === ancestor) return true;
  return false;
}

/**
 * "Did you mean": the catalog path closest to a wrong one. Tries the full path, then the
 * last segment against labels (so "Schedule Wizard" suggests "Scheduling > Schedule Wizard").
 */
export function suggestPath(catalog: Catalog, badPath: string): string | undefined {
  const normalised = normalizeToolPath(badPath);
  const paths = catalog.nodes.map((n) => n.path);
  const byPath = suggestClosest(normalised, paths);
  if (byPath) return byPath;
  const lastSeg = splitToolPath(normalised).pop() ?? normalised;
  let best: CatalogNode | undefined;
  let bestScore = Infinity;
  for (const n of catalog.nodes) {
    // prefer the label match whose full path is also closest to what was typed
    const d = editDistance(lastSeg.toLowerCase(), n.label.toLowerCase()) * 1000 +
      editDistance(normalised.toLowerCase(), n.path.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = n;
    }
  }
  const labelDist = Math.floor(bestScore / 1000);
  return best && labelDist <= Math.max(1, Math.ceil(lastSeg.length * 0.25)) ? best.path : undefined;
}
