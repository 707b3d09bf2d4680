/** Line and column of a value (or of its key) in a parsed YAML document. */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";

export type YamlPath = readonly (string | number)[];

export interface Located {
  line: number;
  column: number;
}

/**
 * Walks `path`; where it stops existing, reports the deepest node found (so a missing key
 * points at the object that should hold it). With `key: true` points at the last key.
 */
export function locate(doc: Document, lc: LineCounter, path: YamlPath, opts: { key?: boolean } = {}): Located {
  let node: unknown = doc.contents;
  let at: unknown = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      const last = i === path.length - 1;
      at = last && opts.key ? pair.key : (pair.value ?? pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (item === undefined) break;
      at = item;
      node = item;
    } else break;
  }
  const range = (at as Node | null)?.range ?? (doc.contents as Node | null)?.range;
  const pos = lc.linePos(range ? range[0] : 0);
  return { line: pos.line, column: pos.col };
}

export function formatPath(path: YamlPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
