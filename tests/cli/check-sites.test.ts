// `npm run check-sites` as a user runs it: a subprocess on the sample folder and the site fixtures.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import * as XLSX from 'xlsx';

const run = (...args: string[]) => runCli('check-sites', ...args);
const out = mkdtempSync(join(tmpdir(), 'check-sites-'));

interface Rec {
  rule: string;
  part?: string;
  status: string;
  value: number | null;
  shortfall: number | null;
  required?: number;
  citation: { document: string; clause: string; text: string };
}
interface Report {
  profile: string;
  sites: {
    site: { id: string; derived: { population: { value: number } } };
    reach: { circle: string; within: { id: string }[] }[];
    profiles: { profile: string; results: Rec[] }[];
  }[];
  problems: { site: string; error: { key: string } }[];
}

describe('npm run check-sites', () => {
  it('sample folder + three sites → JSON: A and C checked with the check --json records, B reported as its own problem', () => {
    const file = join(out, 'r.json');
    const r = run('data/sample', 'tests/fixtures/site/sites.geojson', '--profile', 'ca', '--out', file);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(readFileSync(file, 'utf8')) as Report;
    expect(j.profile).toBe('ca');
    expect(j.sites.map((s) => s.site.id)).toEqual(['A', 'C']);
    expect(j.problems).toEqual([expect.objectContaining({ site: 'B', error: expect.objectContaining({ key: 'site.fig.notNumber' }) })]);
    const a = j.sites[0];
    expect(a.site.derived.population.value).toBe(2530); // 1000 × 2.53
    const recs = a.profiles[0].results;
    const hh = recs.find((x) => x.rule === 'ca.households');
    expect(hh).toMatchObject({ status: 'pass', shortfall: 0, required: 200, citation: { clause: '二(二)5', text: '新建住宅小区按每百户不低于20平方米的标准配建养老服务用房' } });
    expect(Object.keys(hh?.citation ?? {}).sort()).toEqual(['clause', 'document', 'text']);
    // C: 199 m² for 1000 households → 1 m² short
    expect(j.sites[1].profiles[0].results.find((x) => x.rule === 'ca.households')).toMatchObject({ status: 'fail', shortfall: 1 });
    expect(a.reach.find((x) => x.circle === 'childcare')?.within.map((x) => x.id)).toEqual(['F6', 'F10']);
    expect(r.out).toContain('B');
    expect(r.out).toContain('约一千');
  });
  it('XLSX report with Chinese headers and a header block (profile, parameters, date)', () => {
    const file = join(out, 'r.xlsx');
    const r = run('data/sample', 'tests/fixtures/site/sites.csv', '--out', file);
    expect(r.code, r.err).toBe(0);
    const wb = XLSX.read(readFileSync(file));
    expect(wb.SheetNames).toEqual(['地块', '配建要求', '服务圈与剩余容量', '对街道和全区的影响']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.配建要求, { header: 1 });
    const labels = rows.map((x) => x[0]);
    expect(labels).toContain('规则集');
    expect(labels).toContain('日期');
    const header = rows.find((x) => x[0] === '地块编号');
    expect(header).toEqual(expect.arrayContaining(['规则', '结论', '实际', '标准', '缺口', '原文']));
  });
  it('English table on stdout with --lang en', () => {
    const r = run('data/sample', 'tests/fixtures/site/site-a.kml', '--profile', 'ak', '--lang', 'en');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('fail ak.new.places');
    expect(r.out).toContain('required 26, planned 25, shortfall 1');
  });
  it('unreadable input: exit 1 with the file named; usage errors exit 2', () => {
    const e = run('data/sample', 'tests/fixtures/site/site-empty.geojson');
    expect(e.code).toBe(1);
    expect(e.err).toContain('site-empty.geojson');
    const p = run('data/sample', 'tests/fixtures/site/site-a-noprj.zip');
    expect(p.code).toBe(1);
    expect(p.err).toContain('EPSG:4545');
    expect(run('data/sample', 'tests/fixtures/site/sites.geojson', '--out', 'x.pdf').code).toBe(2);
    expect(run('data/sample', 'tests/fixtures/site/sites.geojson', '--profile', 'zz').code).toBe(2);
    expect(run('data/sample').code).toBe(2);
  }, 120_000); // five CLI runs, each a fresh tsx process
  it('a DXF: every closed polyline is a site unless --layer names the red-line layer', () => {
    const all = run('data/sample', 'tests/fixtures/site/site-a.dxf', '--profile', 'ca');
    expect(all.code, all.err).toBe(0);
    expect(all.out).toContain('共 2 个地块');
    const one = run('data/sample', 'tests/fixtures/site/site-a.dxf', '--profile', 'ca', '--layer', '用地红线');
    expect(one.code, one.err).toBe(0);
    expect(one.out).toContain('共 1 个地块');
  });
  it('--crs fixes a Shapefile without .prj', () => {
    const r = run('data/sample', 'tests/fixtures/site/site-a-noprj.zip', '--crs', 'EPSG:4545', '--profile', 'ca');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('ca.households');
  });
});
