// 天地图 as a base map with the planner's own key. The test build allows no tile origin (no
// VITE_TILE_ORIGINS), so the browser blocks every Tianditu tile: the base-map panel must say so,
// naming the origin the administrator has to allow, and the choice and key survive a reload.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';

const KEY = '0123456789abcdef0123456789abcdef';

describe('天地图 base map', () => {
  const driver = new AppDriver(inject('appUrl'));
  const page = () => driver.page;
  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
    await page().evaluate(() => {
      // the blocked tile URLs as the page sees them (the CSP report carries the URL)
      (window as unknown as { blockedUris: string[] }).blockedUris = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { blockedUris: string[] }).blockedUris.push(e.blockedURI));
    });
  });
  afterAll(() => driver.stop());

  it('given 天地图 chosen with a key that is not 32 characters, then the panel says what a key looks like and the map keeps the demo', async () => {
    await page().selectOption('[data-testid=basemap-kind]', 'tianditu');
    await page().fill('[data-testid=tianditu-key]', 'abc');
    await page().click('[data-testid=basemap-apply]');
    expect(await driver.then.text('#basemap-h + select ~ .error')).toContain('32 位');
    expect(await page().textContent('.maplibregl-ctrl-attrib-inner')).toContain('模拟数据');
  });

  it('when a key is given and applied, then the map credits 天地图 and, its tiles being blocked here, the panel names https://*.tianditu.gov.cn for the administrator', async () => {
    await page().selectOption('[data-testid=tianditu-layer]', 'img');
    await page().fill('[data-testid=tianditu-key]', KEY);
    await page().click('[data-testid=basemap-apply]');
    const blocked = await page().waitForSelector('[data-testid=basemap-blocked]', { timeout: 30_000 });
    const text = (await blocked.textContent()) ?? '';
    expect(text).toContain('https://*.tianditu.gov.cn');
    expect(text).toContain('管理员');
    await page().waitForFunction(() => (document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent ?? '').includes('天地图'));
    // the banner names the server in words; the tile URL with the key is not shown
    const banner = (await driver.then.errorBanner()) ?? '';
    expect(banner).toMatch(/底图瓦片无法从 https:\/\/t[0-7]\.tianditu\.gov\.cn 加载/);
    expect(banner).not.toContain(KEY);
    // the imagery and its Chinese annotation were asked for, with the key
    const uris = await page().evaluate(() => (window as unknown as { blockedUris: string[] }).blockedUris);
    expect(uris.some((u) => /^https:\/\/t[0-7]\.tianditu\.gov\.cn\/img_w\/wmts\?/.test(u) && u.includes(`tk=${KEY}`))).toBe(true);
    expect(uris.some((u) => /^https:\/\/t[0-7]\.tianditu\.gov\.cn\/cia_w\/wmts\?/.test(u))).toBe(true);
    await driver.screenshot('tianditu-blocked-1366');
  });

  it('when the page is reloaded, then 天地图 imagery is still chosen with the key kept', async () => {
    await page().reload();
    await driver.analysed();
    expect(await driver.then.basemapKind()).toBe('tianditu');
    expect(await page().inputValue('[data-testid=tianditu-key]')).toBe(KEY);
    expect(await page().inputValue('[data-testid=tianditu-layer]')).toBe('img');
    // back to the offline demo for whoever uses this browser next
    await driver.when.basemapChosen('demo');
    expect(await page().textContent('.maplibregl-ctrl-attrib-inner')).toContain('模拟数据');
  });
});
