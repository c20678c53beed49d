// Timings a user feels: from an action to its visible result, per task of issue 13, measured in
// the built app in Chromium at 1366×768 and printed for docs/app.md ("Timings a user feels").
// Nothing is asserted about speed (the machine is shared); each step asserts what it waits for.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';
import { ImportSteps } from './import-steps';
import { PresentSteps } from './present-steps';
import { SiteSteps } from './site-steps';
import { stepTimes } from './step-times';

const CSV = ['编号,名称,类型,托位,经度,纬度', 'CC0001,青年街托育中心,托育机构,150,108.933228,34.156505', 'T1,计时托育中心,托育机构,60,108.9345,34.1571'].join('\n');

describe('timings a user feels at 1366×768', () => {
  const driver = new AppDriver(inject('appUrl'));
  const imp = new ImportSteps(driver);
  const site = new SiteSteps(driver);
  const present = new PresentSteps(driver);
  const { time, print } = stepTimes('timings 1366');
  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await time('cold load → map idle with labels', () => driver.given.appOpened());
  });
  afterAll(async () => {
    print();
    await driver.stop();
  });

  it('import, restore, panel, rule, site check, print, next step', async () => {
    await imp.when.filePicked('计时.csv', new TextEncoder().encode(CSV));
    await imp.when.toMapping();
    await time('import: 检查数据 → report with the change plan', () => imp.when.checked());
    expect((await imp.then.plan()).removed).toBe(0);
    await time('import: 导入 → analysis and map updated', () => imp.when.goodOnesImported());
    await imp.when.panelShown();
    await time('restore the data before the import → analysis and map updated', () => imp.when.restoreClicked());
    expect(await imp.then.tableCount('facility')).toBe(658);
    await time('table row click → detail panel with figures, map framed', () => driver.when.rowClicked('community', '610116010008'));
    await time('rule click → map recoloured, legend renamed', () => driver.when.ruleChosen('wy.circle'));
    await time('suggest sites for this gap → suggestion form', async () => {
      await driver.page.click('[data-testid=suggest-here]');
      await driver.page.waitForSelector('[data-testid=suggest-form]');
    });
    await driver.page.click('[data-testid=summary] tbody tr:first-child button');
    await driver.when.detailClosed();
    await site.given.siteCheckOpened();
    await site.when.zoomedIn(4);
    await site.when.squareDrawn();
    await site.when.figuresEntered({ households: 1000, elderlyFloorArea: 200, elderlyLand: 253, childcarePlaces: 25, childcareFloorArea: 200, year: 2026 });
    await time('site check: 审查 → verdict line in view', async () => {
      await site.when.checked();
      await driver.page.waitForSelector('[data-testid=site-headline]');
    });
    await driver.page.click('[data-testid=site-panel] .close');
    await time('print the baseline → sheet ready (map drawn for paper)', () => present.when.printPrepared('a4'));
    expect(driver.pageErrors).toEqual([]);
  });
});
