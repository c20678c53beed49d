import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { ISOLATION_HEADERS, pagePolicy, parseTileOrigins } from './src/core/csp.ts';

/**
 * The page's Content-Security-Policy, from the one definition in src/core/csp.ts (the server sends
 * the same as a header), with the online base-map origins the deployment allows, set at build time:
 * VITE_TILE_ORIGINS="https://tiles.example.cn https://*.tianditu.gov.cn" npm run build.
 * Without it the page connects to its own origin only (docs/server.md).
 */
const cspTileOrigins: Plugin = {
  name: 'csp-tile-origins',
  transformIndexHtml: (html) => {
    const meta = /(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/;
    if (!meta.test(html)) throw new Error('index.html has no Content-Security-Policy <meta> tag');
    return html.replace(meta, `$1${pagePolicy(parseTileOrigins(process.env.VITE_TILE_ORIGINS))}$2`);
  },
};

// The app must run offline under a strict CSP: no inline scripts, workers as separate files.
export default defineConfig({
  plugins: [preact(), cspTileOrigins],
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // maplibre-gl in a chunk of its own: cached apart from our code, and the size budget
    // (tests/e2e/size.e2e.test.ts) counts our JS without it
    rollupOptions: { output: { manualChunks: (id: string) => (/node_modules[\\/]maplibre-gl[\\/]/.test(id) ? 'maplibre-gl' : undefined) } },
  },
  // cross-origin isolated: the page and the worker share the packed outlines (src/core/csp.ts)
  server: { port: 5173, strictPort: false, headers: { ...ISOLATION_HEADERS } },
  preview: { port: 4173, headers: { ...ISOLATION_HEADERS } },
});
