// Editing the plan on the map, in the built app in Chromium: a scenario, a childcare centre in
// the known failing community, undo / redo, and a reload that brings everything back.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver, mapCentre } from './driver';
import { editSteps } from './edit-steps';

// G1 in data/demo/gaps.json: new estate 610116001006, 41 childcare places for 13 685 residents
// = 2.996 per 1000 where 10 are required (ak.new.places under the combined profile). With
// 100 more places: 141 / 13 685 × 1000 = 10.30 ≥ 10 → pass.
const G1 = '610116001006';
const PLACES_RULES = ['ak.new.places', 'wy.places.new'];
// G1's rectangle [108.940217, 108.943737] × [34.158412, 34.161474]: its centre (turf's
// pointOnFeature of a convex ring = the vertex mean), where a click on its table row centres the map
const G1_CENTRE: [number, number] = [108.941977, 34.159943];

/** pixels from `centre` to `p` on a Web Mercator map of 512-px tiles at zoom 15 */
function offsetAtZoom15(centre: [number, number], p: [number, number]): [number, number] {
  const world = 512 * 2 ** 15;
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return [((p[0] - centre[0]) / 360) * world, (-(y(p[1]) - y(centre[1])) / (2 * Math.PI)) * world];
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  describe(`editing a scenario at ${viewport.width}×${viewport.height}`, () => {
    const driver = new AppDriver(inject('appUrl'));
    const edit = editSteps(driver);
    const shot = (name: string) => driver.screenshot(`edit-${viewport.width}-${name}`);
    const placesStatus = async (): Promise<string | undefined> => {
      await driver.when.rowClicked('community', G1);
      const items = await driver.then.detailShows('community', G1);
      return items.find((i) => PLACES_RULES.includes(i.rule) && i.view === 'onsite')?.status;
    };

    beforeAll(async () => {
      await driver.start(viewport);
      await driver.given.appOpened();
    });
    afterAll(() => driver.stop());

    it('the baseline is read-only and offers a new scenario', async () => {
      expect((await edit.then.scenarios()).active).toBe('baseline');
      expect(await driver.page.isVisible('[data-testid=baseline-readonly]')).toBe(true);
      expect(await driver.page.$('[data-testid=tool-facility]')).toBeNull();
      expect(await placesStatus()).toBe('fail');
      expect(await driver.page.isVisible('[data-testid=unit-readonly]')).toBe(true);
      await shot('1-baseline');
    });

    it('a childcare centre of 100 places in the failing community turns its places rule to pass', async () => {
      // given a new scenario, with the map on G1 (the table row zooms there) and the panel closed
      await edit.when.scenarioCreated('新华街托育方案');
      await driver.when.rowClicked('community', G1);
      await driver.when.detailClosed();
      // when a childcare centre is placed on the map next to G1's centre
      await edit.when.facilityAdded({ kind: 'childcare_centre', name: '新华街普惠托育中心', places: 100, dx: 25, dy: 20 });
      await shot('2-added');
      // then the verdict turns
      expect(await placesStatus()).toBe('pass');
      expect(await edit.then.history()).toEqual([{ text: '新增设施「新华街普惠托育中心」', state: 'done' }]);
      await shot('3-pass');
    });

    it('undo fails it again; redo passes again (keyboard and buttons)', async () => {
      await edit.when.ctrlZInSearchBox();
      expect((await edit.then.scenarios()).edits).toBe(1);
      await edit.when.undoneByKeyboard();
      expect(await placesStatus()).toBe('fail');
      expect(await edit.then.history()).toEqual([{ text: '新增设施「新华街普惠托育中心」（已撤销）', state: 'undone' }]);
      await shot('4-undone');
      await edit.when.redoneByKeyboard();
      expect(await placesStatus()).toBe('pass');
      await edit.when.undoClicked();
      expect(await placesStatus()).toBe('fail');
      await edit.when.redoClicked();
      expect(await placesStatus()).toBe('pass');
    });

    it('the baseline still fails; back in the scenario it passes', async () => {
      const sc = await edit.then.scenarios();
      await edit.when.scenarioOpened('baseline');
      expect(await placesStatus()).toBe('fail');
      await edit.when.scenarioOpened(sc.active);
      expect(await placesStatus()).toBe('pass');
    });

    it('after a reload the scenario, its edit and the verdict are all still there', async () => {
      const before = await edit.then.scenarios();
      await edit.when.reloadedAfterAutosave();
      const after = await edit.then.scenarios();
      expect(after.active).toBe(before.active);
      expect(after.edits).toBe(1);
      expect(after.options.map((o) => o.label)).toEqual(['现状（只读）', '新华街托育方案']);
      expect(await edit.then.restoredNote()).toBe(true);
      expect(await edit.then.history()).toEqual([{ text: '新增设施「新华街普惠托育中心」', state: 'done' }]);
      // the map is where it was (on G1, from the last table click): its centre click finds G1
      await driver.when.mapCentreClicked();
      await driver.then.detailShows('community', G1);
      expect(await placesStatus()).toBe('pass');
      await shot('5-reloaded');
      expect(driver.pageErrors).toEqual([]);
      expect(driver.cspViolations).toEqual([]);
    });

    it('an undo and a reload at once: the page saved the undo as it went', async () => {
      await edit.when.undoneThenReloadedAtOnce();
      expect((await edit.then.scenarios()).edits).toBe(0);
      expect(await edit.then.history()).toEqual([{ text: '新增设施「新华街普惠托育中心」（已撤销）', state: 'undone' }]);
      expect(await placesStatus()).toBe('fail');
      expect(driver.pageErrors).toEqual([]);
    });
  });
}

