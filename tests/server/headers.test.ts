// The security headers of `npm run serve`: the built app is served with the same
// Content-Security-Policy its index.html carries (one definition, src/core/csp.ts; the tile origins
// the build was given with VITE_TILE_ORIGINS) plus frame-ancestors, which only a header can say;
// the API's answers load nothing and may be framed by no one. The expected directives are written
// out here, not taken from the module.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../vite.config';
import { engine, type Running, serve } from './harness';

const OWN = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** index.html as `npm run build` writes it with these tile origins (the build's own transform) */
function builtIndex(origins: string | undefined): string {
  const plugin = (config as { plugins: Plugin[] }).plugins.flat().find((p) => (p as Plugin).name === 'csp-tile-origins') as Plugin;
  const before = process.env.VITE_TILE_ORIGINS;
  if (origins === undefined) delete process.env.VITE_TILE_ORIGINS;
  else process.env.VITE_TILE_ORIGINS = origins;
  try {
    return (plugin.transformIndexHtml as (h: string) => string)(readFileSync('index.html', 'utf8'));
  } finally {
    if (before === undefined) delete process.env.VITE_TILE_ORIGINS;
    else process.env.VITE_TILE_ORIGINS = before;
  }
}

const metaPolicy = (html: string) => /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';

function appDir(origins: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'serve-app-'));
  writeFileSync(join(dir, 'index.html'), builtIndex(origins));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'export {};');
  return dir;
}

describe('npm run serve: security headers', async () => {
  const eng = await engine('pglite');
  let plain: Running;
  let tiles: Running;
  const tileDir = appDir('https://tiles.example.cn https://*.tianditu.gov.cn');
  beforeAll(async () => {
    const db = await eng.open();
    plain = await serve(db, { appDir: appDir(undefined) });
    tiles = await serve(db, { appDir: tileDir });
  }, 120_000);
  afterAll(async () => {
    await plain?.close();
    await tiles?.close();
    await eng.stop();
  });

  it('the page: its own policy as a header, with frame-ancestors and the other headers', async () => {
    for (const path of ['/', '/index.html', '/assets/index-abc.js', '/some/page/path']) {
      const r = await fetch(plain.base + path);
      expect(r.status, path).toBe(200);
      const csp = (r.headers.get('content-security-policy') ?? '').split('; ');
      expect(csp).toEqual([...OWN.slice(0, 5), "connect-src 'self' blob: data:", ...OWN.slice(5), "frame-ancestors 'none'"]);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      // cross-origin isolated, so the page and its worker share the packed outlines (one copy)
      expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(r.headers.get('cross-origin-embedder-policy')).toBe('credentialless');
    }
  });

  it('the same policy as the page it serves: the <meta> of its index.html, plus frame-ancestors', async () => {
    for (const [run, dir] of [
      [plain, undefined],
      [tiles, tileDir],
    ] as const) {
      const r = await fetch(`${run.base}/`);
      const html = await r.text();
      expect(r.headers.get('content-security-policy')).toBe(`${metaPolicy(html)}; frame-ancestors 'none'`);
      if (dir) expect(html).toBe(readFileSync(join(dir, 'index.html'), 'utf8'));
    }
  });

  it('a build with VITE_TILE_ORIGINS: the header allows the same tile origins', async () => {
    const csp = (await fetch(`${tiles.base}/`)).headers.get('content-security-policy') ?? '';
    expect(csp.split('; ')).toContain("connect-src 'self' blob: data: https://tiles.example.cn https://*.tianditu.gov.cn");
    expect(csp.split('; ')).toEqual(expect.arrayContaining([...OWN, "frame-ancestors 'none'"]));
  });

  it('the API: loads nothing if opened as a page, never framed, never cached', async () => {
    const r = await fetch(`${plain.base}/api/me`);
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});
