// Renders a base map archive with its style in Debian's Chromium and saves a screenshot, to look at
// the cartography (projector readability, Chinese labels) without the app:
//   npx tsx scripts/basemap/preview.ts --archive data/demo/basemap.pmtiles --out tests/output/basemap.png --zoom 11
// A local HTTP server answers range requests; any request leaving localhost is reported and fails the run,
// which also shows the base map needs no network (no glyph or sprite server).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { errorMessage } from '../../src/core/errors';
import { basemapStyleDocument, demoBasemap, protomapsBasemap, PROTOMAPS_FLAVORS, type ProtomapsFlavor } from '../../src/map/basemap-style';

export interface PreviewOptions {
  archive: string;
  out: string;
  /** [lon, lat]; default: the archive's own centre */
  center?: [number, number];
  zoom: number;
  width: number;
  height: number;
  /** 'demo' (our schema) or a Protomaps flavour for a Protomaps archive */
  style: 'demo' | ProtomapsFlavor;
  lang: 'zh' | 'en';
  browser?: string;
}

const FILES: Record<string, [string, string]> = {
  '/maplibre-gl.mjs': ['node_modules/maplibre-gl/dist/maplibre-gl.mjs', 'text/javascript'],
  '/maplibre-gl-worker.mjs': ['node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', 'text/javascript'],
  '/maplibre-gl.css': ['node_modules/maplibre-gl/dist/maplibre-gl.css', 'text/css'],
  '/pmtiles.js': ['node_modules/pmtiles/dist/pmtiles.js', 'text/javascript'],
};

function page(style: unknown, center: [number, number] | null, zoom: number): string {
  // the style is data, written as JSON into a non-executed script element and parsed by the page
  const json = JSON.stringify({ style, center, zoom }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre-gl.css">
<style>html,body,#map{margin:0;width:100%;height:100%}</style><script src="/pmtiles.js"></script></head>
<body><div id="map"></div><script id="cfg" type="application/json">${json}</script>
<script type="module">
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const cfg = JSON.parse(document.getElementById('cfg').textContent);
const protocol = new pmtiles.Protocol();
maplibregl.addProtocol('pmtiles', protocol.tile);
let center = cfg.center, zoom = cfg.zoom;
if (!center) {
  const h = await new pmtiles.PMTiles(location.origin + '/archive.pmtiles').getHeader();
  center = [h.centerLon, h.centerLat];
}
const map = new maplibregl.Map({ container: 'map', style: cfg.style, center, zoom, attributionControl: { compact: false } });
map.on('error', (e) => { window.__errors = (window.__errors || []).concat(String(e.error && e.error.message || e)); });
map.once('idle', () => {
  // names of the labels MapLibre actually placed on screen
  window.__labels = map.queryRenderedFeatures().filter((f) => f.layer.type === 'symbol').map((f) => String(f.properties.name));
  window.__idle = true;
});
</script></body></html>`;
}

function serve(archive: string, html: (origin: string) => string): Promise<{ url: string; close: () => void }> {
  const size = statSync(archive).size;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(`http://${req.headers.host ?? '127.0.0.1'}`));
    } else if (path === '/archive.pmtiles') {
      const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
      const start = m ? Number(m[1]) : 0;
      const end = m ? Math.min(Number(m[2]), size - 1) : size - 1;
      const body = readFileSync(archive).subarray(start, end + 1);
      res.writeHead(m ? 206 : 200, {
        'content-type': 'application/vnd.pmtiles',
        'content-length': body.length,
        'accept-ranges': 'bytes',
        ...(m ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
      });
      res.end(body);
    } else if (FILES[path]) {
      const [file, type] = FILES[path]!;
      res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

export interface PreviewResult {
  /** requests that left localhost: should be none */
  external: string[];
  /** map errors: should be none */
  errors: string[];
  /** names of the labels placed on screen */
  labels: string[];
  /** page load to map idle */
  ms: number;
}

/** Renders and saves the screenshot. */
export async function preview(o: PreviewOptions): Promise<PreviewResult> {
  const html = (origin: string): string => {
    const url = `${origin}/archive.pmtiles`;
    const base = o.style === 'demo' ? demoBasemap(url, o.lang) : protomapsBasemap(url, o.style, o.lang);
    return page(basemapStyleDocument(base), o.center ?? null, o.zoom);
  };
  const s = await serve(o.archive, html);
  const browser = await chromium.launch({
    executablePath: o.browser ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const external: string[] = [];
  try {
    const ctx = await browser.newContext({ viewport: { width: o.width, height: o.height } });
    const tab = await ctx.newPage();
    tab.on('request', (r) => {
      const u = new URL(r.url());
      if (u.hostname !== '127.0.0.1' && u.protocol !== 'blob:' && u.protocol !== 'data:') external.push(r.url());
    });
    const t0 = performance.now();
    await tab.goto(s.url);
    await tab.waitForFunction(() => (window as unknown as { __idle?: boolean }).__idle === true, undefined, { timeout: 60000 });
    const ms = performance.now() - t0;
    mkdirSync(dirname(o.out), { recursive: true });
    await tab.screenshot({ path: o.out });
    const { errors, labels } = await tab.evaluate(() => {
      const w = window as unknown as { __errors?: string[]; __labels?: string[] };
      return { errors: w.__errors ?? [], labels: w.__labels ?? [] };
    });
    return { external, errors, labels, ms };
  } finally {
    await browser.close();
    s.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      archive: { type: 'string', default: 'data/demo/basemap.pmtiles' },
      out: { type: 'string', default: 'tests/output/basemap-preview.png' },
      center: { type: 'string' },
      zoom: { type: 'string', default: '11' },
      size: { type: 'string', default: '1366x768' },
      style: { type: 'string', default: 'demo' },
      lang: { type: 'string', default: 'zh' },
    },
  });
  const [width, height] = values.size.split('x').map(Number) as [number, number];
  const center = values.center ? (values.center.split(',').map(Number) as [number, number]) : undefined;
  const style = values.style;
  if (style !== 'demo' && !(PROTOMAPS_FLAVORS as readonly string[]).includes(style)) {
    throw new Error(`--style ${style}: use demo or a Protomaps flavour (${PROTOMAPS_FLAVORS.join(', ')})`);
  }
  const r = await preview({
    archive: values.archive,
    out: values.out,
    center,
    zoom: Number(values.zoom),
    width,
    height,
    style: style as PreviewOptions['style'],
    lang: values.lang === 'en' ? 'en' : 'zh',
  });
  console.log(`[basemap preview] ${values.out}: map idle after ${r.ms.toFixed(0)} ms, ${r.labels.length} labels placed`);
  for (const e of r.errors) console.error(`[basemap preview] map error: ${e}`);
  for (const u of r.external) console.error(`[basemap preview] request left localhost: ${u}`);
  if (r.external.length > 0 || r.errors.length > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(`[basemap preview] ${errorMessage(e)}`);
    process.exit(1);
  });
}
