// The JS size budget (docs/performance.md), read from the build the browser tests run: what loads before a
// project can be opened stays small; the importers, site check, suggestion and compare come in
// chunks of their own on first use. Sizes, not timings: gzip -9 of the files as built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { bundleSizes, closure, reachable } from './bundle-size';
import { ledgerZh } from '../../src/i18n/ledger';
import { siteZh } from '../../src/i18n/site';
import { suggestZh } from '../../src/i18n/suggest';
import { workspaceZh } from '../../src/i18n/workspace';
import { workspaceSharedZh } from '../../src/i18n/workspace-shared';

const KB = 1024;

describe('JS size budget', () => {
  const sizes = bundleSizes(inject('appDist'));
  const text = (files: string[]) => files.map((f) => readFileSync(join(inject('appDist'), 'assets', f), 'utf8')).join('\n');
  const report = (name: string, s: { gz: number; raw: number; files: string[] }) =>
    console.log(`${name}: ${(s.gz / KB).toFixed(1)} kB gzipped (${(s.raw / KB).toFixed(0)} kB raw) — ${s.files.join(', ')}`);
  it('maplibre-gl is a chunk of its own (what the page budget leaves out)', () => {
    report('maplibre-gl', sizes.maplibre);
    expect(sizes.maplibre.files.length).toBeGreaterThan(0);
  });
  it('the page before a project opens (entry + static imports, maplibre-gl excluded): ≤ 150 kB gzipped', () => {
    report('page', sizes.page);
    expect(sizes.page.files.length).toBeGreaterThan(1);
    expect(sizes.page.gz).toBeLessThanOrEqual(150 * KB);
  });
  it('the schema library and the strings of the parts loaded on first use are not in the page but in chunks loaded on use', () => {
    const page = text(sizes.page.files);
    const later = text(sizes.lazy.files);
    // the name Zod gives its error class; one message of each part's catalogue (zh, as written in the source)
    const marks = [
      'ZodError',
      siteZh['site.ui.intro'],
      suggestZh['suggest.ui.intro'],
      ledgerZh['ledger.how.text'],
      workspaceZh['ws.ui.howText'],
      workspaceSharedZh['ws.data.baselineIs'],
    ];
    for (const mark of marks) {
      expect(mark.length, mark).toBeGreaterThan(5);
      expect(page.includes(mark), mark).toBe(false);
      expect(later.includes(mark), mark).toBe(true);
    }
  });
  it("the analysis worker's first chunk (with its static imports): ≤ 150 kB gzipped", () => {
    report('worker', sizes.worker);
    expect(sizes.worker.gz).toBeLessThanOrEqual(150 * KB);
  });
  it('each importer library is a chunk of its own that the import loads for the file’s format; a CSV loads none of them', () => {
    const dir = join(inject('appDist'), 'assets');
    const workerEntry = readdirSync(dir).find((f) => /^worker-[\w-]+\.js$/.test(f)) ?? '';
    // the worker's own bundle (the page has its own copy of SheetJS, for the ledger)
    const js = reachable(dir, workerEntry);
    expect(js.length).toBeGreaterThan(10);
    const holding = (mark: string) => js.filter((f) => readFileSync(join(dir, f), 'utf8').includes(mark));
    // a string each library keeps when minified (proj4's projection names, dxf-parser's AutoCAD
    // class names, the OSM PBF block names); SheetJS and xmldom name themselves
    const LIBRARIES = { SheetJS: 'SheetJS', xmldom: '[xmldom ', proj4: 'Lambert_Conformal_Conic', 'dxf-parser': 'AcDbSymbolTable', 'OSM PBF': 'DenseNodes' };
    const importPart = js.filter((f) => f.startsWith('import-export-'));
    expect(importPart).toHaveLength(1);
    const withImportPart = new Set(closure(dir, importPart[0]));
    const chunks = new Set<string>();
    for (const [lib, mark] of Object.entries(LIBRARIES)) {
      const files = holding(mark);
      expect(files, lib).toHaveLength(1);
      expect(sizes.worker.files, lib).not.toContain(files[0]);
      expect(withImportPart.has(files[0]), `${lib} loads with the import part`).toBe(false);
      chunks.add(files[0]);
    }
    // each in a chunk of its own (not two of them in one)
    expect(chunks.size).toBe(Object.keys(LIBRARIES).length);
    // the CSV reader (its pattern of coordinate column prefixes) and what loads with it
    const csv = holding('gcj02|gcj|bd09');
    expect(csv).toHaveLength(1);
    const withCsv = text(closure(dir, csv[0]).filter((f) => !sizes.worker.files.includes(f)));
    for (const [lib, mark] of Object.entries(LIBRARIES)) expect(withCsv.includes(mark), `${lib} loads with the CSV reader`).toBe(false);
    // all a CSV import loads beyond the worker's first chunk: the import part, the CSV reader and
    // what they import (47 kB raw on 7 Dec; one 944 kB chunk with every reader before)
    const csvImport = [...new Set([...withImportPart, ...closure(dir, csv[0])])].filter((f) => !sizes.worker.files.includes(f));
    const raw = csvImport.reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);
    console.log(`a CSV import loads ${(raw / KB).toFixed(0)} kB raw: ${csvImport.join(', ')}`);
    expect(raw).toBeLessThan(100 * KB);
  });
  it('SheetJS, xmldom, proj4 and the readers are not in the worker’s first chunk but in chunks loaded on use', () => {
    report('loaded on use', sizes.lazy);
    // each library's own licence banner or a name it keeps when minified
    const first = text(sizes.worker.files);
    const later = text(sizes.lazy.files);
    for (const mark of ['SheetJS', 'xmldom', 'proj4']) {
      expect(first, mark).not.toContain(mark);
      expect(later, mark).toContain(mark);
    }
  });
});
