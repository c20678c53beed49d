// Once per browser-test run: build the app and serve it on a free loopback port.
import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import { buildApp, serveApp } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** the build folder the server serves (tests/e2e/size.e2e.test.ts reads it) */
    appDist: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // one build folder per run, so two runs side by side (two checkouts, a watch) never clobber each other
  const outDir = `tests/output/e2e-dist-${process.pid}`;
  await buildApp(outDir);
  const server = await serveApp(outDir);
  project.provide('appUrl', server.url);
  project.provide('appDist', outDir);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
