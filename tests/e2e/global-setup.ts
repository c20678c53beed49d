// Once per browser-test run: build the app and serve it on a free loopback port.
import type { TestProject } from 'vitest/node';
import { buildApp, serveApp } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = 'tests/output/e2e-dist';
  await buildApp(outDir);
  const server = await serveApp(outDir);
  project.provide('appUrl', server.url);
  return () => server.close();
}
