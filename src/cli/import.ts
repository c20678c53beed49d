// `npm run import -- <file> --as communities|facilities|streets|roads [--crs EPSG:xxxx]
//   [--coords wgs84|gcj02|bd09] [--map field=column ...] --out <file.geojson>`
// Reads any supported file, prints the validation report and writes validated WGS84 GeoJSON in
// the project's data model. Writes nothing and exits non-zero when the file cannot be read or
// has errors (unless --keep-good); --check only prints the report. Exit codes: 0 written (or
// --check without errors), 1 unreadable or has errors, 2 bad arguments.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Position } from 'geojson';
import type { Msg } from '../core/model';
import { t, tm, type Lang } from '../i18n';
import {
  acceptImport,
  formatReport,
  importLayer,
  importRecord,
  layerToGeoJSON,
  mappableFields,
  readFile,
  shiftHint,
  LAYER_KINDS,
  WEB_COORDS,
  type BBox,
  type LayerKind,
  type ReadOptions,
  type Sidecars,
  type SourceLayer,
  type WebCoords,
} from '../io';
import { eachPosition } from '../io/geometry';
import { outProblem, writeOut } from './write-out';
import { ArgError, parseArgs as parseOptions } from './args';

export { ArgError };

export interface CliArgs {
  file: string;
  as: LayerKind;
  out: string;
  lang: Lang;
  read: ReadOptions;
  map: Record<string, string>;
  defaults: Record<string, string>;
  layer?: string;
  bbox?: BBox;
  keepGood: boolean;
  /** only print the report: nothing is written and --out is not needed */
  check: boolean;
  /** data already in WGS84 (roads, communities) to test the points against for a web-map shift */
  reference?: string;
}

const OPTIONS = {
  as: { kind: 'string' },
  out: { kind: 'string' },
  crs: { kind: 'string' },
  coords: { kind: 'string' },
  map: { kind: 'list' },
  default: { kind: 'list' },
  layer: { kind: 'string' },
  encoding: { kind: 'string' },
  x: { kind: 'string' },
  y: { kind: 'string' },
  'header-row': { kind: 'string' },
  bbox: { kind: 'string' },
  reference: { kind: 'string' },
  lang: { kind: 'string' },
  'keep-good': { kind: 'flag' },
  check: { kind: 'flag' },
} as const;

export function parseArgs(argv: string[]): CliArgs {
  const r = parseOptions(argv, OPTIONS, Infinity);
  if (typeof r === 'string') throw new ArgError(r);
  const v = r.values;
  const pos = r.positionals;
  const one = (k: keyof typeof OPTIONS) => v[k] as string | undefined;
  const lang: Lang = v.lang === 'en' ? 'en' : 'zh';
  if (pos.length !== 1) throw new ArgError(pos.length ? `one input file, got: ${pos.join(' ')}` : 'no input file');
  const as = v.as;
  if (!as || !(LAYER_KINDS as readonly string[]).includes(as)) throw new ArgError(`--as must be one of ${LAYER_KINDS.join('|')}${as ? `, got ${as}` : ''}`);
  const check = v.check;
  const out = v.out ?? '';
  if (!out && !check) throw new ArgError('--out <file.geojson> is required (or --check to only see the report)');
  const coords = one('coords');
  if (coords && !(WEB_COORDS as readonly string[]).includes(coords)) throw new ArgError(`--coords must be one of ${WEB_COORDS.join('|')}, got ${coords}`);
  const pairs = (k: 'map' | 'default') => {
    const out: Record<string, string> = {};
    for (const s of v[k]) {
      const at = s.indexOf('=');
      if (at <= 0) throw new ArgError(`--${k} ${s}: expected field=value`);
      out[s.slice(0, at).trim()] = s.slice(at + 1).trim();
    }
    return out;
  };
  const map = pairs('map');
  const fields = mappableFields(as as LayerKind);
  for (const f of Object.keys(map)) if (!fields.includes(f)) throw new ArgError(`--map ${f}=…: unknown field for ${as}; fields: ${fields.join(', ')}`);
  const defaults = pairs('default');
  for (const f of Object.keys(defaults)) if (!fields.includes(f)) throw new ArgError(`--default ${f}=…: unknown field for ${as}; fields: ${fields.join(', ')}`);
  let bbox: BBox | undefined;
  const b = one('bbox');
  if (b) {
    const n = b.split(',').map(Number);
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || n[0] >= n[2] || n[1] >= n[3]) throw new ArgError(`--bbox ${b}: expected west,south,east,north in degrees`);
    bbox = n as BBox;
  }
  const headerRow = one('header-row');
  if (headerRow !== undefined && !(Number.isInteger(Number(headerRow)) && Number(headerRow) >= 1)) throw new ArgError(`--header-row ${headerRow}: expected a row number ≥ 1`);
  const layer = one('layer');
  return {
    file: pos[0],
    as: as as LayerKind,
    out,
    lang,
    map,
    defaults,
    layer,
    bbox,
    keepGood: v['keep-good'],
    check,
    reference: one('reference'),
    read: {
      crs: one('crs'),
      coords: coords as WebCoords | undefined,
      encoding: one('encoding'),
      xColumn: one('x'),
      yColumn: one('y'),
      headerRow: headerRow ? Number(headerRow) : undefined,
      layers: layer ? [layer] : undefined,
      area: bbox,
    },
  };
}

