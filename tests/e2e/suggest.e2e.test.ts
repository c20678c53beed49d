// "Where should the next centres go?" in the built app in Chromium: three new childcare sites in
// the demo, a ranked list whose gains never rise (a property of the greedy), one click to a
// scenario, and the childcare-circle rule passing for more communities afterwards.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';
import { SuggestSteps } from './suggest-steps';

// 004 二(四)11 (长安): every resident of an urban community within a childcare facility's circle;
// counted per community, street and the whole area in the sidebar's summary
const RULE = 'ca.circle:childcare';

/** A parcels file with one vacant building in each of two communities that are outside every
 *  elderly-care circle (gap G5 in data/demo/gaps.json), at the middle of each one's outline. */
function parcelsFile(): { path: string; names: string[] } {
  const demo = JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as {
    communities: { features: { properties: { id: string }; geometry: { type: string; coordinates: number[][][] } }[] };
  };
  const gaps = JSON.parse(readFileSync('data/demo/gaps.json', 'utf8')) as { gaps: { id: string; ids: string[] }[] };
  const g5 = gaps.gaps.find((g) => g.id === 'G5')?.ids ?? [];
  const names = ['闲置校舍（甲）', '闲置厂房（乙）'];
  const features = g5.slice(0, 2).map((id, k) => {
    const f = demo.communities.features.find((x) => x.properties.id === id);
    if (f?.geometry.type !== 'Polygon') throw new Error(`community ${id} not a polygon in the demo`);
    const ring = f.geometry.coordinates[0].slice(0, -1);
    const mid = [ring.reduce((a, p) => a + p[0], 0) / ring.length, ring.reduce((a, p) => a + p[1], 0) / ring.length];
    return { type: 'Feature', geometry: { type: 'Point', coordinates: mid }, properties: { id: `P${k + 1}`, name: names[k], mode: 'converted', capacity: 30 } };
  });
  mkdirSync('tests/output/e2e', { recursive: true });
  const path = 'tests/output/e2e/suggest-parcels.geojson';
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
  return { path, names };
}

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
    console.log(
      `[suggest timing 1366] page ${timing.totalMs} ms (worker ${timing.workerMs} ms); click→list in the DOM ${run.domMs.toFixed(0)} ms, →painted ${run.paintMs.toFixed(0)} ms (page clock); test wall clock ${run.wallMs} ms — ${timing.text}`,
    );

    // each site is drawn with its reach (the demo walks along its streets: the area walkable from
    // the site, not a circle) and its number
    const drawn = await suggest.then.drawn();
    expect(drawn['a-suggest-marker']).toBe(3);
    expect(drawn['a-suggest-circle']).toBe(3);
    await suggest.when.rowClicked(1);
    expect((await suggest.then.drawn())['a-suggest-circle']).toBeGreaterThanOrEqual(1);
    await driver.screenshot('suggest-2-zoomed-1366');
    // the marker answers a click on the map: its row lights up again
    await suggest.when.rowHovered(2);
    await suggest.when.mapCentreClicked();
    expect(await suggest.then.highlightedRank(1)).toBe(1);

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
    await suggest.when.formFilled({ kind: 'childcare_centre', goal: 'shortfall', sites: 4, capacity: 60, budget: 400000 });
    const run = await suggest.when.suggestionRun();
    const rows = await suggest.then.rows();
    expect(rows.length).toBeGreaterThan(0);
    // 60 places × 2,500 CNY (urban, new) or × 1,500 (village, new) per site (001 item 2), within the budget
    for (const r of rows) expect([150000, 90000]).toContain(r.cost);
    expect(rows.reduce((sum, r) => sum + (r.cost ?? 0), 0)).toBeLessThanOrEqual(400000);
    for (let k = 1; k < rows.length; k++) expect(rows[k].gain).toBeLessThanOrEqual(rows[k - 1].gain);
    // each site adds at most its 60 places of shortfall
    for (const r of rows) expect(r.gain).toBeLessThanOrEqual(60 + 1e-9);
    const timing = await suggest.then.timing();
    console.log(
      `[suggest timing 1920] page ${timing.totalMs} ms (worker ${timing.workerMs} ms); click→list in the DOM ${run.domMs.toFixed(0)} ms, →painted ${run.paintMs.toFixed(0)} ms (page clock); test wall clock ${run.wallMs} ms`,
    );
    expect(await suggest.then.qualityText()).toMatch(/由数据证明/);
    await driver.screenshot('suggest-4-result-1920');
    expect(driver.pageErrors).toEqual([]);
    expect(driver.cspViolations).toEqual([]);
  });

  it('a parcels file as the only candidates: both parcels suggested, by name', async () => {
    const parcels = parcelsFile();
    await suggest.when.parcelsFilePicked(parcels.path);
    expect(await suggest.then.errors()).toBe('');
    await suggest.when.formFilled({ kind: 'elderly_daycare', goal: 'coverage', cohort: 'all', sites: 2 });
    await suggest.when.candidatesChosen({ communities: false, grid: false, parcels: true });
    await suggest.when.suggestionRun();
    const rows = await suggest.then.rows();
    expect(rows.map((r) => r.name).sort()).toEqual([...parcels.names].sort());
    for (const src of await suggest.then.rowSources()) expect(src).toMatch(/^可用地块/);
    await driver.screenshot('suggest-5-parcels-1920');
  });

  it('a grid over an area drawn on the map: the sites are grid points inside it', async () => {
    await suggest.when.candidatesChosen({ communities: false, grid: true, parcels: false });
    await suggest.when.areaDrawn(70);
    await suggest.when.formFilled({ kind: 'childcare_centre', goal: 'coverage', cohort: 'all', sites: 3 });
    await suggest.when.suggestionRun();
    const rows = await suggest.then.rows();
    expect(rows.length).toBe(3);
    for (const src of await suggest.then.rowSources()) expect(src).toMatch(/^网格点/);
    await driver.screenshot('suggest-6-drawn-grid-1920');
    expect(driver.pageErrors).toEqual([]);
  });

  it('a long run (150 m grid over the whole area) shows its progress and can be cancelled; the last answer stays', async () => {
    const shown = await suggest.then.rows();
    await driver.when.reachSwitched('straight');
    await suggest.when.gridOverWholeArea(150);
    const step = await suggest.when.suggestionStartedThenCancelled();
    expect(step).toMatch(/服务范围|候选点|选址计算/);
    await driver.screenshot('suggest-8-cancelled-1920');
    expect(await driver.page.getAttribute('[data-testid=suggest-panel]', 'data-status')).toBe('done');
    expect(await suggest.then.rows()).toEqual(shown);
    // the worker finishes the dropped step, then answers the next request as usual
    await suggest.when.gridOverWholeArea(500);
    const estimate = await suggest.then.gridEstimate();
    await suggest.when.suggestionRun();
    expect((await suggest.then.rows()).length).toBe(3);
    // the form's estimate (area ÷ spacing²) against the grid points the solver really laid (lattice
    // points inside the streets' polygons): within 3 %
    const laid = await suggest.then.candidatesCounted();
    expect(Math.abs(estimate - laid) / laid).toBeLessThan(0.03);
    expect(driver.pageErrors).toEqual([]);
  });

  it('reads in English', async () => {
    await driver.when.languageSwitched('en');
    expect(await driver.then.text('[data-testid=suggest-panel] h2')).toBe('Where should new centres go?');
    expect(await suggest.then.qualityText()).not.toMatch(/[\u4e00-\u9fff]{2}/);
    await driver.screenshot('suggest-7-english-1920');
    await driver.when.languageSwitched('zh');
  });
});
