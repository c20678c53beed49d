// "Where should the next centres go?" in the built app in Chromium: three new childcare sites in
// the demo, a ranked list whose gains never rise (a property of the greedy), one click to a
// scenario, and the childcare-circle rule passing for more communities afterwards.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';
import { SuggestSteps } from './suggest-steps';

// 004 二(四)11 (长安): every resident of an urban community within a childcare facility's circle;
// counted per community, street and the whole area in the sidebar's summary
const RULE = 'ca.circle:childcare';

describe('site suggestion at 1366×768', () => {
  const driver = new AppDriver(inject('appUrl'));
  const suggest = new SuggestSteps(driver);
  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('three childcare sites → ranked list → scenario: more communities pass the childcare circle rule', async () => {
    const before = await suggest.then.ruleCounts(RULE);
    expect(before.fail).toBeGreaterThan(0); // the demo has communities outside every childcare circle (gaps.json)

    await suggest.given.panelOpened();
    await suggest.when.formFilled({ kind: 'childcare_centre', goal: 'coverage', cohort: 'all', sites: 3 });
    const run = await suggest.when.suggestionRun();
    await driver.screenshot('suggest-1-result-1366');

    const rows = await suggest.then.rows();
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    for (let k = 1; k < rows.length; k++) expect(rows[k].gain).toBeLessThanOrEqual(rows[k - 1].gain);
    expect(rows[0].gain).toBeGreaterThan(0);
    // running totals add up the gains
    expect(rows[2].cumulative).toBeCloseTo(rows[0].gain + rows[1].gain + rows[2].gain, 6);
    // the quality bound is stated in words, the chart carries its values as text
    expect(await suggest.then.qualityText()).toContain('63.2%');
    const labels = await suggest.then.chartLabels();
    expect(labels).toContain('站点数');
    const timing = await suggest.then.timing();
    console.log(`[suggest timing 1366] page ${timing.totalMs} ms (worker ${timing.workerMs} ms); click→list in the DOM ${run.domMs.toFixed(0)} ms, →painted ${run.paintMs.toFixed(0)} ms (page clock); test wall clock ${run.wallMs} ms — ${timing.text}`);

    await suggest.when.rowClicked(1);
    await driver.screenshot('suggest-2-zoomed-1366');

    await suggest.when.turnedIntoScenario(RULE, before);
    expect(await suggest.then.scenarioMade()).toContain('选址建议');
    const after = await suggest.then.ruleCounts(RULE);
    expect(after.pass).toBeGreaterThan(before.pass);
    expect(after.fail).toBeLessThan(before.fail);
    console.log(`[suggest] ${RULE}: pass ${before.pass} → ${after.pass}, fail ${before.fail} → ${after.fail}`);
    await driver.screenshot('suggest-3-scenario-1366');

    expect(await suggest.then.errors()).toBe('');
    expect(driver.pageErrors).toEqual([]);
    expect(driver.cspViolations).toEqual([]);
  });
});

describe('site suggestion at 1920×1080', () => {
  const driver = new AppDriver(inject('appUrl'));
  const suggest = new SuggestSteps(driver);
  beforeAll(async () => {
    await driver.start({ width: 1920, height: 1080 });
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('with a size and a budget: costs, both curves, and the proven bound', async () => {
    await suggest.given.panelOpened();
    await suggest.when.formFilled({ kind: 'childcare_centre', goal: 'shortfall', sites: 4, capacity: 60 });
    const run = await suggest.when.suggestionRun();
    const rows = await suggest.then.rows();
    expect(rows.length).toBeGreaterThan(0);
    for (let k = 1; k < rows.length; k++) expect(rows[k].gain).toBeLessThanOrEqual(rows[k - 1].gain);
    // each site adds at most its 60 places of shortfall
    for (const r of rows) expect(r.gain).toBeLessThanOrEqual(60 + 1e-9);
    const timing = await suggest.then.timing();
    console.log(`[suggest timing 1920] page ${timing.totalMs} ms (worker ${timing.workerMs} ms); click→list in the DOM ${run.domMs.toFixed(0)} ms, →painted ${run.paintMs.toFixed(0)} ms (page clock); test wall clock ${run.wallMs} ms`);
    expect(await suggest.then.qualityText()).toMatch(/由数据证明/);
    await driver.screenshot('suggest-4-result-1920');
    expect(driver.pageErrors).toEqual([]);
    expect(driver.cspViolations).toEqual([]);
  });
});