describe('drawing an area, changing, dragging and deleting a facility, files', () => {
  const driver = new AppDriver(inject('appUrl'));
  const edit = editSteps(driver);
  const placesStatus = async (): Promise<string | undefined> => {
    await driver.when.rowClicked('community', G1);
    const items = await driver.then.detailShows('community', G1);
    return items.find((i) => PLACES_RULES.includes(i.rule) && i.view === 'onsite')?.status;
  };

  beforeAll(async () => {
    await driver.start();
    await driver.given.appOpened();
    await edit.when.scenarioCreated('编辑测试');
  });
  afterAll(() => driver.stop());

  it('a residential area drawn on the map joins the communities with its figures', async () => {
    await driver.when.rowClicked('community', G1);
    await driver.when.detailClosed();
    await edit.when.areaDrawn(
      [
        [-60, -160],
        [60, -160],
        [60, -100],
        [-60, -100],
      ],
      { name: '规划新区一期', type: 'new', households: 800, population: 2400 },
    );
    expect(await edit.then.history()).toEqual([{ text: '新增居住区「规划新区一期」', state: 'done' }]);
    // it is judged like any community: found in the table by its name
    await driver.page.click('[role=tab][data-level=community]');
    await driver.page.fill('[data-testid=table-search]', '规划新区一期');
    await driver.page.waitForSelector('[data-testid=results-table] tbody tr');
    await driver.screenshot('edit-area-added');
  });

  it("a facility's places changed in its panel, then dragged, then deleted — each one edit", async () => {
    // CC9001, G1's own childcare centre (41 places), found on the map where the table row of G1
    // puts the camera: G1's centre at zoom 15 (the focus zoom cap; G1 is small)
    const cc9001 = offsetAtZoom15(G1_CENTRE, [108.940474, 34.159774]);
    await driver.when.rowClicked('community', G1);
    await driver.when.detailClosed();
    await edit.when.unitClickedOnMap(cc9001, 'facility', 'CC9001');
    // 41 → 150 places: 150 / 13 685 × 1000 = 10.96 ≥ 10
    await edit.when.capacitySet('places', 150);
    expect(await placesStatus()).toBe('pass');
    await driver.when.detailClosed();
    await edit.when.unitClickedOnMap(cc9001, 'facility', 'CC9001');
    // an undo while the handle waits ends the drag: no handle left over the data before the edit
    expect(await edit.when.moveArmedThenUndone()).toEqual({ hint: false, handle: false });
    await edit.when.unitClickedOnMap(cc9001, 'facility', 'CC9001');
    // a click on the handle, or a press that trembles 2 px, moves nothing: the handle stays ready
    expect(await edit.when.handlePressedNotDragged(cc9001)).toEqual({ edits: 0, ready: true });
    await edit.when.facilityDragged(cc9001, 90, 0);
    const rows = await edit.then.history();
    expect(rows.map((r) => r.text)).toEqual(['新增居住区「规划新区一期」', '设施「新华街托育中心」托位 41 → 150', expect.stringMatching(/^移动设施「新华街托育中心」\d+ 米$/)]);
    // 90 px at zoom 15 (46 603 px per degree of longitude) = 0.001931° ≈ 178 m at 34.16° N
    const metres = Number(/(\d+) 米$/.exec(rows[2].text)?.[1]);
    expect(metres).toBeGreaterThan(150);
    expect(metres).toBeLessThan(205);
    // dropped over the map legend: the drop still reaches the map (it used to leave the drag open)
    const legend = await driver.page.locator('[data-testid=map-legend]').boundingBox();
    const [mx, my] = await mapCentre(driver.page);
    const moved: [number, number] = [cc9001[0] + 90, cc9001[1]];
    if (!legend) throw new Error('no map legend on screen');
    await edit.when.facilityDragged(moved, legend.x + legend.width / 2 - (mx + moved[0]), legend.y + legend.height / 2 - (my + moved[1]));
    expect(await edit.then.history()).toHaveLength(4);
    await edit.when.facilityDeleted();
    expect(await driver.page.$('[data-testid=detail]')).toBeNull(); // its panel closed with it
    await driver.screenshot('edit-after-delete');
    expect(await placesStatus()).toBe('fail'); // no childcare places left in G1
  });

  it("an area's outline reshaped by dragging a corner", async () => {
    // G1's north-east corner dragged 40 px east and 40 px north: the area grows
    await driver.when.rowClicked('community', G1);
    await edit.when.areaReshaped(offsetAtZoom15(G1_CENTRE, [108.943737, 34.161474]), 40, -40);
    const rows = await edit.then.history();
    expect(rows.at(-1)?.text).toBe('重新绘制居住区「新华街居委会」');
    await driver.screenshot('edit-reshaped');
  });

  it('the project saves as one file with the scenario; a shared scenario opens as a new one', async () => {
    const project = JSON.parse(await edit.when.projectSaved()) as { version: number; scenarios: { name: string; edits: unknown[] }[]; activeScenario: string };
    expect(project.version).toBe(1);
    expect(project.scenarios.map((s) => [s.name, s.edits.length])).toEqual([['编辑测试', 6]]); // an area, places, two drags, a delete, a reshape
    const shared = await edit.when.scenarioShared();
    expect(shared.name).toBe('编辑测试.scenario.json');
    const path = await driver.screenshot('edit-before-import'); // a path in the output folder, for the file
    const file = path.replace(/edit-before-import\.png$/, 'shared.scenario.json');
    writeFileSync(file, shared.text);
    await edit.when.scenarioFileOpened(file);
    expect(await edit.then.notice()).toContain('已导入方案「编辑测试 (2)」');
    const sc = await edit.then.scenarios();
    expect(sc.options.map((o) => o.label)).toEqual(['现状（只读）', '编辑测试', '编辑测试 (2)']);
    expect(sc.edits).toBe(6);
    expect(driver.pageErrors).toEqual([]);
  });

  it('a scenario file made on other data: said so, the edit that does not fit listed and kept; a newer file changes nothing', async () => {
    const before = await edit.then.scenarios();
    await edit.when.scenarioFileOpened('tests/fixtures/edit/newer.scenario.json');
    expect(await edit.then.notice()).toContain('版本是 2');
    expect((await edit.then.scenarios()).options).toEqual(before.options);
    // made on data/sample (样例区): its new day-care centre fits the demo, facility F1 is not there
    await edit.when.scenarioFileOpened('tests/fixtures/edit/other-baseline.scenario.json');
    expect(await edit.then.notice()).toContain('另一份基础数据（样例区（手工））');
    const sc = await edit.then.scenarios();
    expect(sc.options.at(-1)?.label).toBe('样例区方案');
    expect(sc.edits).toBe(1);
    expect(await edit.then.parked()).toEqual([expect.stringContaining('设施「新苑托育中心」托位 20 → 60 — 找不到 id 为「F1」的设施')]);
    await driver.screenshot('edit-parked');
  });

  it('reads in English', async () => {
    await driver.when.languageSwitched('en');
    expect(await driver.then.text('[data-testid=scenario-bar]')).toContain('New scenario');
    expect(await driver.then.text('[data-testid=scenario-panel]')).toContain('Edits that no longer apply (kept)');
    await driver.screenshot('edit-english');
    await driver.when.languageSwitched('zh');
  });
});
