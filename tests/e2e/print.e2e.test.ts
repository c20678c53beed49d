// Printing and presenting, as an official receives them. The baseline alone: its own figures and
// gaps (not "today against today", all ±0), in plain words — the PDF's text (pdftotext) holds no
// rule code, file path, command, model code or developer English. A plan chosen in the print
// section: that plan against the baseline. And every number read carries its unit.
//
// The plan (as in present.e2e.test.ts): a childcare centre of 100 places in 新华街居委会
// (610116001006: 13,685 residents, 41 places; 10 per 1000 asks 137, so 96 short, and with 141
// places it passes: the communities' places shortfall falls by 96).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver, tableIdsAll } from './driver';
import { SiteSteps } from './site-steps';
import { codesOnPaper, PresentSteps, projectWithScenario } from './present-steps';

const ESTATE = '610116001006';
const CHILDCARE = ['childcare_centre', 'kindergarten_nursery', 'family_childcare'];
const project = projectWithScenario([108.941977, 34.159943], 100, [108.925, 34.148, 108.96, 34.172]);

/** the line of the PDF's layout text that starts with `label`, its runs of spaces made one */
function layoutRow(layout: string, label: string): string | undefined {
  return layout
    .split('\n')
    .find((l) => l.trim().startsWith(label))
    ?.replace(/\s+/g, ' ')
    .trim();
}

