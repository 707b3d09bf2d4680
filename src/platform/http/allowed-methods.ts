type RouteLike = { method: string; url: string };

const toPattern = (url: string) =>
  new RegExp(`^${url.split("/").map((part) => (part.startsWith(":") ? "[^/]+" : part === "*" ? ".*" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/")}$`);

/**
 * Which methods the registered routes answer on a path, so that a request with another method
 * gets 405 and an Allow header instead of a 404 that suggests the path is wrong. Compiled on
 * first use, when every route is registered.
 */
export function methodFinder(routes: RouteLike[]): (path: string) => string[] {
  let compiled: { method: string; pattern: RegExp }[] | null = null;
  return (path) => {
    compiled ??= routes.map((r) => ({ method: r.method, pattern: toPattern(r.url) }));
    return [...new Set(compiled.filter((r) => r.pattern.test(path)).map((r) => r.method))].sort();
  };
}
