// The page's Content-Security-Policy and the other security headers, written once: vite.config.ts
// puts the policy into index.html's <meta> (build and dev server), `npm run serve` sends the same
// policy as a header together with what a <meta> cannot say (frame-ancestors), and
// docs/server.md quotes it for other web servers. Online base-map origins come from one deploy
// setting, VITE_TILE_ORIGINS, read when the app is built.

/** An https origin, optionally with a leading wildcard label: https://tiles.example.cn, https://*.tianditu.gov.cn */
const ORIGIN = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/i;

/** The page's own sources: no inline script, no eval, no plugins, no <base>, no form posts. */
const BASE: [string, string[]][] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['worker-src', ["'self'", 'blob:']],
  // MapLibre and Preact set style attributes
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['connect-src', ["'self'", 'blob:', 'data:']],
  ['font-src', ["'self'", 'data:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
];

/**
 * The origins of VITE_TILE_ORIGINS (space- or comma-separated). Throws on anything but an https
 * origin, so a typo or an injected directive stops the build instead of weakening the policy.
 */
export function parseTileOrigins(raw: string | undefined): string[] {
  const list = (raw ?? '').split(/[\s,]+/).filter(Boolean);
  const bad = list.filter((o) => !ORIGIN.test(o));
  if (bad.length) throw new Error(`VITE_TILE_ORIGINS: not an https origin: ${bad.join(' ')} (write e.g. https://tiles.example.cn)`);
  return list;
}

/** The policy of the page's <meta> tag: the page talks to its own origin and the listed tile origins only. */
export function pagePolicy(tileOrigins: readonly string[]): string {
  return BASE.map(([name, values]) => [name, ...values, ...(name === 'connect-src' ? tileOrigins : [])].join(' ')).join('; ');
}

/** The policy as an HTTP header: the page's, and no framing by any site (a <meta> cannot forbid that). */
export function headerPolicy(tileOrigins: readonly string[]): string {
  return `${pagePolicy(tileOrigins)}; frame-ancestors 'none'`;
}

/** The tile origins a built page allows: what its policy's connect-src adds to the page's own. */
export function tileOriginsOf(policy: string): string[] {
  const connect = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find((d) => d[0] === 'connect-src');
  const own = new Set(BASE.find(([n]) => n === 'connect-src')?.[1]);
  return parseTileOrigins(
    (connect ?? [])
      .slice(1)
      .filter((v) => !own.has(v))
      .join(' '),
  );
}

/** The page's cross-origin isolation (the dev and preview servers and `npm run serve` send them):
 *  with it the analysis worker and the page share memory (SharedArrayBuffer), so a loaded
 *  project's packed outlines are held once for both (worker/packed-project.ts) instead of copied
 *  to the page (≈ 32 MB for a 20 000-community city). `credentialless` still loads the base-map
 *  tiles of other origins (CORS, as MapLibre asks for them) without their cookies. Served without
 *  these headers the page works the same, with its own copy. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};

/** Headers every answer of the server carries, the page and its files included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // for browsers that do not know frame-ancestors
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};
