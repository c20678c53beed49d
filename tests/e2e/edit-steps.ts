// Given/when/then steps for editing a scenario, on top of the shared AppDriver (its page).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { mapCentre, type AppDriver } from './driver';

export interface Scenarios {
  active: string;
  edits: number;
  options: { value: string; label: string }[];
}

export function editSteps(driver: AppDriver) {
  const page = (): Page => driver.page;

  /** the analysis of the newest change landed and the map drew it */
  const settled = (): Promise<void> => driver.settled();

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
        // data-ready: the drawing tools have loaded (the hint shows while they load; a click then is lost)
        await page().waitForSelector('[data-testid=draw-hint][data-drawing=point][data-ready=true]');
        const [cx, cy] = await mapCentre(page());
        await page().mouse.click(cx + (f.dx ?? 0), cy + (f.dy ?? 0));
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
      /** Ctrl+Z typed in the table's search box: the box's own undo, not the scenario's */
      ctrlZInSearchBox: async (): Promise<void> => {
        await page().fill('[data-testid=table-search]', 'x');
        await page().focus('[data-testid=table-search]');
        await page().keyboard.press('Control+z');
        await page().waitForTimeout(300);
        await page().fill('[data-testid=table-search]', '');
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
      /** "+ residential area": corners clicked around the map centre (pixel offsets), closed on the first */
      areaDrawn: async (corners: [number, number][], a: { name: string; type: string; households: number; population: number }): Promise<void> => {
        const before = await edits();
        await page().click('[data-testid=tool-area]');
        await page().waitForSelector('[data-testid=draw-hint][data-drawing=polygon][data-ready=true]');
        const [cx, cy] = await mapCentre(page());
        for (const [dx, dy] of [...corners, corners[0]]) {
          await page().mouse.move(cx + dx, cy + dy, { steps: 4 });
          await page().mouse.click(cx + dx, cy + dy);
          await page().waitForTimeout(150);
        }
        await page().waitForSelector('[data-testid=area-form]');
        await page().fill('[data-testid=area-name]', a.name);
        await page().selectOption('[data-testid=area-type]', a.type);
        await page().fill('[data-testid=area-households]', String(a.households));
        await page().fill('[data-testid=area-population]', String(a.population));
        await driver.screenshot(`edit-area-form-${(await page().viewportSize())?.width ?? 0}`);
        await page().click('[data-testid=area-add]');
        await waitEdits(before + 1);
      },
      /** in the detail panel of the selected facility */
      capacitySet: async (field: string, value: number): Promise<void> => {
        const before = await edits();
        await page().fill(`[data-testid=edit-${field}]`, String(value));
        await page().click('[data-testid=facility-editor] [data-testid=edit-save]');
        await waitEdits(before + 1);
      },
      /** a real click on the map at pixels (dx, dy) from its centre; the detail panel opens on that unit */
      unitClickedOnMap: async (at: [number, number], level: string, id: string): Promise<void> => {
        const [cx, cy] = await mapCentre(page());
        await page().mouse.click(cx + at[0], cy + at[1]);
        await page().waitForSelector(`[data-testid=detail][data-level=${level}][data-id="${id}"]`, { timeout: 10_000 });
        await settled();
      },
      /** "drag to move", then the handle (at pixels `from` off the map centre) dragged by (dx, dy) */
      facilityDragged: async (from: [number, number], dx: number, dy: number): Promise<void> => {
        const before = await edits();
        await page().click('[data-testid=edit-move]');
        await page().waitForSelector('[data-testid=draw-hint][data-drawing=drag][data-ready=true]');
        const [mx, my] = await mapCentre(page());
        const cx = mx + from[0];
        const cy = my + from[1];
        await page().mouse.move(cx, cy);
        await page().mouse.down();
        await page().mouse.move(cx + dx / 2, cy + dy / 2, { steps: 5 });
        await page().mouse.move(cx + dx, cy + dy, { steps: 5 });
        await page().mouse.up();
        await waitEdits(before + 1);
      },
      /** "drag to move", then the handle (at pixels `from` off the map centre) clicked, and pressed
       *  with a 2-pixel tremor, but never dragged; then Escape. What it left: the edits it made and
       *  whether the drag was still ready to take the handle before Escape. */
      handlePressedNotDragged: async (from: [number, number]): Promise<{ edits: number; ready: boolean }> => {
        const before = await edits();
        await page().click('[data-testid=edit-move]');
        await page().waitForSelector('[data-testid=draw-hint][data-drawing=drag][data-ready=true]');
        const [mx, my] = await mapCentre(page());
        const [x, y] = [mx + from[0], my + from[1]];
        await page().mouse.click(x, y);
        await page().mouse.move(x, y);
        await page().mouse.down();
        await page().mouse.move(x + 2, y + 1);
        await page().mouse.up();
        // a drop would be an edit within a frame or two; give it time to show
        await page().waitForTimeout(500);
        const ready = (await page().$('[data-testid=draw-hint][data-drawing=drag]')) !== null;
        const made = (await edits()) - before;
        await page().keyboard.press('Escape');
        await page().waitForSelector('[data-testid=draw-hint]', { state: 'detached' });
        return { edits: made, ready };
      },
      /** "drag to move", then Ctrl+Z while the handle waits: the undo ends the drag (the hint and
       *  the handle go); then Ctrl+Shift+Z puts the edit back. What it saw before the redo. */
      moveArmedThenUndone: async (): Promise<{ hint: boolean; handle: boolean }> => {
        const before = await edits();
        await page().click('[data-testid=edit-move]');
        await page().waitForSelector('[data-testid=draw-hint][data-drawing=drag][data-ready=true]');
        await page().keyboard.press('Control+z');
        await waitEdits(before - 1);
        await page().waitForTimeout(300);
        const hint = (await page().$('[data-testid=draw-hint]')) !== null;
        const handle = await page().$eval('[data-testid=map] svg.drag-overlay', (e) => (e as SVGElement).style.display !== 'none');
        await page().keyboard.press('Control+Shift+z');
        await waitEdits(before);
        return { hint, handle };
      },
      /** "reshape outline" on the selected area (its edit box opened), a corner at pixels `corner`
       *  off the map centre dragged by (dx, dy), then "done" */
      areaReshaped: async (corner: [number, number], dx: number, dy: number): Promise<void> => {
        const before = await edits();
        await page().click('[data-testid=detail] .sc-unit-box summary');
        await page().click('[data-testid=edit-reshape]');
        await page().waitForSelector('[data-testid=draw-hint][data-drawing=reshape][data-ready=true]');
        const [cx, cy] = await mapCentre(page());
        const x = cx + corner[0];
        const y = cy + corner[1];
        await page().mouse.move(x, y);
        await page().mouse.down();
        await page().mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
        await page().mouse.move(x + dx, y + dy, { steps: 5 });
        await page().mouse.up();
        await driver.screenshot(`edit-reshape-${(await page().viewportSize())?.width ?? 0}`);
        await page().click('[data-testid=draw-finish]');
        await waitEdits(before + 1);
      },
      facilityDeleted: async (): Promise<void> => {
        const before = await edits();
        await page().click('[data-testid=facility-editor] [data-testid=edit-delete]');
        await waitEdits(before + 1);
      },
      /** the save button's download, as text */
      projectSaved: async (): Promise<string> => {
        await page().click('.sc-files-box summary');
        const [download] = await Promise.all([page().waitForEvent('download'), page().click('[data-testid=save-project]')]);
        const path = await download.path();
        return readFileSync(path, 'utf8');
      },
      scenarioShared: async (): Promise<{ name: string; text: string }> => {
        const [download] = await Promise.all([page().waitForEvent('download'), page().click('[data-testid=share-scenario]')]);
        return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
      },
      scenarioFileOpened: async (path: string): Promise<void> => {
        // the answer to this file, not a message left from before
        if (await page().$('[data-testid=scenario-notice]')) await page().click('[data-testid=scenario-notice] .close');
        await page().waitForSelector('[data-testid=scenario-notice]', { state: 'detached' });
        await page().setInputFiles('[data-testid=scenario-file-input]', path);
        await page().waitForSelector('[data-testid=scenario-notice]');
        await settled();
      },
      scenarioOpened: async (value: string): Promise<void> => {
        await page().selectOption('[data-testid=scenario-select]', value);
        await page().waitForFunction((v) => document.querySelector('[data-testid=scenario-bar]')?.getAttribute('data-active') === v, value);
        await settled();
      },
      /** an undo, and the page reloaded the moment the undo shows: inside the autosave's moment
       *  after a change (0.4 s), so only the save as the page goes can keep it */
      undoneThenReloadedAtOnce: async (): Promise<void> => {
        const before = await edits();
        await page().click('[data-testid=undo]');
        await page().waitForFunction((k) => document.querySelector('[data-testid=scenario-bar]')?.getAttribute('data-edits') === String(k), before - 1, { polling: 'raf' });
        await page().reload();
        await page().waitForSelector('[data-testid=scenario-bar]', { timeout: 30_000 });
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
      parked: async (): Promise<string[]> => page().$$eval('[data-testid=parked] li', (lis) => lis.map((li) => li.textContent ?? '')),
      notice: async (): Promise<string> => (await page().textContent('[data-testid=scenario-notice]')) ?? '',
      /** the "restored from the autosave" note shows (it is set once the restore has ended, which
       *  under load can be after the restored project's analysis settled) */
      restoredNote: (): Promise<boolean> =>
        page()
          .waitForSelector('[data-testid=restored]', { timeout: 10_000 })
          .then(
            () => true,
            () => false,
          ),
    },
  };
}
