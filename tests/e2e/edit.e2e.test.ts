// Editing the plan on the map, in the built app in Chromium: a scenario, a childcare centre in
// the known failing community, undo / redo, and a reload that brings everything back.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';
import { editSteps } from './edit-steps';

// G1 in data/demo/gaps.json: new estate 610116001006, 41 childcare places for 13 685 residents
// = 2.996 per 1000 where 10 are required (ak.new.places under the combined profile). With
// 100 more places: 141 / 13 685 × 1000 = 10.30 ≥ 10 → pass.
const G1 = '610116001006';
const PLACES_RULES = ['ak.new.places', 'wy.places.new'];

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
      expect(await placesStatus()).toBe('pass');
      await shot('5-reloaded');
      expect(driver.pageErrors).toEqual([]);
      expect(driver.cspViolations).toEqual([]);
    });
  });
}
