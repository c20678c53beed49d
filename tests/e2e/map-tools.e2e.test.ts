// The map's own tools at 1366×768: the search box (names by part, coordinates typed as a place,
// keyboard only), with what the planner sees asserted. Names and ids come from
// data/demo/project.json; the point 108.942, 34.16 lies inside community 610116001006 (新华街居委会),
// as tests/state/scenario-actions.test.ts measures.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver, mapCentre } from './driver';
import { stepTimes } from './step-times';

describe('search on the map', () => {
  const driver = new AppDriver(inject('appUrl'));
  const page = () => driver.page;
  const typed = async (text: string) => {
    await page().fill('[data-testid=search-input]', '');
    await page().type('[data-testid=search-input]', text);
  };
  const options = () =>
    page().$$eval('[data-testid=search-results] [role=option]', (os) =>
      os.map((o) => ({ level: o.getAttribute('data-level'), id: o.getAttribute('data-id'), text: o.textContent ?? '' })),
    );

  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('given the demo, when 韦曲 is typed, then 韦曲街道 comes first with the two facilities named after it, each with its level', async () => {
    expect(await driver.then.inView('[data-testid=search-input]')).toBe(true);
    await typed('韦曲');
    await page().waitForSelector('[data-testid=search-results] [role=option]');
    const o = await options();
    // whole or starting matches, street first, then the shorter facility name (12 characters before 13)
    expect(o.map((x) => x.id)).toEqual(['610116001', 'HC0001', 'EC0001']);
    expect(o[0]).toMatchObject({ level: 'street' });
    expect(o[0].text).toContain('韦曲街道');
    expect(o[0].text).toContain('街道/镇');
    expect(o.slice(1).every((x) => x.level === 'facility' && x.text.includes('设施'))).toBe(true);
    await driver.screenshot('search-1-results-1366');
  });

  it('when ↓ and Enter are pressed, then the map flies to the second result and its detail opens', async () => {
    const second = (await options())[1];
    await page().keyboard.press('ArrowDown');
    await page().keyboard.press('Enter');
    await page().waitForSelector(`[data-testid=detail][data-level=facility][data-id="${second.id}"]`);
    await driver.mapIdle();
    expect(await page().$('[data-testid=search-results]')).toBeNull();
    expect(await driver.then.text('[data-testid=detail]')).toContain('韦曲街道社区卫生服务中心');
  });

  it('when coordinates are typed latitude first, then the one result reads them as longitude 108.942, latitude 34.16, and choosing it opens the community there', async () => {
    await typed('34.16, 108.942');
    await page().waitForSelector('[data-testid=search-results] [data-level=place]');
    const o = await options();
    expect(o).toHaveLength(1);
    expect(o[0].text).toContain('经度 108.94200');
    expect(o[0].text).toContain('纬度 34.16000');
    expect(o[0].text).toContain('纬度在前');
    await page().keyboard.press('Enter');
    await page().waitForSelector('[data-testid=detail][data-level=community][data-id="610116001006"]');
    await driver.mapIdle();
    expect(await driver.then.text('[data-testid=detail]')).toContain('新华街居委会');
    await driver.screenshot('search-2-coordinates-1366');
  });

  it('when numbers that are no place in China, or a name nobody has, are typed, then the list says so in words', async () => {
    await typed('2.35, 48.85');
    expect(await driver.then.text('[data-testid=search-problem]')).toContain('不是中国境内的经纬度');
    await typed('<b>没有这个</b>');
    const problem = await page().waitForSelector('[data-testid=search-problem]');
    // what was typed shows as text, never as markup
    expect(await problem.textContent()).toContain('<b>没有这个</b>');
    expect(await page().$('[data-testid=search-problem] b')).toBeNull();
    await page().keyboard.press('Escape');
    expect(await page().$('[data-testid=search-results]')).toBeNull();
    await page().keyboard.press('Escape');
    expect(await page().inputValue('[data-testid=search-input]')).toBe('');
    expect(driver.pageErrors).toEqual([]);
  });
});

describe('the legend on the map at 1366×768', () => {
  const driver = new AppDriver(inject('appUrl'));
  const box = (sel: string) => driver.page.$eval(sel, (el) => el.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number });
  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('given the demo, then the legend is on the map, in view, and takes at most a sixth of the map; the district in the middle is clear of it', async () => {
    expect(await driver.then.inView('[data-testid=map-legend]')).toBe(true);
    expect(await driver.then.text('[data-testid=map-legend]')).toContain('不达标');
    const legend = await box('[data-testid=map-legend]');
    const map = await box('[data-testid=map]');
    expect(legend.width * legend.height).toBeLessThan((map.width * map.height) / 6);
    // the map's centre (where the whole district is framed) lies outside the legend
    const cx = map.x + map.width / 2;
    const cy = map.y + map.height / 2;
    expect(cx < legend.x || cx > legend.x + legend.width || cy < legend.y || cy > legend.y + legend.height).toBe(true);
    await driver.screenshot('legend-1-compact-1366');
  });

  it('when 收起 is clicked, then only a small 图例 button is left; when that is clicked, the legend is back', async () => {
    const open = await box('[data-testid=map-legend]');
    await driver.page.click('[data-testid=map-legend-toggle]');
    await driver.page.waitForSelector('[data-testid=map-legend][data-folded=true]');
    const folded = await box('[data-testid=map-legend]');
    expect(folded.width * folded.height).toBeLessThan((open.width * open.height) / 4);
    expect(await driver.then.text('[data-testid=map-legend]')).toBe('图例');
    await driver.screenshot('legend-2-folded-1366');
    await driver.page.click('[data-testid=map-legend-toggle]');
    await driver.page.waitForSelector('[data-testid=map-legend][data-folded=false]');
    expect(await driver.then.text('[data-testid=map-legend]')).toContain('达标');
  });
});

