import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

/**
 * Online base-map origins the deployment allows (connect-src), set at build time:
 * VITE_TILE_ORIGINS="https://tiles.example.cn https://*.tianditu.gov.cn" npm run build.
 * Without it the page connects to its own origin only (docs/limits.md).
 */
function tileOrigins(): string[] {
  const list = (process.env.VITE_TILE_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean);
  const bad = list.filter((o) => !/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/i.test(o));
  if (bad.length) throw new Error(`VITE_TILE_ORIGINS: not an https origin: ${bad.join(' ')} (write e.g. https://tiles.example.cn)`);
  return list;
}

const cspTileOrigins: Plugin = {
  name: 'csp-tile-origins',
  transformIndexHtml: (html) => {
    const extra = tileOrigins();
    return extra.length ? html.replace("connect-src 'self' blob: data:", `connect-src 'self' blob: data: ${extra.join(' ')}`) : html;
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
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
