// The map's own tools at 1366×768: the search box (names by part, coordinates typed as a place,
// keyboard only), with what the planner sees asserted. Names and ids come from
// data/demo/project.json; the point 108.942, 34.16 lies inside community 610116001006 (新华街居委会),
// as tests/state/scenario-actions.test.ts measures.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';

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
