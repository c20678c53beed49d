// Given/when/then steps for compare, saved views, presentation mode and print, on top of the
// shared AppDriver (tests never touch the page's markup directly; a markup change is fixed here).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AppDriver } from './driver';
import { addFacility, newFacility, type View } from '../../src/core/scenario';

const OUT = 'tests/output/e2e';

export interface ProjectWithScenario {
  path: string;
  scenarioId: string;
  views: View[];
}

/** The demo project file plus one scenario that adds a childcare centre of `places` places at
 *  `at`, and two saved views of `extent` (the baseline, then the scenario) — the project format
 *  keeps `scenarios`, `views` and `activeScenario` (src/core/scenario/project-part.ts). */
export function projectWithScenario(at: [number, number], places: number, extent: View['extent']): ProjectWithScenario {
  const demo = JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as Record<string, unknown>;
  const facility = newFacility('childcare_centre', '新华街新增托育中心', at, { places }, 'present-new-cc');
  // the edit only needs the facility ids to check the new id is free; the demo has no such id
  const edit = addFacility({ communities: [], facilities: [], streets: [], roads: [] }, { facility }, 'present-edit-1');
  if (!edit.ok) throw new Error('could not build the add-facility edit');
  const scenarioId = 'present-s1';
  const views: View[] = [
    { id: 'present-v1', name: '新华街·现状', scenarioId: 'baseline', extent, layers: ['streets', 'communities', 'facilities'] },
    { id: 'present-v2', name: '新华街·新增托育', scenarioId, extent, layers: ['streets', 'communities', 'facilities'] },
  ];
  const file = { ...demo, scenarios: [{ id: scenarioId, name: '新增托育中心', edits: [edit.edit] }], views, activeScenario: 'baseline' };
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}/present-project.json`;
  writeFileSync(path, JSON.stringify(file));
  return { path, scenarioId, views };
}

export class PresentSteps {
  constructor(private readonly d: AppDriver) {}

  private get page() {
    return this.d.page;
  }

  private async compared(): Promise<void> {
    await this.page.waitForSelector('[data-testid=compare-panel][data-busy=false] [data-testid=compare-kpis]', { timeout: 30_000 });
    await this.page.waitForFunction(() => ['a', 'b'].every((s) => document.querySelector(`[data-testid=compare-map-${s}]`)?.getAttribute('data-idle') === 'true'), undefined, {
      timeout: 30_000,
    });
  }

  when = {
    /** the comparison of the sides chosen landed and both maps drew it */
    compared: (): Promise<void> => this.compared(),
    compareOpened: async (): Promise<void> => {
      await this.page.click('[data-testid=compare-open]');
      await this.page.waitForSelector('[data-testid=compare-panel]');
    },
    sideChosen: async (side: 'a' | 'b', id: string): Promise<void> => {
      await this.page.selectOption(`[data-testid=compare-${side}]`, id);
      await this.page.waitForFunction(([s, v]) => (document.querySelector(`[data-testid=compare-${s}]`) as HTMLSelectElement | null)?.value === v, [side, id] as const);
      await this.compared();
    },
    swipeChosen: async (): Promise<void> => {
      await this.page.click('[data-testid=compare-mode-swipe]');
      await this.page.waitForSelector('[data-testid=compare-maps][data-mode=swipe]');
      await this.compared();
    },
    /** the maps colour what changed ('change') or each side's verdict ('verdict') */
    colourChosen: async (by: 'change' | 'verdict'): Promise<void> => {
      await this.page.click(`[data-testid=compare-colour-${by}]`);
      await this.page.waitForSelector(`[data-testid=compare-legend][data-colour-by=${by}]`);
      await this.compared();
    },
    /** the rule the maps compare ('' for the overall verdict) */
    compareRuleChosen: async (rule: string): Promise<void> => {
      await this.page.selectOption('[data-testid=compare-rule]', rule);
      await this.page.waitForSelector(`[data-testid=compare-legend][data-rule="${rule}"]`);
      await this.compared();
    },
    changedRowClicked: async (id: string): Promise<void> => {
      await this.page.click(`[data-testid=changed-table] tr[data-id="${id}"]`);
      await this.page
        .waitForFunction(() => document.querySelector('[data-testid=compare-map-b]')?.getAttribute('data-idle') === 'false', undefined, { timeout: 5_000 })
        .catch(() => undefined);
      await this.compared();
    },
    /** the close button, or Esc */
    compareClosed: async (by: 'button' | 'Escape' = 'button'): Promise<void> => {
      if (by === 'button') await this.page.click('[data-testid=compare-close]');
      else await this.page.keyboard.press('Escape');
      await this.page.waitForSelector('[data-testid=compare-panel]', { state: 'detached' });
    },
    viewSaved: async (name: string): Promise<void> => {
      await this.page.fill('[data-testid=view-name]', name);
      await this.page.click('[data-testid=view-save]');
      await this.page.waitForFunction((n) => [...document.querySelectorAll('[data-testid=view-list] li')].some((li) => li.textContent?.includes(n)), name);
    },
    presentationEntered: async (): Promise<void> => {
      await this.page.click('[data-testid=present-enter]');
      await this.page.waitForSelector('[data-testid=present]', { state: 'visible' });
      // a plan shows its KPI cards against the baseline, the baseline its own gaps
      await this.page.waitForSelector('[data-testid=present-kpis], [data-testid=present-gaps]', { timeout: 30_000 });
      await this.d.settled();
    },
    /** the print section's picker: the plan to print against the baseline, or the baseline's gaps */
    printChosen: async (id: string): Promise<void> => {
      await this.page.selectOption('[data-testid=print-scenario]', id);
      await this.page.waitForFunction((v) => (document.querySelector('[data-testid=print-scenario]') as HTMLSelectElement | null)?.value === v, id);
      await this.d.settled();
    },
    /** a key as a clicker or keyboard sends it, then the map and the KPI cards of what it shows */
    keyPressed: async (key: string): Promise<void> => {
      await this.page.keyboard.press(key);
      await this.d.settled();
    },
    printPrepared: async (paper: 'a4' | 'a3'): Promise<void> => {
      await this.page.selectOption('[data-testid=print-paper]', paper);
      // the browser's print dialog cannot be driven headless: the sheet is printed with page.pdf()
      await this.page.evaluate(() => {
        window.print = () => undefined;
      });
      await this.page.click('[data-testid=print]');
      await this.page.waitForSelector(`[data-testid=print-sheet][data-ready=true][data-paper=${paper}]`, { state: 'attached', timeout: 30_000 });
    },
  };

  then = {
    kpi: async (id: string, where = 'compare-kpis'): Promise<{ delta: number; text: string }> => {
      const sel = `[data-testid=${where}] [data-kpi="${id}"]`;
      await this.page.waitForSelector(sel);
      return {
        delta: Number(await this.page.getAttribute(sel, 'data-delta')),
        text: (await this.page.textContent(sel)) ?? '',
      };
    },
    changedRow: async (id: string): Promise<{ from: string; to: string; rules: string[]; text: string } | null> => {
      const row = await this.page.$(`[data-testid=changed-table] tr[data-id="${id}"]`);
      if (!row) return null;
      return {
        from: (await row.getAttribute('data-from')) ?? '',
        to: (await row.getAttribute('data-to')) ?? '',
        rules: await row.$$eval('li[data-rule]', (lis) => lis.map((li) => li.getAttribute('data-rule') ?? '')),
        text: (await row.textContent()) ?? '',
      };
    },
    /** the legend on the compare maps: visible, its title and the count per change */
    changeLegend: async (): Promise<{ visible: boolean; title: string; counts: Record<string, number> }> => {
      const sel = '[data-testid=compare-legend]';
      const counts = await this.page.$$eval(`${sel} li[data-change]`, (lis) =>
        Object.fromEntries(lis.map((li) => [li.getAttribute('data-change') ?? '', Number(li.getAttribute('data-count'))])),
      );
      return { visible: await this.page.isVisible(sel), title: (await this.page.textContent(`${sel} .map-legend-title`)) ?? '', counts };
    },
    /** every row of the changed-communities table as [from, to] (the core's own comparison) */
    changedRows: async (): Promise<[string, string][]> =>
      this.page.$$eval('[data-testid=changed-table] tbody tr', (trs) =>
        trs.map((tr) => [tr.getAttribute('data-from') ?? '', tr.getAttribute('data-to') ?? ''] as [string, string]),
      ),
    /** the colour drawn on a compare map `dx, dy` px from its centre, as [r, g, b] */
    mapPixel: async (side: 'a' | 'b', dx: number, dy: number): Promise<[number, number, number]> =>
      this.page.$eval(
        `[data-testid=compare-map-${side}] canvas`,
        (c, [x, y]) => {
          const canvas = c as HTMLCanvasElement;
          const ctx = document.createElement('canvas').getContext('2d');
          if (!ctx) return [0, 0, 0] as [number, number, number];
          const r = canvas.width / canvas.clientWidth;
          const px = Math.round((canvas.clientWidth / 2 + x) * r);
          const py = Math.round((canvas.clientHeight / 2 + y) * r);
          ctx.canvas.width = 1;
          ctx.canvas.height = 1;
          ctx.drawImage(canvas, px, py, 1, 1, 0, 0, 1, 1);
          const d = ctx.getImageData(0, 0, 1, 1).data;
          return [d[0], d[1], d[2]] as [number, number, number];
        },
        [dx, dy] as const,
      ),
    /** the baseline's gaps in presentation mode (or print): value and text per figure */
    gaps: async (where = 'present-gaps'): Promise<Record<string, { value: number; text: string }>> =>
      this.page.$$eval(`[data-testid=${where}] [data-gap]`, (els) =>
        Object.fromEntries(els.map((el) => [el.getAttribute('data-gap') ?? '', { value: Number(el.getAttribute('data-value')), text: el.textContent ?? '' }])),
      ),
    compareMs: async (): Promise<number> => Number(await this.page.getAttribute('[data-testid=compare-panel]', 'data-ms')),
    costTotal: async (): Promise<number> => Number(await this.page.getAttribute('[data-testid=cost-panel]', 'data-total')),
    costText: async (): Promise<string> => (await this.page.textContent('[data-testid=cost-panel]')) ?? '',
    presentView: async (): Promise<string> => (await this.page.getAttribute('[data-testid=present]', 'data-view')) ?? '',
    presentScenario: async (): Promise<string> => this.page.$eval('[data-testid=present-scenario]', (el) => (el as HTMLSelectElement).value),
    presenting: async (): Promise<boolean> => (await this.page.$('[data-testid=present]')) !== null,
    headerVisible: async (): Promise<boolean> => this.page.isVisible('header.header'),
    mapWidth: async (): Promise<number> => this.page.$eval('[data-testid=map]', (el) => el.clientWidth),
    /** prints the page to PDF as Chromium's print does, returns its text (pdftotext) and a PNG of page 1 */
    pdf: async (name: string): Promise<{ text: string; layout: string; pages: number; png: string }> => {
      mkdirSync(OUT, { recursive: true });
      const path = `${OUT}/${name}.pdf`;
      await this.page.pdf({ path, preferCSSPageSize: true, printBackground: true });
      const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
      // the same text with the page's layout kept: a table row's label and value on one line
      const layout = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', path, `${OUT}/${name}`]);
      return { text, layout, pages, png: `${OUT}/${name}-1.png` };
    },
    /** [width, height] of the first page in points (1 mm = 72 / 25.4 pt) */
    pdfPageSize: async (name: string): Promise<[number, number]> => {
      const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [`${OUT}/${name}.pdf`], { encoding: 'utf8' }));
      return [Number(m?.[1] ?? 0), Number(m?.[2] ?? 0)];
    },
  };
}

/** what an official should never read on paper: rule codes (ak.new.places), file paths,
 *  commands, method names and model codes (elderly_institution), developer words */
export function codesOnPaper(text: string): string[] {
  const patterns = [
    /\b(?:ak|cf|wy|xn|ca|combined)\.[a-z][a-z_.:]*/g,
    /\b(?:docs|src|tests|data)\/[\w./-]+/g,
    /\bnpm\b[^\n]*/g,
    /\b[a-z]+_[a-z_]+\b/g,
    /两步移动搜索法|2SFCA|贪心|Voronoi|GeoJSON|Worker|undefined|NaN/g,
  ];
  return patterns.flatMap((re) => text.match(re) ?? []);
}
