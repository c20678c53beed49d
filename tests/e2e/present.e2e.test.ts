// Compare a plan with today, present it, print it — in the built app in Chromium.
//
// The plan: a childcare centre of 100 places in 新华街居委会 (610116001006, gap G1 of the demo:
// 13,685 residents and 41 places, ≈3.0 per 1000 where ak.new.places / wy.places.new ask for 10).
// Worked by hand: 10 × 13,685 / 1000 = 136.85 → 137 places needed; short 137 − 41 = 96; with
// 141 places the estate passes, so the communities' places shortfall falls by 96; places +100;
// cost 100 × 2500 元 (赤峰 001 item 2: 城市新建每个托位2500元; the estate is a new urban one) = 250,000 元.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';
import { editSteps } from './edit-steps';
import { codesOnPaper, PresentSteps, projectWithScenario } from './present-steps';

const ESTATE = '610116001006';
const PLACES_RULES = ['ak.new.places', 'wy.places.new'];
// the estate's rectangle is 108.940217–108.943737 E, 34.158412–34.161474 N: its middle lies inside
const project = projectWithScenario([108.941977, 34.159943], 100, [108.925, 34.148, 108.96, 34.172]);

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  const size = `${viewport.width}x${viewport.height}`;
  describe(`compare, present and print at ${size}`, () => {
    const driver = new AppDriver(inject('appUrl'));
    const present = new PresentSteps(driver);
    beforeAll(async () => {
      await driver.start(viewport);
      await driver.given.appOpened();
      // given a project file that already holds the scenario and two saved views
      await driver.when.projectFilePicked(project.path);
    });
    afterAll(() => driver.stop());

    it('compares the plan with the baseline: KPI deltas, the estate in the changed table, the cost with its clause', async () => {
      await present.when.compareOpened();
      await present.when.sideChosen('a', 'baseline');
      await present.when.sideChosen('b', project.scenarioId);
      expect((await present.then.kpi('shortfall.places')).delta).toBe(-96);
      expect((await present.then.kpi('places')).delta).toBe(100);
      const cost = await present.then.kpi('cost');
      expect(cost.delta).toBe(250_000);
      expect(cost.text).toContain('25 万元');
      expect(await present.then.costTotal()).toBe(250_000);
      expect(await present.then.costText()).toContain('城市新建每个托位2500元');

      const row = await present.then.changedRow(ESTATE);
      expect(row).not.toBeNull();
      expect(row?.rules.some((r) => PLACES_RULES.includes(r))).toBe(true);
      expect(row?.text).toContain('新华街居委会');
      expect(row?.text).toMatch(/不达标 → 达标 \(3 → 10\.3\)/);
      await present.when.changedRowClicked(ESTATE);
      await driver.screenshot(`present-1-compare-${size}`);
      expect(driver.pageErrors).toEqual([]);
    });

    it('colours the maps by what changed, for the overall verdict and for the places rule, with a legend on the map', async () => {
      // given the plan compared with the baseline (previous test), the estate framed on both maps
      // when the maps compare the places rule: then the estate alone got better (hand-worked
      // above: only its own places changed; no community lost places)
      await present.when.compareRuleChosen('ak.new.places');
      let legend = await present.then.changeLegend();
      expect(legend.visible).toBe(true);
      expect(legend.title).toContain('新建小区托位');
      expect(legend.counts.better).toBe(1);
      expect(legend.counts.worse).toBe(0);
      // and it is drawn in the "better" blue on both maps (a point inside the estate, left of its
      // middle, away from the facility markers), where each side's verdict paints A red
      for (const side of ['a', 'b'] as const) {
        const [r, , b] = await present.then.mapPixel(side, -45, -40);
        expect(b - r).toBeGreaterThan(60);
      }
      await driver.screenshot(`present-1b-compare-change-rule-${size}`);
      await present.when.colourChosen('verdict');
      const [ra, , ba] = await present.then.mapPixel('a', -45, -40);
      expect(ra - ba).toBeGreaterThan(60);
      await present.when.colourChosen('change');

      // when the maps compare the overall verdict: the counts are those of an independent count
      // of the changed table (the core's comparison), ranking fail < cannot assess/absent < pass
      await present.when.compareRuleChosen('');
      legend = await present.then.changeLegend();
      const rank = (s: string) => (s === 'fail' ? 0 : s === 'pass' ? 2 : 1);
      const rows = await present.then.changedRows();
      expect(legend.title).toContain('综合结论');
      expect(legend.counts.better).toBe(rows.filter(([f, t]) => rank(t) > rank(f)).length);
      expect(legend.counts.worse).toBe(rows.filter(([f, t]) => rank(t) < rank(f)).length);
      // the demo's 513 communities are all judged: every one is better, worse or unchanged
      expect(legend.counts.better + legend.counts.worse + legend.counts.same).toBe(513);
      expect(driver.pageErrors).toEqual([]);
    });

    it('swaps to the swipe view and back to the baseline as B: no delta', async () => {
      await present.when.swipeChosen();
      await driver.screenshot(`present-2-swipe-${size}`);
      await present.when.sideChosen('b', 'baseline');
      expect((await present.then.kpi('places')).delta).toBe(0);
      expect(await present.then.changedRow(ESTATE)).toBeNull();
      await present.when.compareClosed('Escape');
    });

    it('saves a view, enters presentation mode, steps through the views with the keyboard and leaves with Esc', async () => {
      await present.when.viewSaved('全区概览');
      const before = await present.then.mapWidth();
      await present.when.presentationEntered();
      expect(await present.then.headerVisible()).toBe(false);
      expect(await present.then.mapWidth()).toBeGreaterThan(before);
      // the views of the file come first, the one just saved last; → starts after the saved one
      await present.when.keyPressed('ArrowRight');
      expect(await present.then.presentView()).toBe('present-v1');
      expect(await present.then.presentScenario()).toBe('baseline');
      await present.when.keyPressed('PageDown'); // what a presentation clicker sends
      expect(await present.then.presentView()).toBe('present-v2');
      expect(await present.then.presentScenario()).toBe(project.scenarioId);
      expect((await present.then.kpi('places', 'present-kpis')).delta).toBe(100);
      await driver.screenshot(`present-3-presenting-${size}`);
      await present.when.keyPressed('ArrowLeft');
      expect(await present.then.presentView()).toBe('present-v1');
      await present.when.keyPressed('Escape');
      expect(await present.then.presenting()).toBe(false);
      expect(await present.then.headerVisible()).toBe(true);
      expect(driver.pageErrors).toEqual([]);
    });

    it('prints to a landscape PDF with the KPIs, data sources and the citations of the rules', async () => {
      // the plan is open for print: the second view shows it
      await present.when.presentationEntered();
      await present.when.keyPressed('PageDown');
      await present.when.keyPressed('Escape');
      const paper = viewport.width > 1800 ? 'a3' : 'a4';
      await present.when.printPrepared(paper);
      const pdf = await present.then.pdf(`present-print-${size}`);
      // landscape: A4 297 × 210 mm = 841.9 × 595.3 pt, A3 420 × 297 mm = 1190.6 × 841.9 pt (±1 pt: Chromium rounds to 1/100 in)
      const [w, h] = await present.then.pdfPageSize(`present-print-${size}`);
      expect(Math.abs(w - (paper === 'a4' ? 841.9 : 1190.6))).toBeLessThan(1);
      expect(Math.abs(h - (paper === 'a4' ? 595.3 : 841.9))).toBeLessThan(1);
      const text = pdf.text.replace(/\s+/g, '');
      expect(text).toContain('新建居住小区每千人口不少于0.1平方米养老用房、不少于10个托位托育用房'); // ak.new.places, 000 场地要素 1
      expect(text).toContain('城市新建每个托位2500元'); // cf.subsidy.places, 001 item 2
      expect(text).toContain('新增托育中心'); // the scenario's name in the title
      expect(text).toContain('+100'); // places
      expect(text).toContain('模拟'); // the demo's real-vs-simulated note
      expect(text).toContain('北');
      expect(pdf.pages).toBeGreaterThanOrEqual(2);
      // officials read this: names and plain words, no rule codes, method names, file paths,
      // commands, model codes or developer English
      expect(codesOnPaper(pdf.text)).toEqual([]);
      expect(driver.cspViolations).toEqual([]);
      expect(driver.pageErrors).toEqual([]);
    });
  });
}