describe('print and present the baseline, print a chosen plan', () => {
  const driver = new AppDriver(inject('appUrl'));
  const present = new PresentSteps(driver);
  let failing = 0;
  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
    // given a project file that holds the plan, opened on the baseline
    await driver.when.projectFilePicked(project.path);
  });
  afterAll(() => driver.stop());

  it('given the baseline, the results table counts the failing communities and names each shortfall with its unit', async () => {
    // an independent count: the table's rows of failing communities (not the summary's figure)
    await driver.page.click('[role=tab][data-level=community]');
    await driver.page.check('[data-testid=failing-only]');
    failing = Number(await driver.then.attribute('[data-testid=table-count]', 'data-n'));
    expect(failing).toBeGreaterThan(0);
    expect(Number(await driver.then.text('[data-testid=overall-fail]'))).toBe(failing);
    // the places rule chosen: the estate is 96 places short (hand-worked above), said as places
    await driver.page.selectOption('[data-testid=rule-filter]', 'ak.new.places');
    await driver.page.fill('[data-testid=table-search]', ESTATE);
    const cell = await driver.page.textContent(`[data-testid=results-table] tr[data-id="${ESTATE}"] td[data-col=shortfall]`);
    expect(cell?.trim()).toBe('96 个托位');
    // every shortfall of this rule reads as a number with its unit, or a dash
    await driver.page.fill('[data-testid=table-search]', '');
    const cells = await tableIdsAll(driver.page, 'td[data-col=shortfall]'); // every row, scrolled through
    expect(cells).toHaveLength(Number(await driver.then.attribute('[data-testid=table-count]', 'data-n')));
    expect(cells.filter((c) => c !== '—' && c !== '0' && !/^[\d,.]+ 个托位$/.test(c))).toEqual([]);
    await driver.page.selectOption('[data-testid=rule-filter]', '');
    await driver.page.uncheck('[data-testid=failing-only]');
    await driver.settled();
  });

  it('the site check form names the unit of every figure it asks for', async () => {
    await new SiteSteps(driver).given.siteCheckOpened();
    const label = async (field: string) => (await driver.page.$eval(`[data-testid=site-${field}]`, (el) => el.closest('label')?.textContent ?? '')).trim();
    expect(await label('elderlyFloorArea')).toBe('养老建筑面积（平方米）');
    expect(await label('elderlyLand')).toBe('养老用地面积（平方米）');
    expect(await label('childcareFloorArea')).toBe('托育建筑面积（平方米）');
    expect(await label('childcarePlaces')).toBe('托位（个）');
    expect(await label('households')).toBe('户数（户）');
    await driver.page.click('[data-testid=site-panel] button.close');
    await driver.mapIdle();
  });

  it('when presented, the baseline shows its gaps with units, not a comparison with itself', async () => {
    await present.when.presentationEntered();
    expect(await driver.page.isVisible('[data-testid=present-gaps]')).toBe(true);
    expect(await driver.page.$('[data-testid=present-kpis]')).toBeNull();
    // one legend: the presentation's own, not the map's underneath it
    expect(await driver.page.isVisible('[data-testid=present-legend]')).toBe(true);
    expect(await driver.page.isVisible('[data-testid=map-legend]')).toBe(false);
    const gaps = await present.then.gaps();
    expect(gaps.failing.value).toBe(failing);
    expect(gaps.failing.text).toContain(`${failing.toLocaleString('zh-CN')} 个（共 513 个）`); // data/demo: 513 communities
    expect(gaps['shortfall.places'].text).toMatch(/[\d,]+ 个托位$/);
    expect(gaps['outside.elderly'].text).toMatch(/[\d,]+ 人$/);
    expect(await driver.page.textContent('[data-testid=present]')).not.toContain('±0');
    await driver.screenshot('print-present-baseline-gaps-1366x768');
    await present.when.keyPressed('Escape');
  });

  it('when printed, the sheet shows the baseline’s gaps by community in plain words', async () => {
    await present.when.printPrepared('a4');
    expect(await driver.then.attribute('[data-testid=print-kpis]', 'data-mode')).toBe('gaps');
    const pdf = await present.then.pdf('print-baseline-1366');
    const flat = pdf.text.replace(/\s+/g, '');
    const row = (label: string) => layoutRow(pdf.layout, label);
    expect(row('不达标的社区/村')).toBe(`不达标的社区/村（任一规则不达标即计入） ${failing.toLocaleString('zh-CN')} 个（共 513 个）`);
    expect(row('养老服务圈以外的居民')).toMatch(/^养老服务圈以外的居民 [\d,]+ 人$/);
    expect(row('社区托位缺口')).toMatch(/^社区托位缺口（托位） [\d,]+ 个托位$/);
    expect(flat).not.toContain('±0');
    expect(flat).not.toContain('请在左侧'); // the screen's hint to choose a plan is not printed
    expect(codesOnPaper(pdf.text)).toEqual([]);
    expect(driver.pageErrors).toEqual([]);
  });

  it('when the plan is chosen in the print section, the sheet shows that plan against the baseline', async () => {
    await driver.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await present.when.printChosen(project.scenarioId);
    expect(await driver.page.textContent('[data-testid=print-what]')).toContain('新增托育中心');
    await present.when.printPrepared('a4');
    expect(await driver.then.attribute('[data-testid=print-kpis]', 'data-mode')).toBe('compare');
    const pdf = await present.then.pdf('print-plan-1366');
    expect(pdf.text.replace(/\s+/g, '')).toContain('新增托育中心');
    // label, baseline, plan, change on one line of the sheet's table
    const row = (label: string) => layoutRow(pdf.layout, label);
    // places: the demo file's childcare places summed here, then 100 more in the plan
    const demo = JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as { facilities: { features: { properties: { kind: string; places?: number } }[] } };
    const places = demo.facilities.features.filter((f) => CHILDCARE.includes(f.properties.kind)).reduce((n, f) => n + (f.properties.places ?? 0), 0);
    const zh = (n: number) => n.toLocaleString('zh-CN');
    expect(row('托位')).toBe(`托位 ${zh(places)} 个托位 ${zh(places + 100)} 个托位 +100 个托位`);
    expect(row('社区托位缺口')).toMatch(/个托位 −96 个托位$/); // the communities' places shortfall
    expect(pdf.layout).toContain('+25 万元'); // 100 × 2500 元
    expect(codesOnPaper(pdf.text)).toEqual([]);
    expect(driver.pageErrors).toEqual([]);
  });
});
