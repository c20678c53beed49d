// Given/when/then steps for editing a scenario, on top of the shared AppDriver (its page).
import type { Page } from 'playwright-core';
import type { AppDriver } from './driver';

export interface Scenarios {
  active: string;
  edits: number;
  options: { value: string; label: string }[];
}

export function editSteps(driver: AppDriver) {
  const page = (): Page => driver.page;

  /** the analysis of the newest change landed and the map drew it */
  const settled = async (): Promise<void> => {
    await page().waitForSelector('[data-testid=phase][data-phase=ready]', { timeout: 30_000 });
    await page().waitForFunction(
      () => {
        const map = document.querySelector('[data-testid=map]');
        return map instanceof HTMLElement && map.dataset.idle === 'true';
      },
      undefined,
      { timeout: 30_000 },
    );
  };

  const edits = async (): Promise<number> => Number(await page().getAttribute('[data-testid=scenario-bar]', 'data-edits'));

  const waitEdits = async (n: number): Promise<void> => {
    await page().waitForFunction((k) => document.querySelector('[data-testid=scenario-bar]')?.getAttribute('data-edits') === String(k), n, { timeout: 10_000 });
    await settled();
  };

  return {
    when: {
      scenarioCreated: async (name: string): Promise<void> => {
        await page().click('[data-testid=scenario-new]');
        await page().fill('[data-testid=scenario-name]', name);
        await page().click('[data-testid=scenario-name-ok]');
        await page().waitForFunction(() => document.querySelector('[data-testid=scenario-bar]')?.getAttribute('data-active') !== 'baseline');
        await settled();
      },
      /** "+ facility", a click on the map `dx, dy` pixels from its centre, the form filled in */
      facilityAdded: async (f: { kind: string; name: string; places: number; dx?: number; dy?: number }): Promise<void> => {
        const before = await edits();
        await page().click('[data-testid=tool-facility]');
        await page().waitForSelector('[data-testid=draw-hint][data-drawing=point]');
        const box = await page().locator('[data-testid=map] canvas').boundingBox();
        if (!box) throw new Error('map canvas not on screen');
        await page().mouse.click(box.x + box.width / 2 + (f.dx ?? 0), box.y + box.height / 2 + (f.dy ?? 0));
        await page().waitForSelector('[data-testid=facility-form]');
        await page().selectOption('[data-testid=facility-kind]', f.kind);
        await page().fill('[data-testid=facility-name]', f.name);
        await page().fill('[data-testid=facility-places]', String(f.places));
        await driver.screenshot(`edit-form-${(await page().viewportSize())?.width ?? 0}`);
        await page().click('[data-testid=facility-add]');
        await waitEdits(before + 1);
      },
      /** the keyboard shortcut, with the focus on the page (not in an input) */
      undoneByKeyboard: async (): Promise<void> => {
        const before = await edits();
        await page().locator('h1.title').click();
        await page().keyboard.press('Control+z');
        await waitEdits(before - 1);
      },
      redoneByKeyboard: async (): Promise<void> => {
        const before = await edits();
        await page().locator('h1.title').click();
        await page().keyboard.press('Control+Shift+z');
        await waitEdits(before + 1);
      },
      undoClicked: async (): Promise<void> => {
        const before = await edits();
        await page().click('[data-testid=undo]');
        await waitEdits(before - 1);
      },
      redoClicked: async (): Promise<void> => {
        const before = await edits();
        await page().click('[data-testid=redo]');
        await waitEdits(before + 1);
      },
      scenarioOpened: async (value: string): Promise<void> => {
        await page().selectOption('[data-testid=scenario-select]', value);
        await page().waitForFunction((v) => document.querySelector('[data-testid=scenario-bar]')?.getAttribute('data-active') === v, value);
        await settled();
      },
      /** the page reloaded; the autosave a moment after the last change came first */
      reloadedAfterAutosave: async (): Promise<void> => {
        await page().waitForFunction(() => (document.querySelector('[data-testid=autosave]')?.getAttribute('data-saved-at') ?? '') !== '', undefined, { timeout: 10_000 });
        // the newest change may be later than the last save: wait for the save after it
        await page().waitForTimeout(600);
        await page().reload();
        await page().waitForSelector('[data-testid=scenario-bar]', { timeout: 30_000 });
        await settled();
      },
    },
    then: {
      scenarios: async (): Promise<Scenarios> => ({
        active: (await page().getAttribute('[data-testid=scenario-bar]', 'data-active')) ?? '',
        edits: await edits(),
        options: await page().$$eval('[data-testid=scenario-select] option', (os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' }))),
      }),
      history: async (): Promise<{ text: string; state: string }[]> =>
        page().$$eval('[data-testid=history] li', (lis) => lis.map((li) => ({ text: li.textContent ?? '', state: li.getAttribute('data-state') ?? '' }))),
      restoredNote: async (): Promise<boolean> => (await page().$('[data-testid=restored]')) !== null,
    },
  };
}
