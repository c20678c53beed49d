// The generator itself: deterministic, the committed data is its current output, sizes scale.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCity } from '../../scripts/demo/city';
import { collections, projectJson, stringifyCollection } from '../../scripts/demo/output';
import { apportion } from '../../scripts/demo/population';
import { createRng } from '../../scripts/demo/prng';
import { parseProject } from '../../src/schemas/project';
import { DEMO_DIR, readGaps } from './data';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('generateCity', () => {
  const a = generateCity({ seed: 2020 });

  it('is deterministic: the same seed twice gives byte-identical output', () => {
    const b = generateCity({ seed: 2020 });
    expect(sha(projectJson(b))).toBe(sha(projectJson(a)));
  });

  it('another seed gives another city', () => {
    expect(sha(projectJson(generateCity({ seed: 7 })))).not.toBe(sha(projectJson(a)));
  });

  it('the committed data/demo files are exactly what the generator makes now (run `npm run demo` after changing it)', () => {
    const fcs = collections(a);
    for (const name of ['outline', 'streets', 'communities', 'facilities', 'roads'] as const)
      expect(sha(readFileSync(join(DEMO_DIR, `${name}.geojson`), 'utf8')), name).toBe(sha(stringifyCollection(fcs[name])));
    expect(sha(readFileSync(join(DEMO_DIR, 'project.json'), 'utf8'))).toBe(sha(projectJson(a, fcs)));
    expect(readGaps().gaps).toEqual(JSON.parse(JSON.stringify(a.gaps.gaps)));
  });

  it('size 2 doubles the communities exactly and roughly doubles the road nodes', () => {
    const two = generateCity({ seed: 2020, size: 2 });
    expect(two.communities).toHaveLength(2 * a.communities.length);
    expect(two.roadNodes / a.roadNodes).toBeGreaterThan(1.8);
    expect(two.roadNodes / a.roadNodes).toBeLessThan(2.3);
    // copies keep the real name with a counter
    expect(two.communities.some((c) => /（2）$/.test(c.name))).toBe(true);
    expect(two.communities.reduce((s, c) => s + (c.population ?? 0), 0)).toBe(2 * 1_590_000);
  });

  it.each([1, 2, 3])('seed %i also yields a complete city with every gap and the calibrated totals', (seed) => {
    const c = generateCity({ seed });
    expect(c.communities).toHaveLength(a.communities.length);
    expect(c.gaps.gaps.map((g) => g.id)).toEqual(a.gaps.gaps.map((g) => g.id));
    for (const g of c.gaps.gaps) expect(g.ids.length, `${seed} ${g.id}`).toBeGreaterThan(0);
    expect(c.gaps.totals.places).toBe(7394); // 1 590 000 × 4.65 / 1000 = 7 393.5 → 7 394
  });

  it('can be calibrated to the census figure without the development zones instead', () => {
    const c = generateCity({ population: 1_090_000 });
    expect(c.communities.reduce((s, x) => s + (x.population ?? 0), 0)).toBe(1_090_000);
  });

  it('rejects a size that is not a whole number ≥ 1', () => {
    expect(() => generateCity({ size: 0 })).toThrow(/size must be a whole number/);
    expect(() => generateCity({ size: 1.5 })).toThrow(/size must be a whole number/);
  });
});

describe('project.json', () => {
  it("loads with the app's own project reader, with no data issues", () => {
    const r = parseProject(readFileSync(join(DEMO_DIR, 'project.json'), 'utf8'), 'project.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issues).toEqual([]);
    expect(r.project.profile).toBe('combined');
    expect(r.project.communities.length).toBeGreaterThan(300);
    expect(r.project.area.name).toContain('长安区');
    expect(Object.keys(r.other)).toEqual(['meta']);
  });
});

describe('helpers', () => {
  it('apportion splits by largest remainder and keeps the total', () => {
    // 10 over three equal weights: 3.33 each → floors 3, 3, 3; the one left goes to the first (tie → lowest index)
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]);
    // 7 × (0.5, 0.3, 0.2) = 3.5, 2.1, 1.4 → floors 3, 2, 1 (sum 6); remainders .5 > .4 > .1 → first gets the last one
    expect(apportion([5, 3, 2], 7)).toEqual([4, 2, 1]);
  });

  it('the PRNG streams are reproducible and forks are independent of later draws', () => {
    const x = createRng(1);
    const y = createRng(1);
    expect([x.next(), x.next()]).toEqual([y.next(), y.next()]);
    const f1 = createRng(5).fork('a').next();
    const r = createRng(5);
    r.next();
    expect(r.fork('a').next()).toBe(f1);
    expect(createRng(5).fork('b').next()).not.toBe(f1);
  });
});
