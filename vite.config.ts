import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The app must run offline under a strict CSP: no inline scripts, workers as separate files.
export default defineConfig({
  plugins: [preact()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
