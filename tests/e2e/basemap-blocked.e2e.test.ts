// An online base map the deployment's Content-Security-Policy does not allow, in the built app in
// Chromium (built without VITE_TILE_ORIGINS: the page may connect to its own origin only). The
// browser blocks every tile; the base-map panel must say so in plain words — the source is blocked,
// send the address to whoever deploys the app — with the build setting folded away for the
// administrator, in Chinese and English. A source on an allowed origin gets no such message.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';

const BLOCKED = 'https://tiles.example.cn';
const TEMPLATE = `${BLOCKED}/{z}/{x}/{y}.png`;

describe('an online base map blocked by the page’s security policy', () => {
  const driver = new AppDriver(inject('appUrl'));
  beforeAll(async () => {
    await driver.start();
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  const box = '[data-testid=basemap-blocked]';
  const plain = () => driver.page.$eval(box, (el) => el.querySelector(':scope > p')?.textContent ?? '');
  const fold = () =>
    driver.page.$eval(box, (el) => ({
      open: el.querySelector('details')?.open,
      summary: el.querySelector('summary')?.textContent ?? '',
      text: el.querySelector('details p')?.textContent ?? '',
    }));

  it('says in Chinese that the base map is blocked and what to do; the build setting is folded', async () => {
    await driver.when.basemapChosen('tiles-url', TEMPLATE);
    await driver.page.waitForSelector(box, { timeout: 30_000 });
    // the browser really refused the tiles (so the message answers a real block, not a guess)
    expect(driver.cspViolations.some((v) => v.includes(BLOCKED))).toBe(true);
    const text = await plain();
    expect(text).toContain('底图被拦截');
    expect(text).toContain(BLOCKED);
    expect(text).toContain('负责部署本系统的管理员');
    expect(text).toContain('内置演示底图');
    // plain words: no build variable, command or policy jargon in what the official reads
    expect(text).not.toMatch(/VITE_|npm|connect-src|Content-Security-Policy|CSP/);
    const f = await fold();
    expect(f.open).toBe(false);
    expect(f.summary).toBe('管理员如何允许');
    expect(f.text).toContain(`VITE_TILE_ORIGINS="${BLOCKED}" npm run build`);
    expect(await driver.page.isVisible(`${box} details p`)).toBe(false);
    await driver.page.click(`${box} summary`);
    expect(await driver.page.isVisible(`${box} details p`)).toBe(true);
    await driver.screenshot('basemap-blocked-zh');
    // blocked before leaving the machine: no request went out
    expect(driver.then.requestsLeavingLocalhost()).toEqual([]);
    expect(driver.pageErrors).toEqual([]);
  });

  it('and in English', async () => {
    await driver.when.languageSwitched('en');
    await driver.page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').includes('Base map blocked'), box, { timeout: 30_000 });
    const text = await plain();
    expect(text).toContain(BLOCKED);
    expect(text).toContain('whoever deploys the app');
    expect(text).not.toMatch(/VITE_|npm|connect-src|Content-Security-Policy|CSP/);
    const f = await fold();
    expect(f.summary).toBe('How the administrator allows it');
    expect(f.text).toContain(`VITE_TILE_ORIGINS="${BLOCKED}" npm run build`);
    await driver.screenshot('basemap-blocked-en');
    await driver.when.languageSwitched('zh');
  });

  it('goes away with an allowed source, and does not come for one on the page’s own origin', async () => {
    await driver.when.basemapChosen('demo');
    expect(await driver.page.$(box)).toBeNull();
    // the page's own server: allowed by the policy (the tiles are missing there, which is another matter)
    const own = new URL(inject('appUrl')).origin;
    const before = driver.cspViolations.length;
    await driver.when.basemapChosen('tiles-url', `${own}/no-tiles/{z}/{x}/{y}.png`);
    expect(driver.cspViolations.length).toBe(before);
    expect(await driver.page.$(box)).toBeNull();
    await driver.when.basemapChosen('demo');
  });
});
