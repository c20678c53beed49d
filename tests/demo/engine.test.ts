// Integration: the app's own rule engine (src/core/evaluate) run on the committed project file finds
// the planted gaps listed in gaps.json — the demo shows what it says it shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, listProfiles, type Evaluation } from '../../src/core/evaluate';
import { parseProject } from '../../src/schemas/project';
import { DEMO_DIR, readGaps } from './data';

const loaded = parseProject(readFileSync(join(DEMO_DIR, 'project.json'), 'utf8'), 'project.json');
if (!loaded.ok) throw new Error(`data/demo/project.json does not load: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
const project = loaded.project;
const runs: Evaluation[] = listProfiles().map((p) => evaluate(project, { profile: p.id }));
const failing = (rules: string[], unit: string) =>
  runs.flatMap((e) => e.results.filter((r) => rules.includes(r.rule) && r.unit.id === unit && r.status === 'fail').map((r) => `${e.profile}:${r.rule}`));
const gaps = readGaps().gaps;
const gap = (id: string) => gaps.find((g) => g.id === id) ?? { id, rules: [], ids: [], level: '', zh: '', en: '' };

describe('the rule engine finds the planted gaps', () => {
  it.each(['G1', 'G2', 'G3', 'G4', 'G8', 'G9'])('%s: its unit fails one of the listed rules', (id) => {
    const g = gap(id);
    expect(failing(g.rules, g.ids[0]), `${id} ${g.ids[0]}`).not.toEqual([]);
  });

  it("G5: every listed community is outside the elderly circle (straight line, 810 m); urban ones fail 万源's 15-minute circle", () => {
    const wy = runs.find((e) => e.profile === 'wy');
    const outside = new Set(wy?.coverage.find((c) => c.circle === 'elderly')?.outside ?? []);
    const urban = new Set(project.communities.filter((c) => c.type !== 'rural').map((c) => c.id));
    for (const c of gap('G5').ids) {
      expect(outside.has(c), c).toBe(true);
      // wy.circle assesses urban (new and built) communities only
      if (urban.has(c)) expect(failing(['wy.circle'], c), c).toContain('wy:wy.circle');
    }
  });

  it('G6: the 敬老院 fails the per-敬老院 nursing share of the 长安 profile', () => {
    expect(failing(['ca.nursing'], gap('G6').ids[1])).toContain('ca:ca.nursing');
  });

  it('G7: every listed elderly facility that a co-location rule assesses fails it', () => {
    let assessed = 0;
    for (const f of gap('G7').ids) {
      const results = runs.flatMap((e) => e.results.filter((r) => ['wy.colocate', 'xn.colocate'].includes(r.rule) && r.unit.id === f));
      if (results.length === 0) continue;
      assessed++;
      expect(
        results.every((r) => r.status === 'fail'),
        f,
      ).toBe(true);
    }
    expect(assessed).toBeGreaterThan(10);
  });

  it('G10: each listed street fails xn.street.childcare', () => {
    for (const s of gap('G10').ids) expect(failing(['xn.street.childcare'], s), s).toContain('xn:xn.street.childcare');
  });

  it('G11: the area fails 4.8 places per 1000 (长安) but passes 4.5 (万源): the profile changes the verdict', () => {
    const area = (profile: string, rule: string) => runs.find((e) => e.profile === profile)?.results.find((r) => r.rule === rule && r.unit.level === 'area')?.status;
    expect(area('ca', 'ca.city.places')).toBe('fail');
    expect(area('wy', 'wy.city.places')).toBe('pass');
    expect(area('wy', 'wy.city.beds')).toBe('pass');
    expect(failing(['ca.public.beds'], 'area')).toContain('ca:ca.public.beds');
  });
});
