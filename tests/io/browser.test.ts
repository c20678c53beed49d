// The importers in real Chromium under a strict CSP (no eval, no inline script): src/io is built
// with Vite for the browser, served over loopback, and reads the GDAL fixtures there. Proves the
// readers need no Node API and that GBK decoding works with the browser's TextDecoder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { browserPath, skipWithout } from '../tools';

const CHROMIUM = browserPath();
const FIXTURES = ['communities-gk36-gbk.zip', 'facilities-cm108-gbk.csv', 'communities.kml', 'communities-gk36.dxf'];

const PAGE_SCRIPT = `
import * as io from './io.js';
const out = {};
for (const [f, kind, opts] of [['communities-gk36-gbk.zip', 'communities', {}], ['facilities-cm108-gbk.csv', 'facilities', { crs: 'EPSG:4545' }], ['communities.kml', 'communities', {}], ['communities-gk36.dxf', 'communities', { defaults: { type: 'built' } }]]) {
  const bytes = new Uint8Array(await (await fetch(f)).arrayBuffer());
  const r = io.importFile(f, bytes, { kind, ...opts });
  out[f] = r.ok ? { good: r.outcome.good.length, names: r.outcome.good.map((x) => x.name), first: r.outcome.good[0].geometry.coordinates.flat(2).slice(0, 2), encoding: r.report.encoding?.name ?? null } : r.error;
}
const csv = io.toCsv(io.layerToTable('facilities', [], 'zh'));
out.csvBom = [...csv.slice(0, 3)];
out.xlsxBytes = io.toXlsx([io.layerToTable('facilities', [], 'zh')]).length;
window.__result = out;
`;

describe.skipIf(skipWithout(Boolean(CHROMIUM), 'Chromium (apt-get install chromium, or set CHROMIUM_PATH)'))(
  `importers in Chromium (${CHROMIUM ?? 'no Chromium found: install chromium or set CHROMIUM_PATH'})`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'h6-browser-'));
    let server: Server;
    let browser: Browser;
    let url = '';
    const errors: string[] = [];

    beforeAll(async () => {
      await build({
        configFile: false,
        logLevel: 'silent',
        build: { outDir: dir, emptyOutDir: false, target: 'es2022', lib: { entry: resolve('src/io/index.ts'), formats: ['es'], fileName: () => 'io.js' } },
      });
      writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="./page.js"></script>');
      writeFileSync(join(dir, 'page.js'), PAGE_SCRIPT);
      for (const f of FIXTURES) writeFileSync(join(dir, f), readFileSync(join('tests/fixtures/io', f)));
      server = createServer((req, res) => {
        if (req.url === '/favicon.ico') {
          res.writeHead(204).end();
          return;
        }
        const path = join(dir, req.url === '/' ? 'index.html' : (req.url ?? '').slice(1));
        if (!path.startsWith(dir) || !existsSync(path)) {
          res.writeHead(404).end();
          return;
        }
        const type = { '.html': 'text/html', '.js': 'text/javascript' }[extname(path)] ?? 'application/octet-stream';
        // the app's policy: scripts from the page's own origin only, so eval and inline code would fail
        res.writeHead(200, { 'content-type': type, 'content-security-policy': "default-src 'self'; script-src 'self'; object-src 'none'" }).end(readFileSync(path));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const addr = server.address();
      url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      server?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('reads the GBK Shapefile, the GBK CSV, KML and DXF, and writes CSV/XLSX', async () => {
      const page = await browser.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result, null, { timeout: 30_000 });
      const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Record<
        string,
        { good: number; names: string[]; first: number[]; encoding: string | null }
      > & { csvBom: number[]; xlsxBytes: number };
      expect(errors).toEqual([]);
      expect(result['communities-gk36-gbk.zip'].names).toEqual(['韦曲街道北街社区', '韦曲街道南街社区', '郭杜街道西江村']);
      expect(result['communities-gk36-gbk.zip'].encoding).toBe('gb18030');
      // first vertex of 北街社区: (108.930, 34.160) in the WGS84 source
      expect(result['communities-gk36-gbk.zip'].first[0]).toBeCloseTo(108.93, 7);
      expect(result['communities-gk36-gbk.zip'].first[1]).toBeCloseTo(34.16, 7);
      expect(result['facilities-cm108-gbk.csv'].names).toEqual(['长安区韦曲街道日间照料中心', '长安区社会福利院', '郭杜小蜜蜂托育中心']);
      expect(result['communities.kml'].good).toBe(3);
      expect(result['communities-gk36.dxf'].good).toBe(4);
      expect(result.csvBom).toEqual([0xef, 0xbb, 0xbf]);
      expect(result.xlsxBytes).toBeGreaterThan(1000);
    }, 60_000);
  },
);
