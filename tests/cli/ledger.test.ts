// `npm run ledger` as a user runs it: the demo's 安康 elements with 责任单位 and status, a project
// file with entered values, the XLSX read back with SheetJS.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import * as XLSX from 'xlsx';

const run = (...args: string[]) => runCli('ledger', ...args);
const dir = mkdtempSync(join(tmpdir(), 'ledger-'));

// data/sample with two entered values: 1800 elderly-care workers trained by 2023 (even pace to
// 5000 by 2025 over 2021–2025 is 3000 by 2023 → behind), the old-area rectification under way.
function sampleWithEntries(): string {
  const p = JSON.parse(readFileSync('data/sample/project.json', 'utf8')) as Record<string, unknown>;
  p.profile = 'ak';
  p.ledger = {
    version: 1,
    entries: [
      { target: 'ak.talent.elderly', year: 2023, value: 1800, by: '市人社局 李明', at: '2023-12-20T08:00:00.000Z', note: '含线上培训' },
      { target: 'ak.site.old', year: 2023, done: false, by: '市住建局', at: '2023-11-01T00:00:00.000Z' },
    ],
  };
  const file = join(dir, 'sample.json');
  writeFileSync(file, JSON.stringify(p));
  return file;
}

describe('npm run ledger', () => {
  it('data/demo --profile ak lists the 安康 elements with their 责任单位 and status', () => {
    const r = run('data/demo', '--profile', 'ak');
    expect(r.code, r.err).toBe(0);
    for (const el of [
      '1.争取中省资金支持',
      '2.市财政专项养老托育支持资金',
      '3.减税降费',
      '4.放宽信贷政策',
      '1.养老托育人员技能提升专项行动计划',
      '2.养老托育人才培养国际交流项目',
      '3.康养产业学院建设项目',
      '1.充分保障养老托育服务用地用房',
      '2.安康养老托育用品展示中心',
      '3.秦巴区域职教实训基地',
    ])
      expect(r.out).toContain(el);
    expect(r.out).toContain('人行安康市中心支行、安康银保监分局');
    expect(r.out).toMatch(/类别\s+要素\s+目标\s+责任单位\s+进展\s+状态/);
    // the demo's figures: 18 M + 10 M CNY = 2800 万元 ≥ 1500 (reached), lottery 58 % < 60 % (behind),
    // and the share of new communities built to the standard (behind); no entries → 12 without data
    expect(r.out).toContain('已达成 1 · 按进度推进 0 · 滞后 2 · 未到期 0 · 无数据 12');
    expect(r.out).toMatch(/市财政每年拿出1500万元（≥1500万元）.*2800万元\s+已达成/);
  });

  it('a project with entries: JSON rows with the entered and computed values', () => {
    const r = run(sampleWithEntries(), '--year', '2023', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as { year: number; rows: { id: string; value: number | null; statusCode: string; by: string; progress: string }[] };
    const row = (id: string) => j.rows.find((x) => x.id === id);
    expect(j.year).toBe(2023);
    expect(j.rows.length).toBe(15);
    // sample area: 25 M + 8 M CNY = 3300 万元 ≥ 1500; lottery 58 % < 60 %
    expect([row('ak.funds.city')?.value, row('ak.funds.city')?.statusCode]).toEqual([3300, 'reached']);
    expect([row('ak.funds.lottery')?.value, row('ak.funds.lottery')?.statusCode]).toEqual([0.58, 'behind']);
    expect([row('ak.talent.elderly')?.value, row('ak.talent.elderly')?.statusCode, row('ak.talent.elderly')?.by]).toEqual([1800, 'behind', '市人社局 李明']);
    expect(row('ak.talent.elderly')?.progress).toBe('1800人次；按进度应达 3000人次');
    expect(row('ak.site.old')?.statusCode).toBe('onTrack');
  });

  it('--dept 人社局 --out writes a 台账 workbook with Chinese headers, one row per target of that bureau', () => {
    const file = join(dir, 'ledger.xlsx');
    const r = run(sampleWithEntries(), '--year', '2023', '--dept', '人社局', '--out', file);
    expect(r.code, r.err).toBe(0);
    const wb = XLSX.read(readFileSync(file));
    expect(wb.SheetNames).toEqual(['台账']);
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.台账, { header: 1, blankrows: false });
    const head = aoa.findIndex((row) => row[0] === '类别');
    expect(head).toBeGreaterThan(0);
    expect(aoa[head].slice(0, 8)).toEqual(['类别', '要素', '目标', '完成年限', '责任单位', '进展', '状态', '备注']);
    expect(aoa.slice(0, head).map((row) => row[1])).toContain('人社局');
    const body = aoa.slice(head + 1);
    // 人才要素 1 (four targets) and 2 name 市人社局; nothing else of 000 does
    expect(body.length).toBe(5);
    const trained = body.find((row) => row[2] === '培训养老从业人员5000人次（≥5000人次）');
    expect(trained?.slice(4, 8)).toEqual(['市人社局、市民政局、市教体局，各县（市、区）人民政府按职责分工负责', '1800人次；按进度应达 3000人次', '滞后', '含线上培训']);
  });

  it('a usage error exits 2 and names the options', () => {
    const r = run('data/demo', '--year', 'soon');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--year');
  });
});