describe('measuring a distance on the map', () => {
  const driver = new AppDriver(inject('appUrl'));
  const page = () => driver.page;
  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('given the map centred on 34.16°N, when two points 200 px apart on the centre row are clicked, then the total is 200 px at that zoom and latitude (within 1 %)', async () => {
    // centre the map on a known latitude through the search (the pin's community opens on the right)
    await page().fill('[data-testid=search-input]', '108.942, 34.16');
    await page().waitForSelector('[data-testid=search-results] [data-level=place]');
    await page().keyboard.press('Enter');
    await page().waitForSelector('[data-testid=detail][data-id="610116001006"]');
    await driver.mapIdle();
    await page().click('[data-testid=measure-start]');
    expect(await driver.then.text('[data-testid=measure-panel]')).toContain('依次点击');
    const [x, y] = await mapCentre(page());
    await page().mouse.click(x - 100, y);
    await page().mouse.click(x + 100, y);
    await page().waitForSelector('[data-testid=measure-total]');
    await driver.mapIdle();
    const zoom = Number(await page().getAttribute('[data-testid=map]', 'data-zoom'));
    // Web Mercator: metres per CSS pixel = 2πR·cos(lat) / (512·2^zoom), R = 6 378 137 m (the projection's sphere)
    const expected = (200 * 2 * Math.PI * 6378137 * Math.cos((34.16 * Math.PI) / 180)) / (512 * 2 ** zoom);
    const metres = Number(await page().getAttribute('[data-testid=measure-total]', 'data-metres'));
    expect(Math.abs(metres - expected) / expected).toBeLessThan(0.01);
    expect(await driver.then.text('[data-testid=measure-total]')).toMatch(/^总长：\d+ 米$/);
    expect(await page().$$eval('[data-testid=measure-segments] li', (lis) => lis.length)).toBe(1);
    // the clicks measured, they did not select another unit
    expect(await page().getAttribute('[data-testid=detail]', 'data-id')).toBe('610116001006');
    await driver.screenshot('measure-1-two-points-1366');
  });

  it('when a third point is clicked, there are two segments; 清除 empties it; Esc leaves measuring', async () => {
    const [x, y] = await mapCentre(page());
    await page().mouse.click(x + 100, y + 150);
    await page().waitForFunction(() => document.querySelectorAll('[data-testid=measure-segments] li').length === 2);
    const segs = await page().$$eval('[data-testid=measure-segments] li', (lis) => lis.map((li) => Number(li.getAttribute('data-metres'))));
    expect(Number(await page().getAttribute('[data-testid=measure-total]', 'data-metres'))).toBeCloseTo(segs[0] + segs[1], -1);
    await page().click('[data-testid=measure-clear]');
    expect(await page().$('[data-testid=measure-total]')).toBeNull();
    await page().keyboard.press('Escape');
    await page().waitForSelector('[data-testid=measure-start]');
    expect(await page().$('[data-testid=measure-panel]')).toBeNull();
    expect(driver.pageErrors).toEqual([]);
  });
});

describe('the map tools at 1920×1080 (projector), timed', () => {
  const driver = new AppDriver(inject('appUrl'));
  const page = () => driver.page;
  const { time, print } = stepTimes('timings map tools 1920');
  beforeAll(async () => {
    await driver.start({ width: 1920, height: 1080 });
    await driver.given.appOpened();
  });
  afterAll(async () => {
    print();
    await driver.stop();
  });

  it('search, coordinates, measure and the legend, each visible in the window', async () => {
    await time('search: type 韦曲 → results listed', async () => {
      await page().type('[data-testid=search-input]', '韦曲');
      await page().waitForSelector('[data-testid=search-results] [role=option]');
    });
    await driver.screenshot('search-1-results-1920');
    await time('search: Enter → detail open, map framed and idle', async () => {
      await page().keyboard.press('Enter');
      await page().waitForSelector('[data-testid=detail][data-level=street][data-id="610116001"]');
      await driver.mapIdle();
    });
    await page().fill('[data-testid=search-input]', '');
    await page().type('[data-testid=search-input]', '108.942,34.16');
    await page().waitForSelector('[data-testid=search-results] [data-level=place]');
    await time('search: coordinates Enter → pin, community detail, map idle', async () => {
      await page().keyboard.press('Enter');
      await page().waitForSelector('[data-testid=detail][data-id="610116001006"]');
      await driver.mapIdle();
    });
    await driver.screenshot('search-2-coordinates-1920');
    await page().click('[data-testid=measure-start]');
    const [x, y] = await mapCentre(page());
    await page().mouse.click(x - 150, y);
    await time('measure: second click → total shown', async () => {
      await page().mouse.click(x + 150, y);
      await page().waitForSelector('[data-testid=measure-total]');
    });
    expect(await driver.then.inView('[data-testid=measure-panel]')).toBe(true);
    expect(await driver.then.inView('[data-testid=map-legend]')).toBe(true);
    await driver.screenshot('measure-1-1920');
    await page().keyboard.press('Escape');
    await time('legend: 收起 → folded to one button', async () => {
      await page().click('[data-testid=map-legend-toggle]');
      await page().waitForSelector('[data-testid=map-legend][data-folded=true]');
    });
    expect(driver.pageErrors).toEqual([]);
  });
});
