// The command line as a user runs it: a subprocess on data/sample and on broken inputs.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const check = (...args: string[]) => runCli('check', ...args);

interface JsonReport {
  profile: string;
  params: Record<string, unknown>;
  results: {
    rule: string;
    unit: { level: string; id: string };
    value: number | null;
    threshold: number | null;
    measure: string;
    status: string;
    shortfall: number | null;
    citation: { document: string; clause: string; text: string };
  }[];
}

describe('npm run check', () => {
  it('--json on the sample folder: the documented shape, profile combined by default', () => {
    const r = check('data/sample', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as JsonReport;
    expect(j.profile).toBe('combined');
    expect(j.params.walkSpeed).toBe(0.9);
    for (const x of j.results) {
      expect(['area', 'street', 'community', 'facility', 'scenario']).toContain(x.unit.level);
      expect(['pass', 'fail', 'na']).toContain(x.status);
      expect(Object.keys(x.citation).sort()).toEqual(['clause', 'document', 'text']);
    }
    const c2 = j.results.find((x) => x.rule === 'wy.places.old' && x.unit.id === 'C2');
    expect(c2).toMatchObject({ status: 'fail', shortfall: 4, measure: 'places_per_1000', citation: { text: '老城区和已建成居住区不少于8个托位' } });
  });
  it('--profile all prints a report for each of the six profiles (Chinese by default)', () => {
    const r = check('data/sample/project.json', '--profile', 'all');
    expect(r.code).toBe(0);
    for (const p of ['ak', 'cf', 'wy', 'xn', 'ca', 'combined']) expect(r.out).toContain(`规则集: ${p}`);
    expect(r.out).toContain('不达标');
    const j = JSON.parse(check('data/sample/project.json', '--profile', 'all', '--json').out) as JsonReport[];
    expect(j.map((x) => x.profile)).toEqual(['ak', 'cf', 'wy', 'xn', 'ca', 'combined']);
  });
  it('--lang en and --set change the report; the parameters used are printed', () => {
    const r = check('data/sample/project.json', '--profile', 'wy', '--lang', 'en', '--set', 'walkSpeed=1.2');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Profile: wy');
    expect(r.out).toContain('"walkSpeed":1.2');
    // 15 × 60 × 1.2 = 1080 m: C3 (1051 m from F2) is now inside the elderly circle
    expect(r.out).toContain('Elderly-care circle (1080 m): 1 communities outside');
  });
  it('a threshold override via --set threshold.<rule>=N', () => {
    const r = check('data/sample/project.json', '--profile', 'wy', '--json', '--set', 'threshold.wy.places.old=6');
    const j = JSON.parse(r.out) as JsonReport;
    // 20 ÷ 3000 × 1000 = 6.67 ≥ 6
    expect(j.results.find((x) => x.rule === 'wy.places.old' && x.unit.id === 'C2' && (x as { view?: string }).view === 'onsite')?.status).toBe('pass');
  });
  it('bad input exits non-zero naming the file, the feature (index and id) and the field', () => {
    const r = check('tests/cli/fixtures/bad-kind', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('tests/cli/fixtures/bad-kind/facilities.geojson: feature no. 2 (id F2)');
    expect(r.err).toContain('field kind');
    expect(r.err).toContain('医院');
    expect(r.out).toBe('');
  });
  it('broken JSON, a folder without layers, a newer project version', () => {
    const a = check('tests/cli/fixtures/bad-json');
    expect(a.code).toBe(1);
    expect(a.err).toContain('facilities.geojson：不是有效的 JSON');
    const b = check('tests/cli/fixtures/empty', '--lang', 'en');
    expect(b.code).toBe(1);
    expect(b.err).toContain('no communities.geojson and facilities.geojson');
    const c = check('tests/cli/fixtures/newer.json', '--lang', 'en');
    expect(c.code).toBe(1);
    expect(c.err).toContain('version 9 is newer');
  });
  it('folder mode reads the area figures from a project.json beside the layers, and says so', () => {
    // data/sample/project.json: budgetElderly 25,000,000 + budgetChildcare 8,000,000 = 33,000,000 ≥ 15,000,000
    const j = JSON.parse(check('data/sample', '--json', '--profile', 'ak').out) as JsonReport & { areaFrom: string | null };
    expect(j.areaFrom).toBe('data/sample/project.json');
    expect(j.results.find((x) => x.rule === 'ak.budget' && (x as { part?: string }).part === 'total')).toMatchObject({ value: 33_000_000, status: 'pass' });
    // the same layers without it: the budget is unknown, and the report says why
    const dir = mkdtempSync(join(tmpdir(), 'check-folder-'));
    for (const f of ['communities', 'facilities', 'streets']) copyFileSync(`data/sample/${f}.geojson`, join(dir, `${f}.geojson`));
    const bare = check(dir, '--profile', 'ak', '--lang', 'en');
    expect(bare.out).toContain('No project.json in the folder');
    const jb = JSON.parse(check(dir, '--json', '--profile', 'ak').out) as JsonReport & { areaFrom: string | null };
    expect(jb.areaFrom).toBeNull();
    expect(jb.results.find((x) => x.rule === 'ak.budget' && (x as { part?: string }).part === 'total')?.status).toBe('na');
  });
  it('--set refuses a threshold key that would change nothing, and echoes a bad value as typed', () => {
    const a = check('data/sample', '--set', 'threshold.ca.community.min=350', '--lang', 'en');
    expect(a.code).toBe(2);
    expect(a.err).toContain(
      'There is no rule key ca.community.min; this setting would change nothing. Valid keys (closest first): ca.community.min:childcare, ca.community.min:elderly',
    );
    const b = check('data/sample', '--set', 'walkSpeed=abc', '--lang', 'en');
    expect(b.code).toBe(2);
    expect(b.err).toContain('invalid value abc');
  });
  it('usage errors exit 2: unknown profile, bad --set, missing path', () => {
    expect(check('data/sample', '--profile', 'nope').code).toBe(2);
    const s = check('data/sample', '--set', 'walkSpeed=fast', '--lang', 'en');
    expect(s.code).toBe(2);
    expect(s.err).toContain('walkSpeed');
    expect(check().code).toBe(2);
  });
});
