// Given/when/then steps for the site-suggestion panel, on top of the shared AppDriver (tests never
// touch the page's markup directly; a markup change is fixed here).
import { mapCentre, type AppDriver } from './driver';

export interface SuggestedRow {
  rank: number;
  gain: number;
  cumulative: number;
  /** CNY subsidy of this site; null without a size per site */
  cost: number | null;
  name: string;
}

export interface RuleCounts {
  fail: number;
  pass: number;
  na: number;
}

export interface SuggestForm {
  kind: string;
  goal: 'coverage' | 'shortfall' | 'ratio';
  cohort?: 'auto' | 'all' | 'elderly' | 'infants';
  sites: number;
  capacity?: number;
  budget?: number;
}

export class SuggestSteps {
  constructor(private readonly d: AppDriver) {}

  private get page() {
    return this.d.page;
  }

  given = {
    panelOpened: async (): Promise<void> => {
      await this.page.click('[data-testid=suggest-open]');
      await this.page.waitForSelector('[data-testid=suggest-panel]');
      await this.d.mapIdle();
    },
  };

  when = {
    formFilled: async (f: SuggestForm): Promise<void> => {
      await this.page.selectOption('[data-testid=suggest-kind]', f.kind);
      await this.page.selectOption('[data-testid=suggest-goal]', f.goal);
      if (f.cohort && f.goal === 'coverage') await this.page.selectOption('[data-testid=suggest-cohort]', f.cohort);
      await this.page.fill('[data-testid=suggest-sites]', String(f.sites));
      await this.page.fill('[data-testid=suggest-capacity]', f.capacity === undefined ? '' : String(f.capacity));
      await this.page.fill('[data-testid=suggest-budget]', f.budget === undefined ? '' : String(f.budget));
      await this.page.press('[data-testid=suggest-budget]', 'Tab');
      // number inputs commit on change: leave the field
      await this.page.press('[data-testid=suggest-capacity]', 'Tab');
    },
    /** clicks "suggest" and waits for the ranked list. Returns the page's own clock from the
     *  click to the list in the DOM and to the next painted frame, and the test's wall clock. */
    suggestionRun: async (): Promise<{ domMs: number; paintMs: number; wallMs: number }> => {
      await this.page.evaluate(() => {
        const w = window as unknown as { __suggestClock?: { t0?: number; t1?: number; t2?: number } };
        const clock: { t0?: number; t1?: number; t2?: number } = {};
        w.__suggestClock = clock;
        document.querySelector('[data-testid=suggest-run]')?.addEventListener('click', () => (clock.t0 = performance.now()), { once: true, capture: true });
        const mo = new MutationObserver(() => {
          if (clock.t0 === undefined || clock.t1 !== undefined) return;
          if (!document.querySelector('[data-testid=suggest-panel][data-status=done] [data-testid=suggest-result]')) return;
          clock.t1 = performance.now();
          mo.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => (clock.t2 = performance.now())));
        });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      const t0 = Date.now();
      await this.page.click('[data-testid=suggest-run]');
      await this.page.waitForSelector('[data-testid=suggest-panel][data-status=done] [data-testid=suggest-result]', { timeout: 60_000 });
      const wallMs = Date.now() - t0;
      const clock = await this.page.waitForFunction(() => {
        const c = (window as unknown as { __suggestClock?: { t0?: number; t1?: number; t2?: number } }).__suggestClock;
        return c && c.t0 !== undefined && c.t1 !== undefined && c.t2 !== undefined ? { domMs: c.t1 - c.t0, paintMs: c.t2 - c.t0 } : null;
      });
      const v = (await clock.jsonValue()) as { domMs: number; paintMs: number };
      await this.d.mapIdle();
      return { ...v, wallMs };
    },
    /** candidate switches: community centres, grid (over the whole or the drawn area), parcels */
    candidatesChosen: async (c: { communities: boolean; grid: boolean; parcels: boolean }): Promise<void> => {
      await this.page.setChecked('[data-testid=suggest-cand-communities]', c.communities);
      await this.page.setChecked('[data-testid=suggest-cand-grid]', c.grid);
      if (!(await this.page.isDisabled('[data-testid=suggest-cand-parcels]'))) await this.page.setChecked('[data-testid=suggest-cand-parcels]', c.parcels);
    },
    parcelsFilePicked: async (path: string): Promise<void> => {
      await this.page.setInputFiles('[data-testid=suggest-parcels-file]', path);
      await this.page.waitForFunction(() => {
        const box = document.querySelector('[data-testid=suggest-cand-parcels]');
        return (box instanceof HTMLInputElement && !box.disabled) || document.querySelector('[data-testid=suggest-errors]') !== null;
      });
    },
    /** draws a rectangle of ±`half` px around the map's centre with real clicks, closing it on the first corner */
    areaDrawn: async (half: number): Promise<void> => {
      await this.page.click('[data-testid=suggest-draw]');
      const [cx, cy] = await mapCentre(this.page);
      const corners: [number, number][] = [
        [cx - half, cy - half],
        [cx + half, cy - half],
        [cx + half, cy + half],
        [cx - half, cy + half],
        [cx - half, cy - half],
      ];
      for (const [x, y] of corners) {
        await this.page.mouse.move(x, y, { steps: 4 });
        await this.page.mouse.click(x, y);
        await this.page.waitForTimeout(150); // terra-draw reads pointer events frame by frame
      }
      await this.page.waitForSelector('[data-testid=suggest-grid-drawn]:checked', { timeout: 10_000 });
      await this.d.mapIdle();
    },
    gridOverWholeArea: async (spacing: number): Promise<void> => {
      await this.page.check('[data-testid=suggest-grid-whole]');
      await this.page.fill('[data-testid=suggest-spacing]', String(spacing));
      await this.page.press('[data-testid=suggest-spacing]', 'Tab');
    },
    /** clicks "suggest", waits until the worker reports a step, then cancels; returns the step shown */
    suggestionStartedThenCancelled: async (): Promise<string> => {
      // the cancel is clicked in the page the moment the worker's first step shows: clicked from
      // here, a round trip later, a run can have ended meanwhile (it did under load in CI)
      await this.page.evaluate(() => {
        const w = window as unknown as { cancelledAt?: Promise<string> };
        w.cancelledAt = new Promise<string>((resolve) => {
          const obs = new MutationObserver(() => {
            // the page shows 'preparing' by itself; a later step can only come from the worker (Comlink proxy)
            const text = document.querySelector('[data-testid=suggest-panel][data-status=running] .progress')?.textContent ?? '';
            const cancel = document.querySelector<HTMLButtonElement>('[data-testid=suggest-cancel]');
            if (!text || /准备中|preparing/.test(text) || !cancel) return;
            obs.disconnect();
            cancel.click();
            resolve(text);
          });
          obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        });
      });
      await this.page.click('[data-testid=suggest-run]');
      const step = await this.page.evaluate(() => (window as unknown as { cancelledAt: Promise<string> }).cancelledAt);
      await this.page.waitForSelector('[data-testid=suggest-panel]:not([data-status=running])');
      return step;
    },
    rowClicked: async (rank: number): Promise<void> => {
      await this.page.click(`[data-testid=suggest-rows] tbody tr[data-rank="${rank}"]`);
      await this.page.waitForSelector(`[data-testid=suggest-rows] tbody tr.on[data-rank="${rank}"]`);
      await this.page
        .waitForFunction(() => document.querySelector('[data-testid=map]')?.getAttribute('data-idle') === 'false', undefined, { timeout: 3_000 })
        .catch(() => undefined);
      await this.d.mapIdle();
    },
    rowHovered: async (rank: number): Promise<void> => {
      await this.page.hover(`[data-testid=suggest-rows] tbody tr[data-rank="${rank}"]`);
      await this.page.waitForSelector(`[data-testid=suggest-rows] tbody tr.on[data-rank="${rank}"]`);
    },
    /** a real click at the middle of the map (where a row click has centred its site's marker) */
    mapCentreClicked: async (): Promise<void> => {
      await this.page.mouse.click(...(await mapCentre(this.page)));
    },
    /** "turn into a scenario", then waits until the rule's counts in the sidebar change */
    turnedIntoScenario: async (rule: string, before: RuleCounts): Promise<void> => {
      await this.page.click('[data-testid=suggest-to-scenario]');
      await this.page.waitForSelector('[data-testid=suggest-scenario-made]');
      await this.page.waitForFunction(
        ({ rule, pass }) => {
          const cells = document.querySelectorAll(`[data-testid=summary] tr[data-rule="${rule}"] td.num`);
          return cells.length === 3 && Number(cells[1].textContent) !== pass;
        },
        { rule, pass: before.pass },
        { timeout: 30_000 },
      );
      await this.page.waitForSelector('[data-testid=phase][data-phase=ready]', { timeout: 30_000 });
      await this.d.mapIdle();
    },
  };

