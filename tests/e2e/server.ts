// Builds the app with Vite's API and serves it with `vite preview` on a free loopback port:
// the same files a user gets from `vite build`, under the page's real CSP.
import { build, createServer, preview, type PreviewServer } from 'vite';

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

export async function buildApp(outDir: string): Promise<void> {
  // Under vitest NODE_ENV is 'test', and Vite then bundles the libraries' development code (Preact's
  // checks, ≈ 9 kB gzipped more): build what `vite build` gives a user.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
}

export async function serveApp(outDir: string): Promise<AppServer> {
  // port 0: the OS picks a free port, so parallel runs never collide
  const server: PreviewServer = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error(`vite preview did not report a TCP address (${String(address)})`);
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}

/** The dev server `npm start` runs (modules transformed on request, no build). `cacheDir` lets a
 *  test start with no pre-bundled dependencies, as the first `npm start` after `npm install` does. */
export async function serveDev(cacheDir?: string): Promise<AppServer> {
  const server = await createServer({ logLevel: 'warn', cacheDir, server: { host: '127.0.0.1', port: 0, open: false } });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error(`vite dev server did not report a TCP address (${String(address)})`);
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
