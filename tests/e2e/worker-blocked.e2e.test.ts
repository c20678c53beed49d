// A deployment that sends the cross-origin isolation headers on the page but not on the analysis
// worker's script (nginx drops inherited add_header lines in a `location /assets/` block, for one):
// the browser refuses to start the worker. The page must say so — the analysis could not start,
// pass this to whoever deploys the app, every file needs the same headers — instead of a banner
// with no cause in English. The worker's script is really served without the header here (the
// test server's answer with it taken off), so Chromium really blocks it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';

describe('the analysis worker blocked by headers that differ between the page and its script', () => {
  const driver = new AppDriver(inject('appUrl'));
  const stripped: string[] = [];
  beforeAll(async () => {
    await driver.start();
    await driver.page.route(/\/assets\/worker-[\w-]+\.js$/, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-embedder-policy'];
      stripped.push(route.request().url());
      await route.fulfill({ response, headers });
    });
    await driver.page.goto(inject('appUrl'));
  });
  afterAll(() => driver.stop());

  it('says in Chinese that the analysis could not start and what the administrator must change', async () => {
    await driver.page.waitForSelector('[data-testid=error]', { timeout: 30_000 });
    expect(stripped).toHaveLength(1); // the worker's script was asked for, and served without the header
    expect(await driver.page.evaluate(() => window.crossOriginIsolated)).toBe(true); // the page kept its headers
    const text = (await driver.then.errorBanner()) ?? '';
    expect(text).toContain('分析程序未能启动');
    expect(text).toContain('管理员');
    expect(text).toContain('assets/');
    expect(text).toContain('Cross-Origin-Embedder-Policy'); // the header the administrator must send
    expect(text).not.toMatch(/stopped|原因不明/); // not the crash of a running worker, nor a cause unknown
    // and no verdicts: the worker never answered
    expect(await driver.page.$('[data-testid=results-table] tbody tr')).toBeNull();
    await driver.screenshot('worker-blocked');
  });
});