  then = {
    rows: async (): Promise<SuggestedRow[]> =>
      this.page.$$eval('[data-testid=suggest-rows] tbody tr', (trs) =>
        trs.map((tr) => ({
          rank: Number(tr.getAttribute('data-rank')),
          gain: Number(tr.getAttribute('data-gain')),
          cumulative: Number(tr.getAttribute('data-cumulative')),
          cost: tr.getAttribute('data-cost') ? Number(tr.getAttribute('data-cost')) : null,
          name: tr.querySelector('button')?.textContent ?? '',
        })),
      ),
    /** fail / pass / cannot-assess counts of a rule as the sidebar's summary shows them */
    ruleCounts: async (rule: string): Promise<RuleCounts> => {
      const cells = await this.page.$$eval(`[data-testid=summary] tr[data-rule="${rule}"] td.num`, (tds) => tds.map((td) => Number(td.textContent)));
      if (cells.length !== 3) throw new Error(`rule ${rule} not in the summary`);
      return { fail: cells[0], pass: cells[1], na: cells[2] };
    },
    /** the panel's own timing line: page ms (click → answer) and worker ms */
    timing: async (): Promise<{ totalMs: number; workerMs: number; text: string }> => {
      const el = await this.page.waitForSelector('[data-testid=suggest-timing]');
      return { totalMs: Number(await el.getAttribute('data-total-ms')), workerMs: Number(await el.getAttribute('data-worker-ms')), text: (await el.textContent()) ?? '' };
    },
    /** the candidate source shown under each row's name */
    rowSources: async (): Promise<string[]> => this.page.$$eval('[data-testid=suggest-rows] tbody tr .source', (els) => els.map((e) => e.textContent ?? '')),
    gridEstimate: async (): Promise<number> => Number(await this.page.getAttribute('[data-testid=suggest-grid-estimate]', 'data-n')),
    candidatesCounted: async (): Promise<number> => Number(await this.page.getAttribute('[data-testid=suggest-result]', 'data-candidates')),
    highlightedRank: async (expected: number): Promise<number> => {
      const el = await this.page.waitForSelector(`[data-testid=suggest-rows] tbody tr.on[data-rank="${expected}"]`, { timeout: 10_000 });
      return Number(await el.getAttribute('data-rank'));
    },
    /** features of the suggestion's layers the map draws now, per layer (MapView's data-extras-shown) */
    drawn: async (): Promise<Record<string, number>> => {
      await this.d.mapProbed();
      const v = (await this.page.getAttribute('[data-testid=map]', 'data-extras-shown')) ?? '';
      return Object.fromEntries(
        v
          .split(' ')
          .filter(Boolean)
          .map((x) => [x.slice(0, x.lastIndexOf(':')), Number(x.slice(x.lastIndexOf(':') + 1))]),
      );
    },
    qualityText: async (): Promise<string> => (await this.page.textContent('[data-testid=suggest-quality]')) ?? '',
    chartLabels: async (): Promise<string[]> => this.page.$$eval('[data-testid=suggest-chart-sites] text', (ts) => ts.map((t) => t.textContent ?? '')),
    scenarioMade: async (): Promise<string> => (await this.page.textContent('[data-testid=suggest-scenario-made]')) ?? '',
    errors: async (): Promise<string> => ((await this.page.$('[data-testid=suggest-errors]')) ? ((await this.page.textContent('[data-testid=suggest-errors]')) ?? '') : ''),
  };
}
