// `npm start` serves the app from Vite's dev server, not the build: check that path works too
// (worker and MapLibre worker loaded as modules, data served from data/demo, CSP respected).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver } from './driver';
import { serveDev, type AppServer } from './server';

describe('the dev server (npm start)', () => {
  let server: AppServer;
  let driver: AppDriver;
  const cacheDir = mkdtempSync(join(tmpdir(), 'yl-vite-'));
  beforeAll(async () => {
    // a fresh dependency cache: the first `npm start` pre-bundles dependencies and may reload the page
    server = await serveDev(cacheDir);
    driver = new AppDriver(server.url);
    await driver.start();
  });
  afterAll(async () => {
    await driver.stop();
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('opens the demo offline with Chinese labels and no errors', async () => {
    await driver.given.appOpened();
    expect(await driver.then.cjkLabelsOnceLoaded()).toBeGreaterThan(0);
    expect(driver.pageErrors).toEqual([]);
    expect(driver.cspViolations).toEqual([]);
    expect(driver.then.requestsLeavingLocalhost()).toEqual([]);
    await driver.screenshot('8-dev-server');
  });
});