/** Loose .shp: its .dbf/.prj/.cpg next to it. */
function sidecarsOf(file: string): Sidecars {
  if (!/\.shp$/i.test(file)) return {};
  const base = file.slice(0, -4);
  const find = (ext: string) => [ext, ext.toUpperCase()].map((e) => `${base}.${e}`).find((p) => existsSync(p));
  const read = (ext: string) => {
    const p = find(ext);
    return p ? new Uint8Array(readFileSync(p)) : undefined;
  };
  return { dbf: read('dbf'), prj: read('prj'), cpg: read('cpg') };
}

/** Tries the file as WGS84, GCJ-02 and BD-09 against reference data and says which fits. */
function referenceHint(file: string, layer: SourceLayer): Msg | undefined {
  if (!existsSync(file)) return { key: 'io.err.unreadable', args: { file, detail: 'not found' } };
  const ref = readFile(basename(file), new Uint8Array(readFileSync(file)), {}, sidecarsOf(file));
  if (!ref.ok) return ref.error;
  const positions: Position[] = [];
  for (const l of ref.layers) for (const f of l.features) if (f.geometry) eachPosition(f.geometry, (p) => positions.push(p));
  const hint = shiftHint(layer.features, positions);
  if (!hint) return undefined;
  const m = (c: WebCoords) => String(Math.round(hint.medianMetres[c]));
  return { key: hint.best === 'wgs84' ? 'io.note.shiftNone' : 'io.note.shiftFound', args: { coords: hint.best, wgs84: m('wgs84'), gcj02: m('gcj02'), bd09: m('bd09') } };
}

/** Runs the import; returns the exit code. Output goes through `log` so tests can capture it. */
export function run(argv: string[], log: (line: string) => void = console.log): number {
  let args: CliArgs;
  const lang: Lang = argv.includes('en') && argv[argv.indexOf('en') - 1] === '--lang' ? 'en' : 'zh';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof ArgError)) throw e;
    log(t(lang, 'io.cli.badArgs', { detail: e.message }));
    log(t(lang, 'io.cli.usage'));
    return 2;
  }
  const name = basename(args.file);
  const badOut = args.check ? undefined : outProblem(args.out, [args.file]);
  if (badOut) {
    log(tm(lang, badOut));
    return 2;
  }
  if (!existsSync(args.file)) {
    log(tm(lang, { key: 'io.err.unreadable', args: { file: args.file, detail: 'not found' } }));
    log(t(lang, 'io.cli.nothingWritten'));
    return 1;
  }
  const bytes = new Uint8Array(readFileSync(args.file));
  const r = readFile(name, bytes, args.read, sidecarsOf(args.file));
  if (!r.ok) {
    log(tm(lang, r.error));
    log(t(lang, 'io.cli.nothingWritten'));
    return 1;
  }
  if (r.layers.length > 1) {
    log(t(lang, 'io.cli.multipleLayers', { file: name, layers: r.layers.map((l) => l.name).join(', ') }));
    log(t(lang, 'io.cli.nothingWritten'));
    return 1;
  }
  const layer = r.layers[0];
  for (const n of layer.notes) log(tm(lang, n));
  if (args.reference && !args.read.coords) {
    const hint = referenceHint(args.reference, layer);
    if (hint) log(tm(lang, hint));
  }
  for (const [f, c] of Object.entries(args.map)) {
    if (!layer.columns.includes(c)) {
      log(t(lang, 'io.cli.badArgs', { detail: `--map ${f}=${c}: no column "${c}"; columns: ${layer.columns.join(', ')}` }));
      log(t(lang, 'io.cli.nothingWritten'));
      return 2;
    }
  }
  const outcome = importLayer(layer, { kind: args.as, file: name, mapping: args.map, defaults: args.defaults, area: args.bbox });
  for (const line of formatReport(outcome.report, lang)) log(line);
  const { withErrors, good } = outcome.report;
  if (args.check) {
    log(t(lang, 'io.cli.nothingWritten'));
    return withErrors > 0 ? 1 : 0;
  }
  if ((withErrors > 0 && !args.keepGood) || good === 0) {
    if (withErrors > 0) log(t(lang, 'io.cli.hasErrors', { errors: withErrors, good }));
    log(t(lang, 'io.cli.nothingWritten'));
    return 1;
  }
  const taken = acceptImport({ communities: [], facilities: [], streets: [], roads: [] }, outcome, 'good');
  const fc = layerToGeoJSON(args.as, taken[args.as], importRecord(outcome.report));
  const w = writeOut(args.out, JSON.stringify(fc), [args.file]);
  if (!w.ok) {
    log(tm(lang, w.msg));
    return 1;
  }
  log(t(lang, 'io.cli.wrote', { count: taken[args.as].length, kind: t(lang, `io.kind.${args.as}`), out: args.out }));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = run(process.argv.slice(2));
}
