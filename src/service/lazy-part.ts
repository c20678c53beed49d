// A part of the analysis session whose code loads on its first call (dynamic import: its own chunk).
// The importers (SheetJS, xmldom, proj4, dxf, OSM), the site check, suggestion and compare are
// not needed to open and analyse a project, so the worker's first chunk goes without them.

/** The part's methods as the session exposes them: the same arguments, answered asynchronously. */
export type LazyPart<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

/** `methods` lists every method of the part (a Record, so the compiler says when one is missing). */
export function lazyPart<T extends object>(load: () => Promise<T>, methods: Record<keyof T, true>): LazyPart<T> {
  let part: Promise<T> | undefined;
  const out = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of Object.keys(methods)) {
    out[name] = async (...args: unknown[]) => {
      part ??= load();
      const p = (await part) as Record<string, (...a: unknown[]) => unknown>;
      return p[name](...args);
    };
  }
  return out as LazyPart<T>;
}
