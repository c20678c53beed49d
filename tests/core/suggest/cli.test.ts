import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli';

// Same two communities as suggest.test.ts: A (1,000 residents) and B (5,000) ≈ 4.6 km apart,
// a 10-place nursery at B. Written as a real folder of GeoJSON files.
const dir = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (lon: number) => ({ type: 'Point', coordinates: [lon, 34.1] });
writeFileSync(
  join(dir, 'communities.geojson'),
  fc([
    { type: 'Feature', properties: { id: 'A', name: 'A', type: 'new', population: 1000 }, geometry: point(108.9) },
    { type: 'Feature', properties: { id: 'B', name: 'B', type: 'new', population: 5000 }, geometry: point(108.95) },
  ]),
);
writeFileSync(join(dir, 'facilities.geojson'), fc([{ type: 'Feature', properties: { id: 'F', name: 'F', kind: 'childcare_centre', places: 10 }, geometry: point(108.95) }]));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli('suggest', dir, ...args);

describe('npm run suggest', () => {
  it('prints the shortfall site as JSON', () => {
    const r = run('--kind', 'childcare_centre', '--sites', '1', '--goal', 'shortfall', '--capacity', '100', '--json');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { sites: { candidate: { id: string }; gain: number }[] };
    // B lacks 5000 × 10 / 1000 − 10 = 40 places, A lacks 10
    expect(out.sites.map((s) => [s.candidate.id, s.gain])).toEqual([['community:B', 40]]);
  });
  it('prints a Chinese table by default and English with --lang en', () => {
    expect(run('--kind', 'childcare_centre', '--sites', '1').out).toContain('新设施选址建议');
    expect(run('--kind', 'childcare_centre', '--sites', '1', '--lang', 'en').out).toContain('Site suggestions');
  });
  it('explains a bad option and exits non-zero', () => {
    const r = run('--kind', 'spaceport', '--sites', '1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--kind must be one of/);
    const n = run('--kind', 'childcare_centre', '--sites', '1', '--reach', 'network');
    expect(n.code).toBe(2);
    expect(n.err).toMatch(/needs a street network .* has none/);
  });
});
