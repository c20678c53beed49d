// The JS size budget (docs/app.md, city scale), read from the build the browser tests run: what loads before a
// project can be opened stays small; the importers, site check, suggestion and compare come in
// chunks of their own on first use. Sizes, not timings: gzip -9 of the files as built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { bundleSizes } from './bundle-size';

const KB = 1024;

describe('JS size budget', () => {
  const sizes = bundleSizes(inject('appDist'));
  const report = (name: string, s: { gz: number; raw: number; files: string[] }) =>
    console.log(`${name}: ${(s.gz / KB).toFixed(1)} kB gzipped (${(s.raw / KB).toFixed(0)} kB raw) — ${s.files.join(', ')}`);
  it('maplibre-gl is a chunk of its own (what the page budget leaves out)', () => {
    report('maplibre-gl', sizes.maplibre);
    report('page', sizes.page);
    expect(sizes.maplibre.files.length).toBeGreaterThan(0);
  });
  it("the analysis worker's first chunk (with its static imports): ≤ 150 kB gzipped", () => {
    report('worker', sizes.worker);
    expect(sizes.worker.gz).toBeLessThanOrEqual(150 * KB);
  });
  it('SheetJS, xmldom, proj4 and the readers are not in the worker’s first chunk but in chunks loaded on use', () => {
    report('loaded on use', sizes.lazy);
    // each library's own licence banner or a name it keeps when minified
    const text = (files: string[]) => files.map((f) => readFileSync(join(inject('appDist'), 'assets', f), 'utf8')).join('\n');
    const first = text(sizes.worker.files);
    const later = text(sizes.lazy.files);
    for (const mark of ['SheetJS', 'xmldom', 'proj4']) {
      expect(first, mark).not.toContain(mark);
      expect(later, mark).toContain(mark);
    }
  });
});
