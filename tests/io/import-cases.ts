// The cases the import's reference compares (tests/io/import-reference.test.ts): every file of the
// broken and hostile corpus, the format fixtures, and seeded messy spreadsheets — each read with
// readFile and checked with importLayer as its own kind and as facilities (the app's common case).
// comparable() keeps everything the app shows or keeps: the layer as read (columns, notes, crs,
// features), the good records as JSON (key order included) and every problem (row, field, message).
import { createHash } from 'node:crypto';
import { bytes } from './helpers';
import { readdirSync } from 'node:fs';
import { importLayer, readFile } from '../../src/io';
import type { LayerKind } from '../../src/io/types';
import { corpus } from '../corpus/cases';
import { mulberry32 } from '../../scripts/demo/prng';

export interface ImportCase {
  name: string;
  kind: LayerKind;
  bytes: () => Uint8Array;
}

const enc = (s: string) => new TextEncoder().encode(s);

/** A spreadsheet of `n` facility rows with every kind of bad and odd value a planner's file has. */
export function messyFacilitiesCsv(seed: number, n: number): string {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const kinds = ['日间照料中心', '养老院', '托育机构', '社区养老服务站', 'nursing_home', '敬老院', '日间照料中心', '养老院', '不知道', '', ' 托育园 ', '幼儿园'];
  const fine = ['12', '１２０', '1,200', '35㎡', ' 56 ', '', '0.5', '+7', '.5', '12张', '3e2', '0012'];
  const bad = ['-3', '十二', '1e400', '99999999', 'N/A'];
  const number = () => (rnd() < 0.93 ? pick(fine) : pick(bad));
  const owners = ['公办', '民办', '公建民营', 'public', '集体', '', 'PRIVATE'];
  const bools = ['是', '否', 'true', 'FALSE', '1', '0', 'maybe', ''];
  const head = ['编号', '名称', '类型', '床位', '护理型床位', '托位', '建筑面积', '性质', '普惠', '所属社区', '备注', '__proto__', '经度', '纬度'];
  const lines = [head.join(',')];
  for (let i = 0; i < n; i++) {
    const id = rnd() < 0.03 ? '' : rnd() < 0.03 ? `F${Math.floor(rnd() * i)}` : `F${i}`;
    let lon = (108.9 + rnd() * 0.1).toFixed(6);
    let lat = (34.2 + rnd() * 0.1).toFixed(6);
    const r = rnd();
    if (r < 0.02) [lon, lat] = [lat, lon];
    else if (r < 0.04) lon = '';
    else if (r < 0.05) lon = '108°56\'24"E';
    else if (r < 0.06) lat = '北纬三十四度';
    else if (r < 0.07) lon = (120 + rnd()).toFixed(4);
    const name = rnd() < 0.05 ? '' : rnd() < 0.1 ? `"设施, ${i} ""甲"""` : `设施${i}`;
    lines.push(
      [
        id,
        name,
        pick(kinds),
        number(),
        number(),
        number(),
        number(),
        pick(owners),
        pick(bools),
        rnd() < 0.5 ? `社区${i % 7}` : '',
        rnd() < 0.2 ? `'=1+${i}` : `备注${i}`,
        rnd() < 0.1 ? 'x' : '',
        lon,
        lat,
      ]
        .map((v) => (/[",]/.test(v) && !v.startsWith('"') ? `"${v.replace(/"/g, '""')}"` : v))
        .join(','),
    );
  }
  return lines.join(rnd() < 0.5 ? '\n' : '\r\n');
}

export function importCases(): ImportCase[] {
  const fixtures = readdirSync('tests/fixtures/io')
    .filter((f) => /\.(zip|csv|kml|dxf|geojson)$/.test(f))
    .map((f): ImportCase => ({ name: f, kind: /^facilities/.test(f) ? 'facilities' : 'communities', bytes: () => bytes(f) }));
  const messy = [1, 2, 3].map((seed): ImportCase => ({ name: `messy-${seed}.csv`, kind: 'facilities', bytes: () => enc(messyFacilitiesCsv(seed, 1500)) }));
  return [...corpus(), ...fixtures, ...messy];
}

/** JSON text; a hostile value nested too deep for JSON.stringify is said as such (the same each run) */
function json(x: unknown): string {
  try {
    return JSON.stringify(x);
  } catch (e) {
    return `not JSON: ${(e as Error).name}`;
  }
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');
/** a text in full, or its length and digest when it is long (huge outlines, megabyte cells) */
const shown = (text: string) => (text.length <= 20_000 ? text : `${text.length} chars, sha256 ${digest(text)}`);

/** What one case gives, as plain JSON (the features of the read layer are summed up by a digest
 *  of their JSON: they are large, and every record made from them is compared in full). */
export function runImportCase(c: ImportCase) {
  const r = readFile(c.name, c.bytes());
  if (!r.ok) return { name: c.name, error: r.error };
  return {
    name: c.name,
    layers: r.layers.map((l) => ({
      name: l.name,
      format: l.format,
      numbering: l.numbering,
      crs: l.crs,
      coords: l.coords,
      encoding: l.encoding,
      columns: l.columns,
      notes: l.notes,
      features: l.features.length,
      firstFeatures: shown(json(l.features.slice(0, 20))),
      allFeatures: digest(json(l.features)),
      imports: [...new Set([c.kind, 'facilities' as const])].map((kind) => {
        const out = importLayer(l, { kind, file: c.name, area: [108.8, 34.1, 109.1, 34.4] });
        const { problems, ...counts } = out.report;
        // the first records and problems in full (a difference there reads as one), all of them by digest
        return {
          kind,
          counts: shown(json(counts)),
          good: shown(json(out.good.slice(0, 40))),
          problems: shown(json(problems.slice(0, 40))),
          all: digest(json([out.good, problems])),
        };
      }),
    })),
  };
}
