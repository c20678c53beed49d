// The browser-test driver (after maputnik's e2e driver): tests speak in given/when/then and never
// touch the page directly, so a change of markup is fixed here once.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--enable-unsafe-swiftshader', // WebGL2 through SwiftShader: no GPU on CI machines
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** the map canvas's centre on screen, in page pixels (where a row click or a search put the chosen unit) */
export async function mapCentre(page: Page): Promise<[number, number]> {
  const box = await page.locator('[data-testid=map] canvas').boundingBox();
  if (!box) throw new Error('map canvas not on screen');
  return [box.x + box.width / 2, box.y + box.height / 2];
}

/** Every row id of the results table in order, or with `cell` (a selector within a row) the text of
 *  that cell of every row. The table draws only the rows in view (and a few more): the pane is
 *  scrolled through, each drawn window read at its place (data-first). */
export async function tableIdsAll(page: Page, cell?: string): Promise<string[]> {
  const n = Number(await page.getAttribute('[data-testid=table-count]', 'data-n'));
  const ids: string[] = [];
  const read = () =>
    page.$eval(
      '[data-testid=results-table]',
      (t, c) => ({
        first: Number(t.getAttribute('data-first')),
        ids: [...t.querySelectorAll('tbody tr[data-id]')].map((tr) => (c ? (tr.querySelector(c)?.textContent?.trim() ?? '') : (tr.getAttribute('data-id') ?? ''))),
      }),
      cell ?? null,
    );
  await page.$eval('[data-testid=results-table]', (t) => t.parentElement?.scrollTo(0, 0));
  await page.waitForSelector('[data-testid=results-table][data-first="0"]');
  for (let w = await read(); ; ) {
    w.ids.forEach((id, k) => {
      ids[w.first + k] = id;
    });
    const end = w.first + w.ids.length;
    if (end >= n) break;
    // the first row not yet read to the top of the pane, and wait until the table draws from there
    await page.$eval(
      '[data-testid=results-table]',
      (t, at) => t.querySelector(`tbody tr[data-id]:nth-of-type(${at})`)?.scrollIntoView({ block: 'start' }),
      w.ids.length + (w.first > 0 ? 1 : 0),
    );
    await page.waitForFunction((f) => Number(document.querySelector('[data-testid=results-table]')?.getAttribute('data-first')) > f, w.first);
    w = await read();
  }
  return ids;
}

export interface ResultItem {
  rule: string;
  status: string;
  view: string;
  text: string;
}

const SHOTS = 'tests/output/e2e';

export class AppDriver {
  private browser!: Browser;
  private context!: BrowserContext;
  page!: Page;
  /** every URL the page asked for, including workers, tiles and fonts */
  readonly requests: string[] = [];
  readonly cspViolations: string[] = [];
  readonly pageErrors: string[] = [];
  private probes = 0;

  constructor(private readonly appUrl: string) {}

