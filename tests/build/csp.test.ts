// The page's CSP: strict by default, online tile origins added only as the deployment says at
// build time (VITE_TILE_ORIGINS), and a wrong setting stops the build with its reason.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { tileOriginsOf } from '../../src/core/csp';
import config from '../../vite.config';

const html = readFileSync('index.html', 'utf8');
const plugin = (config as { plugins: Plugin[] }).plugins.flat().find((p) => (p as Plugin).name === 'csp-tile-origins') as Plugin;
const transform = (h: string) => (plugin.transformIndexHtml as (h: string) => string)(h);
const csp = (h: string) => /Content-Security-Policy" content="([^"]+)"/.exec(h)?.[1] ?? '';

afterEach(() => {
  delete process.env.VITE_TILE_ORIGINS;
});

describe('CSP', () => {
  it('forbids plugins, <base> and form posts, and connects to its own origin only', () => {
    const d = csp(transform(html)).split('; ');
    expect(d).toEqual(expect.arrayContaining(["object-src 'none'", "base-uri 'none'", "form-action 'none'", "script-src 'self'", "connect-src 'self' blob: data:"]));
  });
  it('adds the tile origins of VITE_TILE_ORIGINS to connect-src', () => {
    process.env.VITE_TILE_ORIGINS = 'https://tiles.example.cn, https://*.tianditu.gov.cn';
    expect(csp(transform(html)).split('; ')).toContain("connect-src 'self' blob: data: https://tiles.example.cn https://*.tianditu.gov.cn");
  });
  it('index.html as written is what the build makes of it without tile origins (the file tells the truth)', () => {
    expect(transform(html)).toBe(html);
  });
  it('the tile origins of a built page are read back from its policy (npm run serve sends the same)', () => {
    process.env.VITE_TILE_ORIGINS = 'https://tiles.example.cn https://*.tianditu.gov.cn:8443';
    expect(tileOriginsOf(csp(transform(html)))).toEqual(['https://tiles.example.cn', 'https://*.tianditu.gov.cn:8443']);
    expect(tileOriginsOf(csp(html))).toEqual([]);
    // a policy edited by hand to let anything in is not taken over
    expect(() => tileOriginsOf("default-src 'self'; connect-src 'self' blob: data: *")).toThrow(/not an https origin: \*/);
  });
  it('refuses what is not an https origin', () => {
    process.env.VITE_TILE_ORIGINS = "http://x.cn 'unsafe-inline'";
    expect(() => transform(html)).toThrow(/not an https origin: http:\/\/x.cn 'unsafe-inline'/);
  });
});
