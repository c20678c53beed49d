import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The app must run offline under a strict CSP: no inline scripts, workers as separate files.
export default defineConfig({
  plugins: [preact()],
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
