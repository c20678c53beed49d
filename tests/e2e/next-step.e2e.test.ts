// From a failing community to the next step, one click away: the nearest facility of the kinds
// with its distance, "add a facility here" (the scenario's form at that place) and "suggest sites
// for this gap". Known from data/demo/gaps.json: G5, community 610116010008 lies outside every
// 810 m elderly-care circle (15 min × 60 s × 0.9 m/s), so its nearest one is farther than 810 m.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';

const OUTSIDE = '610116010008';

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  const size = `${viewport.width}x${viewport.height}`;
  describe(`the next step from a failing community at ${size}`, () => {
    const driver = new AppDriver(inject('appUrl'));
    beforeAll(async () => {
      await driver.start(viewport);
      await driver.given.appOpened();
    });
    afterAll(() => driver.stop());

    it('given G5 outside the elderly-care circles, the panel names the nearest facility beyond 810 m and offers the next steps', async () => {
      // the map coloured by the 15-minute elderly-care circle (万源 二(五)), the community picked in the table
      await driver.when.ruleChosen('wy.circle');
      await driver.when.rowClicked('community', OUTSIDE);
      await driver.then.detailShows('community', OUTSIDE);
      const metres = Number(await driver.then.attribute('[data-testid=nearest]', 'data-metres'));
      expect(metres).toBeGreaterThan(810);
      expect(await driver.then.text('[data-testid=nearest]')).toContain(' 米');
      expect(await driver.then.inView('[data-testid=add-here]')).toBe(true);
      await driver.screenshot(`next-1-panel-${size}`);
      // suggest sites for this gap: the suggestion panel opens on an elderly-care kind
      await driver.page.click('[data-testid=suggest-here]');
      await driver.page.waitForSelector('[data-testid=suggest-form]');
      expect(await driver.page.$eval('[data-testid=suggest-kind]', (el) => (el as HTMLSelectElement).value)).toBe('elderly_daycare');
      await driver.screenshot(`next-2-suggest-${size}`);
      // add a facility here: a scenario is made (the baseline is read-only) and its form opens
      await driver.page.click('[data-testid=add-here]');
      await driver.page.waitForSelector('[data-testid=facility-form]');
      await driver.screenshot(`next-3-add-here-${size}`);
      expect(driver.pageErrors).toEqual([]);
    });
  });
}
