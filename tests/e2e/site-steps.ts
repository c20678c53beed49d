// Given/when/then steps for the site check (建设项目审查), on top of the shared AppDriver. Tests
// never touch the page's markup directly; a markup change is fixed here.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mapCentre, type AppDriver } from './driver';

const OUT = 'tests/output/e2e';

export interface ReportRow {
  profile: string;
  rule: string;
  status: string;
  shortfall: string;
}

export class SiteSteps {
  constructor(private readonly d: AppDriver) {}

  private get page() {
    return this.d.page;
  }

  given = {
    siteCheckOpened: async (): Promise<void> => {
      await this.page.click('[data-testid=site-open]');
      await this.page.waitForSelector('[data-testid=site-panel]');
      await this.d.mapIdle();
    },
  };

  when = {
    /** zooms in `steps` times with the map's + button (each step halves the scale) */
    zoomedIn: async (steps: number): Promise<void> => {
      for (let i = 0; i < steps; i++) {
        await this.page.click('[data-testid=map] .maplibregl-ctrl-zoom-in');
        await this.page.waitForTimeout(400);
      }
      await this.d.mapIdle();
    },
    /** draws a square of `half` pixels each side of the map's middle, closing on the first corner (corners
     *  farther apart than terra-draw's 40 px snapping distance, or a click closes the ring early) */
    squareDrawn: async (half = 45): Promise<void> => {
      await this.page.click('[data-testid=site-draw]');
      await this.page.waitForSelector('[data-testid=site-draw][aria-pressed=true]');
      await this.page.waitForTimeout(300);
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
        // apart in time, so two clicks never read as a double-click (which closes the polygon)
        await this.page.waitForTimeout(400);
      }
      await this.page.waitForSelector('[data-testid=site-outline]', { timeout: 10_000 });
    },
    /** opens a boundary file through the panel's file input and waits until it is read (or refused) */
    fileOpened: async (path: string): Promise<void> => {
      await this.page.setInputFiles('[data-testid=site-file]', path);
      await this.page.waitForSelector('[data-testid=site-outline], [data-testid=site-error]', { timeout: 30_000 });
      await this.page.waitForFunction(() => document.querySelector('[data-testid=site-panel]')?.getAttribute('data-status') !== 'reading');
    },
    crsChosen: async (code: string): Promise<void> => {
      await this.page.selectOption('[data-testid=site-crs]', code);
      await this.page.waitForFunction(() => document.querySelector('[data-testid=site-panel]')?.getAttribute('data-status') !== 'reading');
    },
    figuresEntered: async (f: Record<string, number>): Promise<void> => {
      for (const [k, v] of Object.entries(f)) await this.page.fill(`[data-testid=site-${k}]`, String(v));
    },
    profileChosen: async (id: string): Promise<void> => {
      await this.page.selectOption('[data-testid=site-profile]', id);
    },
    checked: async (): Promise<void> => {
      await this.page.click('[data-testid=site-run]');
      await this.page.waitForSelector('[data-testid=site-panel][data-status=done], [data-testid=site-panel][data-status=error]', { timeout: 60_000 });
    },
    reportOpened: async (): Promise<void> => {
      await this.page.click('[data-testid=site-report-open]');
      await this.page.waitForSelector('[data-testid=site-report] [data-testid=site-verdicts]');
      // the map image arrives asynchronously from the canvas capture
      await this.page.waitForSelector('[data-testid=site-map-image]', { timeout: 10_000 }).catch(() => undefined);
    },
    /** clicks an export button and returns the downloaded file's name and bytes */
    exported: async (kind: 'json' | 'xlsx'): Promise<{ name: string; bytes: Buffer }> => {
      const [dl] = await Promise.all([this.page.waitForEvent('download', { timeout: 30_000 }), this.page.click(`[data-testid=site-export-${kind}]`)]);
      const path = await dl.path();
      const { readFileSync } = await import('node:fs');
      return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
    },
    /** scrolls the report page to the side-by-side table (for the screenshot) */
    reportScrolledToVerdicts: async (): Promise<void> => {
      await this.page.locator('[data-testid=site-report] [data-testid=site-verdicts]').scrollIntoViewIfNeeded();
    },
    reportClosed: async (): Promise<void> => {
      await this.page.click('[data-testid=site-report-close]');
      await this.page.waitForSelector('[data-testid=site-report]', { state: 'detached' });
    },
  };

  then = {
    /** the verdict line's text and whether it lies wholly inside the window (no scrolling needed) */
    headlineInView: async (): Promise<{ text: string; inView: boolean }> =>
      this.page.$eval('[data-testid=site-headline]', (el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? '', inView: r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0 };
      }),
    panelTitle: async (): Promise<string> => (await this.page.textContent('[data-testid=site-panel] h2')) ?? '',
    errorKey: async (): Promise<string | null> => this.page.getAttribute('[data-testid=site-error]', 'data-key').catch(() => null),
    candidates: async (): Promise<string[]> => this.page.$$eval('[data-testid=site-candidate] option', (os) => os.map((o) => o.textContent ?? '')),
    outlineCorners: async (): Promise<number> => Number(await this.page.getAttribute('[data-testid=site-outline]', 'data-points')),
    error: async (): Promise<string | null> => ((await this.page.$('[data-testid=site-error]')) ? this.page.textContent('[data-testid=site-error]') : null),
    population: async (): Promise<string> => (await this.page.textContent('[data-testid=site-report] [data-testid=site-population]')) ?? '',
    reportRows: async (): Promise<ReportRow[]> =>
      this.page.$$eval('[data-testid=site-report] .site-profile tr[data-rule]', (trs) =>
        trs.map((tr) => ({
          profile: tr.closest('[data-profile]')?.getAttribute('data-profile') ?? '',
          rule: tr.getAttribute('data-rule') ?? '',
          status: tr.getAttribute('data-status') ?? '',
          shortfall: tr.children[3]?.textContent ?? '',
        })),
      ),
    citation: async (profile: string, rule: string): Promise<string> =>
      (await this.page.textContent(`[data-testid=site-report] [data-profile="${profile}"] tr[data-rule="${rule}"] [data-testid=site-citation] q`)) ?? '',
    /** the side-by-side matrix: topic → profile → verdict texts */
    matrix: async (): Promise<Record<string, Record<string, string>>> =>
      this.page.$$eval('[data-testid=site-report] [data-testid=site-matrix] tbody tr', (trs) =>
        Object.fromEntries(
          trs.map((tr) => [
            tr.getAttribute('data-topic') ?? '',
            Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-profile') ?? '', td.textContent ?? ''])),
          ]),
        ),
      ),
    /** the report printed as Chromium prints it (page.pdf: the print dialog cannot be driven headless):
     *  its text (pdftotext), page count and first page size in points */
    pdf: async (name: string): Promise<{ text: string; pages: number; size: [number, number] }> => {
      mkdirSync(OUT, { recursive: true });
      const path = `${OUT}/${name}.pdf`;
      await this.page.pdf({ path, preferCSSPageSize: true, printBackground: true });
      const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
      const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
      const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
      return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0), size: [Number(m?.[1] ?? 0), Number(m?.[2] ?? 0)] };
    },
    reachRows: async (): Promise<number> => this.page.locator('[data-testid=site-report-reach] tbody tr').count(),
  };
}
