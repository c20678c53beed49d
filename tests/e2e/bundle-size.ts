// What the browser loads before the app can open a project, read from the build output: the page's
// entry chunk with every chunk it imports statically (maplibre-gl apart: its own chunk), and the
// analysis worker's entry with its static imports. Chunks reached only through import() — the
// importers, site check, suggestion, compare, drawing — load on first use and are listed apart.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSet {
  files: string[];
  /** gzip -9 bytes, summed over the files */
  gz: number;
  raw: number;
}

export interface BundleSizes {
  /** page entry + static imports, maplibre-gl excluded */
  page: ChunkSet;
  maplibre: ChunkSet;
  /** the analysis worker's entry + static imports */
  worker: ChunkSet;
  /** every other JS chunk: loaded only by import() */
  lazy: ChunkSet;
}

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.m?js)["']/g;

const DYNAMIC_IMPORT = /\bimport\(\s*[`"']\.\/([^`"']+\.m?js)[`"']\s*\)/g;

/** every chunk a chunk may ever load: its static imports and import() calls, transitively (one
 *  bundle: the page's or the analysis worker's) */
export function reachable(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const code = readFileSync(join(dir, f), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(m[1]);
    for (const m of code.matchAll(DYNAMIC_IMPORT)) visit(m[1]);
  };
  visit(entry);
  return [...seen];
}

/** a chunk with every chunk it imports statically (what loads with it) */
export function closure(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(STATIC_IMPORT)) visit(m[1]);
  };
  visit(entry);
  return [...seen];
}

function measure(dir: string, files: string[]): ChunkSet {
  let gz = 0;
  let raw = 0;
  for (const f of files) {
    const b = readFileSync(join(dir, f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  return { files, gz, raw };
}

export function bundleSizes(dist: string): BundleSizes {
  const dir = join(dist, 'assets');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script[^>]*type="module"[^>]*src="\.\/assets\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${dist}/index.html: no module script`);
  const js = readdirSync(dir).filter((f) => /\.m?js$/.test(f));
  const workerEntry = js.find((f) => /^worker-[\w-]+\.js$/.test(f));
  if (!workerEntry) throw new Error(`${dir}: no analysis worker chunk (worker-*.js)`);
  const pageAll = closure(dir, entry);
  const isMaplibre = (f: string) => f.startsWith('maplibre-gl');
  const worker = closure(dir, workerEntry);
  const first = new Set([...pageAll, ...worker]);
  return {
    page: measure(
      dir,
      pageAll.filter((f) => !isMaplibre(f)),
    ),
    maplibre: measure(dir, js.filter(isMaplibre)),
    worker: measure(dir, worker),
    lazy: measure(
      dir,
      js.filter((f) => !first.has(f) && !isMaplibre(f)),
    ),
  };
}
