// readFileLazy (the app worker's reader: the format's readers loaded on first use, proj4 only when
// a file needs a transform) gives what readFile gives, on every file of the import's cases — the
// corpus, the format fixtures (Gauss-Krüger, Web Mercator, GBK shapefiles, DXF, KML) and messy
// spreadsheets. This file imports read.ts only after the first tests, so they run without proj4.
import { describe, expect, it } from 'vitest';
import { readFileLazy } from '../../src/io/read-lazy';
import { NeedsProj4, toLonLat } from '../../src/io/crs';
import { readFileSync } from 'node:fs';

const GK36 = { code: 'EPSG:4524', source: 'user' as const, proj4: '+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=36500000 +y_0=0 +ellps=GRS80 +units=m +no_defs' };
const enc = (s: string) => new TextEncoder().encode(s);

describe('readFileLazy', () => {
  it('reads a lon/lat table without loading proj4', async () => {
    const r = await readFileLazy('p.csv', enc('名称,经度,纬度\n甲,108.95,34.25\n'));
    expect(r.ok && r.layers[0].features[0].geometry).toEqual({ type: 'Point', coordinates: [108.95, 34.25] });
    // still no proj4: a transform asks for it
    expect(() => toLonLat(GK36)).toThrow(NeedsProj4);
  });

  it('loads proj4 for a file in projected coordinates and reads it as readFile does', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/io/communities-gk36-wkt.csv'));
    const lazy = await readFileLazy('communities-gk36-wkt.csv', bytes);
    expect(lazy.ok).toBe(true);
    expect(toLonLat(GK36)).toBeTypeOf('function');
    const { readFile } = await import('../../src/io/read');
    expect(lazy).toEqual(readFile('communities-gk36-wkt.csv', bytes));
  });

  it('gives what readFile gives on every case of the import reference', async () => {
    const { readFile } = await import('../../src/io/read');
    const { importCases } = await import('./import-cases'); // it imports read.ts (and proj4)
    const cases = importCases();
    expect(cases.length).toBeGreaterThan(130);
    for (const c of cases) {
      const bytes = c.bytes();
      // a hostile value nested too deep for toEqual's walk is compared as readFile's own answer's text
      const [lazy, sync] = [await readFileLazy(c.name, bytes), readFile(c.name, bytes)];
      expect(lazy.ok, c.name).toBe(sync.ok);
      if (!lazy.ok || !sync.ok) expect(lazy, c.name).toEqual(sync);
      else {
        expect(lazy.layers.length, c.name).toBe(sync.layers.length);
        for (const [i, l] of lazy.layers.entries()) {
          const { features, ...rest } = l;
          const { features: want, ...wantRest } = sync.layers[i];
          expect(rest, c.name).toEqual(wantRest);
          expect(features.length, c.name).toBe(want.length);
          for (const [j, f] of features.entries()) if (j < 200 || j % 97 === 0) expect(safe(f), `${c.name} #${j}`).toEqual(safe(want[j]));
        }
      }
    }
  }, 120_000);
});

/** a feature as JSON text, or the error JSON.stringify gives for one nested too deep */
function safe(x: unknown): string {
  try {
    return JSON.stringify(x);
  } catch (e) {
    return String(e);
  }
}
