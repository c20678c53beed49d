// `npm run import` end to end on the committed fixtures, output checked with the project's own
// schema reader (src/schemas parseLayer), which is what loads the written file later.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { parseArgs, run } from '../../src/cli/import';
import { fromWgs84 } from '../../src/io';
import { parseLayer } from '../../src/schemas/features';
import { FIXTURES, maxDiff, sourceJson } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'h6-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = run(args, (l) => lines.push(l));
  return { code, lines };
}

describe('npm run import', () => {
  it('GBK Shapefile in a Gauss-Krüger zone → WGS84 GeoJSON the project loader accepts', () => {
    const out = join(dir, 'communities.geojson');
    const r = cli([join(FIXTURES, 'communities-gk36-gbk.zip'), '--as', 'communities', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('导入检查：communities-gk36-gbk.zip → 小区/社区（图层 communities_gk36）');
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.import).toMatchObject({ crs: 'EPSG:4524', crsSource: 'prj', coords: 'wgs84', encoding: 'gb18030' });
    const parsed = parseLayer('communities', fc, 'communities.geojson');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.items.map((c) => [c.id, c.name, c.type])).toEqual([
      ['610116001001', '韦曲街道北街社区', 'built'],
      ['610116001002', '韦曲街道南街社区', 'new'],
      ['610116101201', '郭杜街道西江村', 'rural'],
    ]);
  });
  it('CSV with --crs, --map and a loose .shp with its sidecars', () => {
    const out = join(dir, 'f.geojson');
    const r = cli([join(FIXTURES, 'facilities-cm108-gbk.csv'), '--as', 'facilities', '--crs', 'EPSG:4545', '--map', 'floorArea=建筑面积', '--out', out]);
    expect(r.code).toBe(0);
    const src = sourceJson('facilities.geojson');
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    fc.features.forEach((f: { geometry: { coordinates: number[] } }, i: number) =>
      expect(maxDiff(f.geometry.coordinates, src.features[i].geometry.coordinates)).toBeLessThan(1e-6),
    );

    const files = unzipSync(new Uint8Array(readFileSync(join(FIXTURES, 'facilities-3857-utf8.zip'))));
    for (const [n, b] of Object.entries(files)) writeFileSync(join(dir, n), b);
    const out2 = join(dir, 'f2.geojson');
    // the UTF-8 file names nursing beds "护理", which no alias knows: map it by hand
    expect(cli([join(dir, 'facilities_3857.shp'), '--as', 'facilities', '--map', 'nursingBeds=护理', '--out', out2]).code).toBe(0);
    expect(JSON.parse(readFileSync(out2, 'utf8')).features[0].properties).toMatchObject({ id: 'F001', beds: 20, nursingBeds: 8 });
  });
  it('--coords gcj02 is applied and recorded', () => {
    const csv = join(dir, 'amap.csv');
    writeFileSync(csv, '名称,类型,经度,纬度\n甲,养老院,108.9431,34.1619\n');
    const out = join(dir, 'amap.geojson');
    expect(cli([csv, '--as', 'facilities', '--coords', 'gcj02', '--out', out]).code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.import.coords).toBe('gcj02');
    expect(fc.features[0].geometry.coordinates[0]).not.toBe(108.9431);
  });
  it('--bbox makes far points errors; --keep-good writes the rest', () => {
    const csv = join(dir, 'far.csv');
    writeFileSync(csv, '名称,类型,经度,纬度\n甲,养老院,108.93,34.16\n乙,养老院,116.40,39.90\n');
    const out = join(dir, 'far.geojson');
    const r = cli([csv, '--as', 'facilities', '--bbox', '108.75,33.85,109.1,34.25', '--out', out]);
    expect(r.code).toBe(1);
    // nearest box corner (109.1, 34.25) → (116.4, 39.9): Δlon 7.3° × cos(37.075°) = 5.824°, Δlat 5.65°,
    // hypot 8.114° × 111.32 km = 903.3 km (equirectangular at the mid latitude)
    expect(r.lines).toContain('错误 · 第 3 行 [far-3]: 位置 (116.40000, 39.90000) 在研究区范围外约 903.3 公里。坐标系或坐标可能有误。');
    expect(existsSync(out)).toBe(false);
    expect(cli([csv, '--as', 'facilities', '--bbox', '108.75,33.85,109.1,34.25', '--keep-good', '--out', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).features).toHaveLength(1);
  });
  it('a workbook with two data sheets asks for --layer', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['名称', '类型', '经度', '纬度'],
        ['甲', '养老院', 108.9, 34.1],
      ]),
      '养老',
    );
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['名称', '类型', '经度', '纬度'],
        ['乙', '托育机构', 108.9, 34.1],
      ]),
      '托育',
    );
    const file = join(dir, 'two.xlsx');
    writeFileSync(file, new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    const out = join(dir, 'two.geojson');
    const r = cli([file, '--as', 'facilities', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe('two.xlsx 有多个图层：养老, 托育。请用 --layer 选择一个。');
    expect(cli([file, '--as', 'facilities', '--layer', '托育', '--out', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).features[0].properties.kind).toBe('childcare_centre');
  });
  it('bad arguments exit 2 with the usage line', () => {
    for (const args of [
      [],
      ['x.csv'],
      ['x.csv', '--as', 'parks', '--out', 'o'],
      ['x.csv', '--as', 'facilities'],
      ['x.csv', '--as', 'facilities', '--out', 'o', '--map', 'colour=颜色'],
      ['x.csv', '--as', 'facilities', '--out', 'o', '--coords', 'wgs'],
      ['x.csv', '--as', 'facilities', '--out', 'o', '--bbox', '1,2,3'],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.lines[1]).toMatch(/^用法：npm run import/);
    }
  });
  it('--map naming a column the file does not have is refused before anything is written', () => {
    const out = join(dir, 'nomap.geojson');
    const r = cli([join(FIXTURES, 'facilities-cm108-gbk.csv'), '--as', 'facilities', '--crs', 'EPSG:4545', '--map', 'beds=床位总数', '--out', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
  it('a missing input file', () => {
    const r = cli([join(dir, 'nope.zip'), '--as', 'streets', '--out', join(dir, 'o.geojson')]);
    expect(r.code).toBe(1);
  });
  it('parses repeated --map and --default', () => {
    const a = parseArgs(['f.csv', '--as', 'facilities', '--map', 'beds=总床位', '--map', 'name=单位', '--default', 'kind=elderly_daycare', '--out', 'o.geojson', '--lang', 'en']);
    expect([a.map, a.defaults, a.lang]).toEqual([{ beds: '总床位', name: '单位' }, { kind: 'elderly_daycare' }, 'en']);
  });
});

describe('--check', () => {
  it('prints the report and writes nothing; exit 0 without errors, 1 with', () => {
    const ok = cli([join(FIXTURES, 'communities-gk36-gbk.zip'), '--as', 'communities', '--check']);
    expect(ok.code).toBe(0);
    expect(ok.lines.at(-1)).toBe('未写入任何文件。');
    const csv = join(dir, 'check.csv');
    writeFileSync(csv, '名称,类型,经度,纬度\n甲,超市,108.93,34.16\n');
    expect(cli([csv, '--as', 'facilities', '--check']).code).toBe(1);
  });
});

describe('--reference: is the file shifted against data already in WGS84?', () => {
  it('points copied from 高德 are recognised against a road grid, and --coords gcj02 is suggested', () => {
    // roads: a 21 × 21 grid of vertices 0.001° apart around 韦曲, in WGS84
    const lines = Array.from({ length: 21 }, (_, i) => ({
      type: 'Feature',
      properties: { osm_id: i },
      geometry: { type: 'LineString', coordinates: Array.from({ length: 21 }, (_, j) => [108.93 + i * 0.001, 34.155 + j * 0.001]) },
    }));
    const roads = join(dir, 'roads.geojson');
    writeFileSync(roads, JSON.stringify({ type: 'FeatureCollection', features: lines }));
    // nine facilities on grid vertices, shifted into GCJ-02 by gcoord's forward transform
    const rows = ['名称,类型,经度,纬度'];
    for (const i of [5, 9, 13])
      for (const j of [3, 11, 17]) {
        const [x, y] = fromWgs84([108.93 + i * 0.001, 34.155 + j * 0.001], 'gcj02');
        rows.push(`点${i}-${j},养老院,${x},${y}`);
      }
    const csv = join(dir, 'shifted.csv');
    writeFileSync(csv, rows.join('\n'));
    const r = cli([csv, '--as', 'facilities', '--reference', roads, '--check', '--lang', 'en']);
    const line = r.lines.find((l) => l.startsWith('Against the reference data'));
    expect(line).toMatch(/as GCJ-02 0 m; .* add --coords gcj02 to convert\.$/);
  });
});

describe('import, then check: the written files are a project folder', () => {
  it('communities and facilities imported into a folder load with the project loader and evaluate', async () => {
    const { loadProjectPath } = await import('../../src/cli/load-project');
    const { evaluate } = await import('../../src/core/evaluate');
    const folder = join(dir, 'myarea');
    mkdirSync(folder);
    expect(cli([join(FIXTURES, 'communities-gk36-gbk.zip'), '--as', 'communities', '--out', join(folder, 'communities.geojson')]).code).toBe(0);
    expect(cli([join(FIXTURES, 'facilities-cm108-gbk.csv'), '--as', 'facilities', '--crs', 'EPSG:4545', '--out', join(folder, 'facilities.geojson')]).code).toBe(0);
    const loaded = loadProjectPath(folder);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect([loaded.project.communities.length, loaded.project.facilities.length]).toEqual([3, 3]);
    const ev = evaluate(loaded.project, { profile: 'combined' });
    expect(ev.results.length).toBeGreaterThan(0);
  });
});