describe('a plan made with the editing tools, compared with the baseline', () => {
  const driver = new AppDriver(inject('appUrl'));
  const present = new PresentSteps(driver);
  const edit = editSteps(driver);
  beforeAll(async () => {
    await driver.start();
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('a childcare centre of 100 places placed on the estate: the same hand-worked deltas as the file’s plan', async () => {
    // given a new scenario with the centre placed on the map inside the estate (the table row frames it)
    await edit.when.scenarioCreated('界面方案');
    await driver.when.rowClicked('community', ESTATE);
    await driver.when.detailClosed();
    await edit.when.facilityAdded({ kind: 'childcare_centre', name: '新华街普惠托育中心', places: 100, dx: 25, dy: 20 });
    // when the compare panel opens: A the baseline, B the open scenario
    await present.when.compareOpened();
    await present.when.compared();
    // then
    expect((await present.then.kpi('places')).delta).toBe(100);
    expect((await present.then.kpi('shortfall.places')).delta).toBe(-96);
    expect(await present.then.costTotal()).toBe(250_000);
    expect((await present.then.changedRow(ESTATE))?.rules.some((r) => PLACES_RULES.includes(r))).toBe(true);
    await driver.screenshot('present-4-compare-edited-1366x768');
    console.info(`compare in the worker: ${await present.then.compareMs()} ms`);
    expect(driver.pageErrors).toEqual([]);
  });

  it('reads in English too', async () => {
    await present.when.compareClosed();
    await driver.when.languageSwitched('en');
    await present.when.compareOpened();
    await present.when.compared();
    expect((await present.then.kpi('places')).text).toContain('Childcare places');
    expect((await present.then.kpi('cost')).text).toContain('CNY 250,000');
    expect(await present.then.costText()).toContain('100 new places (urban, new build)');
    const legend = await present.then.changeLegend();
    expect(legend.visible).toBe(true);
    expect(legend.title).toContain('Change from A to B');
    expect(await driver.page.textContent('[data-testid=compare-legend]')).toMatch(/better: \d+ communities/);
    await driver.screenshot('present-5-compare-en-1366x768');
  });
});