  async start(viewport = { width: 1366, height: 768 }): Promise<void> {
    this.browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    this.context = await this.browser.newContext({ viewport, locale: 'zh-CN' });
    this.context.on('request', (r) => this.requests.push(r.url()));
    this.page = await this.context.newPage();
    this.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) this.cspViolations.push(m.text());
    });
    this.page.on('pageerror', (e) => this.pageErrors.push(e.message));
  }

  async stop(): Promise<void> {
    await this.browser?.close();
  }

  /** idle, and the canvas already resized to its container (a panel opening or closing
   *  changes the map's width; MapLibre catches up on the next animation frame) */
  async mapIdle(): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const map = document.querySelector('[data-testid=map]');
        const canvas = map?.querySelector('canvas');
        return map instanceof HTMLElement && canvas instanceof HTMLCanvasElement && map.dataset.idle === 'true' && Math.abs(canvas.clientWidth - map.clientWidth) < 2;
      },
      undefined,
      { timeout: 30_000 },
    );
  }

  /** Asks the map to count what it draws (labels, overlay features, the first cluster: MapView's
   *  data-probe) and waits until it has, for the map as it is now or later; it keeps counting on
   *  every idle from then on. A user's map never counts. */
  async mapProbed(): Promise<void> {
    const n = String(++this.probes);
    await this.page.$eval('[data-testid=map]', (m, v) => m.setAttribute('data-probe', v), n);
    await this.page.waitForSelector(`[data-testid=map][data-probed="${n}"]`, { state: 'attached', timeout: 30_000 });
  }

  /** The digest of the community colours the map painted last (count:hash, MapView's feed): asks
   *  for it by setting data-verdicts-probe, which a user's map never has; from then the map writes
   *  it on every paint. */
  async verdictsDigest(): Promise<string> {
    await this.page.$eval('[data-testid=map]', (m) => m.setAttribute('data-verdicts-probe', ''));
    await this.page.waitForSelector('[data-testid=map][data-verdicts]', { state: 'attached', timeout: 30_000 });
    return (await this.page.getAttribute('[data-testid=map]', 'data-verdicts')) ?? '';
  }

  /** the newest analysis landed (the status may be hidden, e.g. in presentation mode) */
  async analysed(): Promise<void> {
    await this.page.waitForSelector('[data-testid=phase][data-phase=ready]', { state: 'attached', timeout: 30_000 });
  }

  /** the newest analysis landed and the map drew it */
  async settled(): Promise<void> {
    await this.analysed();
    await this.mapIdle();
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SHOTS, { recursive: true });
    const path = `${SHOTS}/${name}.png`;
    await this.page.screenshot({ path });
    return path;
  }

  given = {
    appOpened: async (): Promise<void> => {
      await this.page.goto(this.appUrl);
      await this.analysed();
      await this.mapIdle();
    },
  };

  when = {
    /** finds the unit in the results table and clicks its row: selects it and zooms the map there */
    rowClicked: async (level: string, id: string): Promise<void> => {
      await this.page.click(`[role=tab][data-level=${level}]`);
      await this.page.fill('[data-testid=table-search]', id);
      await this.page.click(`[data-testid=results-table] tr[data-id="${id}"]`);
      await this.page.waitForSelector(`[data-testid=detail][data-id="${id}"]`);
      await this.mapIdle();
    },
    detailClosed: async (): Promise<void> => {
      await this.page.click('[data-testid=detail] .close');
      await this.page.waitForSelector('[data-testid=detail]', { state: 'detached' });
      await this.mapIdle();
    },
    /** a real click on the map canvas, at the middle of the map */
    mapCentreClicked: async (): Promise<void> => {
      await this.page.mouse.click(...(await mapCentre(this.page)));
    },
    /** a rule row in 各条规则的结果: the map is coloured by that rule */
    ruleChosen: async (key: string): Promise<void> => {
      await this.page.click(`tr[data-rule="${key}"]`);
      await this.page.waitForSelector(`[data-testid=map-legend][data-rule="${key}"]`);
    },
    /** the pointer rests on the middle of the map */
    mapCentreHovered: async (): Promise<void> => {
      const [cx, cy] = await mapCentre(this.page);
      await this.page.mouse.move(cx - 3, cy - 3);
      await this.page.mouse.move(cx, cy, { steps: 3 });
    },
    profileSwitched: async (id: string): Promise<void> => {
      await this.page.selectOption('[data-testid=profile]', id);
      await this.page.waitForFunction(
        (p) => document.querySelector('[data-testid=profile]') instanceof HTMLSelectElement && (document.querySelector('[data-testid=profile]') as HTMLSelectElement).value === p,
        id,
      );
      await this.analysed();
      await this.mapIdle();
    },
    basemapChosen: async (kind: string, url?: string): Promise<void> => {
      await this.page.selectOption('[data-testid=basemap-kind]', kind);
      if (url !== undefined) await this.page.fill('[data-testid=basemap-url]', url);
      await this.page.click('[data-testid=basemap-apply]');
      await this.page
        .waitForFunction(() => document.querySelector('[data-testid=map]')?.getAttribute('data-idle') === 'false', undefined, { timeout: 5_000 })
        .catch(() => undefined);
      await this.mapIdle();
    },
    /** picks a .pmtiles file from disk through the real file input */
    basemapFilePicked: async (path: string): Promise<void> => {
      await this.page.selectOption('[data-testid=basemap-kind]', 'pmtiles-file');
      await this.page.setInputFiles('[data-testid=basemap-file]', path);
      await this.page.waitForSelector('[data-testid=basemap-current-file]');
      await this.mapIdle();
    },
    layerToggled: async (group: string): Promise<void> => {
      await this.page.click(`[data-layer=${group}]`);
      await this.mapIdle();
    },
    /** opens a project file from disk through the real file input */
    projectFilePicked: async (path: string): Promise<void> => {
      await this.page.setInputFiles('[data-testid=project-input]', path);
      // the page is 'ready' with the old project until the file is read: wait for this file (or an error)
      const name = path.split('/').pop() ?? path;
      await this.page.waitForFunction(
        (file) => {
          const phase = document.querySelector('[data-testid=phase]')?.getAttribute('data-phase');
          return phase === 'error' || (phase === 'ready' && (document.querySelector('[data-testid=project-file]')?.textContent ?? '').trim().endsWith(file));
        },
        name,
        { timeout: 30_000 },
      );
      await this.mapIdle();
    },
    reloaded: async (): Promise<void> => {
      await this.page.reload();
      await this.analysed();
      await this.mapIdle();
    },
    /** `used`: the engine the analysis ends up with ('auto' means the network when roads are loaded) */
    reachSwitched: async (mode: 'auto' | 'straight' | 'network', used: 'straight' | 'network' = mode === 'auto' ? 'network' : mode): Promise<void> => {
      await this.page.selectOption('[data-testid=reach]', mode);
      await this.page.waitForFunction((m) => document.querySelector('[data-testid=analysis-time]')?.getAttribute('data-reach') === m, used, { timeout: 30_000 });
      await this.analysed();
      await this.mapIdle();
    },
    languageSwitched: async (lang: 'zh' | 'en'): Promise<void> => {
      await this.page.click(`[data-testid=lang-${lang}]`);
      await this.page.waitForSelector(`html[lang^="${lang}"]`);
      await this.mapIdle();
    },
  };

  then = {
    attribute: (selector: string, name: string): Promise<string | null> => this.page.getAttribute(selector, name),
    outsideCommunitiesOnMap: async (): Promise<number> => Number(await this.page.getAttribute('[data-testid=map]', 'data-outside-shown')),
    cjkLabelsOnMap: async (): Promise<number> => {
      await this.mapProbed();
      return Number(await this.page.getAttribute('[data-testid=map]', 'data-cjk-labels'));
    },
    /** the base map's Chinese labels once its style has come: on a first, slow load (the dev
     *  server bundling its dependencies) the project's layers can be idle on screen before it */
    cjkLabelsOnceLoaded: async (): Promise<number> => {
      await this.mapProbed();
      await this.page
        .waitForFunction(() => Number(document.querySelector('[data-testid=map]')?.getAttribute('data-cjk-labels')) > 0, undefined, { timeout: 30_000 })
        .catch(() => undefined); // the assertion on the count says what is wrong
      return Number(await this.page.getAttribute('[data-testid=map]', 'data-cjk-labels'));
    },
    detailShows: async (level: string, id: string): Promise<ResultItem[]> => {
      await this.page.waitForSelector(`[data-testid=detail][data-level=${level}][data-id="${id}"]`, { timeout: 10_000 });
      return this.page.$$eval('[data-testid=detail] li.result', (items) =>
        items.map((li) => ({
          rule: li.getAttribute('data-rule') ?? '',
          status: li.getAttribute('data-status') ?? '',
          view: li.getAttribute('data-view') ?? '',
          text: li.textContent ?? '',
        })),
      );
    },
    /** a community's own figures as shown (in the detail panel, or the hover card): name → text */
    communityFigures: async (within: '[data-testid=detail]' | '[data-testid=hover-card]'): Promise<Record<string, string>> => {
      await this.page.waitForSelector(`${within} [data-testid=community-figures]`, { timeout: 10_000 });
      return this.page.$$eval(`${within} [data-testid=community-figures] [data-figure]`, (ds) =>
        Object.fromEntries(ds.map((d) => [d.getAttribute('data-figure') ?? '', d.querySelector('dd')?.textContent ?? ''])),
      );
    },
    /** whether an element lies wholly inside the window */
    inView: async (selector: string): Promise<boolean> =>
      this.page.$eval(selector, (el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
      }),
    basemapKind: async (): Promise<string> => this.page.$eval('[data-testid=basemap-kind]', (el) => (el instanceof HTMLSelectElement ? el.value : '')),
    errorBanner: async (): Promise<string | null> => (await this.page.$('[data-testid=error]')) && this.page.textContent('[data-testid=error]'),
    tableRowIds: async (level: string): Promise<string[]> => {
      await this.page.click(`[role=tab][data-level=${level}]`);
      await this.page.fill('[data-testid=table-search]', '');
      return tableIdsAll(this.page);
    },
    phase: async (): Promise<string> => (await this.page.getAttribute('[data-testid=phase]', 'data-phase')) ?? '',
    text: async (selector: string): Promise<string> => (await this.page.textContent(selector)) ?? '',
    /** requests that left the machine: anything not on loopback and not data:/blob: */
    requestsLeavingLocalhost: (): string[] =>
      this.requests.filter((u) => {
        const url = new URL(u);
        if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
        return !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      }),
  };
}
