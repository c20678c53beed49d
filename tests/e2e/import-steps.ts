// Browser steps of the import wizard and the export menu, spoken as given/when/then over the
// shared AppDriver's page (tests/e2e/import.e2e.test.ts).
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { type AppDriver, tableIdsAll } from './driver';

export interface ReportRow {
  number: number;
  id: string;
  code: string;
  text: string;
}

export class ImportSteps {
  constructor(private readonly d: AppDriver) {}

  private get page(): Page {
    return this.d.page;
  }

  private async step(step: string, timeout = 60_000): Promise<void> {
    await this.page.waitForSelector(`[data-testid=import-wizard][data-step=${step}]`, { timeout });
  }

  private async idle(): Promise<void> {
    await this.page.waitForSelector('[data-testid=phase][data-phase=ready]', { timeout: 60_000 });
    await this.page.waitForFunction(() => document.querySelector('[data-testid=map]')?.getAttribute('data-idle') === 'true', undefined, { timeout: 60_000 });
  }

  when = {
    /** a real drop event on the map canvas carrying the file, as a file manager's drag gives it */
    fileDroppedOnMap: async (name: string, bytes: Uint8Array, type = 'application/octet-stream'): Promise<void> => {
      const dt = await this.page.evaluateHandle(
        ({ name, b64, type }) => {
          const raw = atob(b64);
          const buf = new Uint8Array(raw.length);
          for (let i = 0; i < raw.length; i++) buf[i] = raw.charCodeAt(i);
          const t = new DataTransfer();
          t.items.add(new File([buf], name, { type }));
          return t;
        },
        { name, b64: Buffer.from(bytes).toString('base64'), type },
      );
      const target = '[data-testid=map] canvas';
      await this.page.dispatchEvent(target, 'dragenter', { dataTransfer: dt });
      await this.page.dispatchEvent(target, 'dragover', { dataTransfer: dt });
      await this.page.dispatchEvent(target, 'drop', { dataTransfer: dt });
      await this.page.waitForSelector('[data-testid=import-wizard]:not([data-step=reading])', { timeout: 60_000 });
    },
    fixtureDroppedOnMap: async (path: string): Promise<void> => {
      await this.when.fileDroppedOnMap(path.split('/').pop() ?? path, new Uint8Array(readFileSync(path)));
    },
    /** through the 导入数据… file picker */
    filePicked: async (name: string, bytes: Uint8Array, mimeType = 'text/csv'): Promise<void> => {
      await this.page.setInputFiles('[data-testid=import-input]', { name, mimeType, buffer: Buffer.from(bytes) });
      await this.page.waitForSelector('[data-testid=import-wizard]:not([data-step=reading])', { timeout: 60_000 });
    },
    /** a file on disk through the picker (Chromium hands the path over; no bytes pass through page script) */
    filePathPicked: async (path: string): Promise<void> => {
      await this.page.setInputFiles('[data-testid=import-input]', path);
      await this.page.waitForSelector('[data-testid=import-wizard]:not([data-step=reading])', { timeout: 120_000 });
    },
    kindChosen: async (kind: string): Promise<void> => {
      await this.page.selectOption('[data-testid=import-kind]', kind);
    },
    /** on the coordinates step, the "swap the two columns" button offered with the message */
    columnsSwapped: async (): Promise<void> => {
      await this.page.click('[data-testid=import-swap]');
      await this.page.waitForSelector('[data-testid=import-wizard][data-step=coords] [data-testid=import-crs-detected]', { timeout: 60_000 });
    },
    /** "all rows are …" for a field the file has no column for */
    constantChosen: async (field: string, value: string): Promise<void> => {
      await this.page.selectOption(`[data-testid=constant-${field}]`, value);
    },
    replaceChosen: async (): Promise<void> => {
      await this.page.check('[data-testid=import-mode-replace]');
    },
    /** "恢复导入前的数据" in the 导入与导出 panel; the analysis re-runs and the map settles */
    restoreClicked: async (): Promise<void> => {
      await this.page.click('[data-testid=import-restore]');
      await this.page.waitForSelector('[data-testid=import-restored]', { timeout: 120_000 });
      await this.idle();
    },
    nextClicked: async (): Promise<void> => {
      await this.page.click('[data-testid=import-next]');
    },
    /** layer → coordinates → mapping */
    toMapping: async (): Promise<void> => {
      await this.step('layer');
      await this.page.click('[data-testid=import-next]');
      await this.step('coords');
      await this.page.click('[data-testid=import-next]');
      await this.step('mapping');
    },
    columnMapped: async (field: string, column: string): Promise<void> => {
      await this.page.selectOption(`[data-testid=map-${field}]`, column);
    },
    checked: async (): Promise<void> => {
      await this.page.click('[data-testid=import-check]');
      await this.step('report', 120_000);
    },
    /** "import the N good ones", then the analysis re-runs and the map settles */
    goodOnesImported: async (): Promise<void> => {
      await this.page.click('[data-testid=import-accept]');
      await this.step('done', 120_000);
      await this.idle();
      await this.page.click('[data-testid=import-close]');
      await this.page.waitForSelector('[data-testid=import-wizard]', { state: 'detached' });
    },
    shiftAccepted: async (): Promise<void> => {
      await this.page.click('[data-testid=import-shift-use]');
      await this.step('coords');
    },
    panelShown: async (): Promise<void> => {
      await this.page.locator('#importexport-h').scrollIntoViewIfNeeded();
    },
    cancelled: async (): Promise<void> => {
      await this.page.click('[data-testid=import-cancel]');
      await this.page.waitForSelector('[data-testid=import-wizard]', { state: 'detached' });
    },
    /** clicks an export button and returns the downloaded file's name and bytes */
    exported: async (testid: string): Promise<{ name: string; bytes: Buffer }> => {
      const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 120_000 }) as Promise<Download>, this.page.click(`[data-testid=${testid}]`)]);
      const path = await download.path();
      if (!path) throw new Error(`download of ${testid} failed: ${await download.failure()}`);
      await this.page.waitForSelector('[data-testid=export-menu][data-busy=false]');
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    },
  };

  then = {
    wizardStep: async (): Promise<string | null> => this.page.getAttribute('[data-testid=import-wizard]', 'data-step'),
    layerNames: async (): Promise<string[]> => this.page.$$eval('[data-testid=import-layer] option', (os) => os.map((o) => (o.textContent ?? '').replace(/ \(\d+\)$/, ''))),
    kind: async (): Promise<string> => this.page.$eval('[data-testid=import-kind]', (el) => (el as HTMLSelectElement).value),
    /** field → column as the mapping step's dropdowns show it */
    mapping: async (): Promise<Record<string, string>> =>
      this.page.$$eval('[data-testid=import-mapping] tr[data-field]', (trs) =>
        Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-field') ?? '', (tr.querySelector('select') as HTMLSelectElement).value]).filter(([, v]) => v !== '')),
      ),
    shiftBest: async (): Promise<string | null> => this.page.getAttribute('[data-testid=import-shift]', 'data-best'),
    coordsChosen: async (): Promise<string> => this.page.$eval('input[name=import-coords]:checked', (el) => (el.getAttribute('data-testid') ?? '').replace('import-coords-', '')),
    crsDetected: async (): Promise<string> => (await this.page.textContent('[data-testid=import-crs-detected]')) ?? '',
    reportCounts: async (): Promise<{ total: number; good: number; errors: number }> => {
      const el = await this.page.$('[data-testid=import-report]');
      if (!el) throw new Error('no report');
      return { total: Number(await el.getAttribute('data-total')), good: Number(await el.getAttribute('data-good')), errors: Number(await el.getAttribute('data-errors')) };
    },
    reportRows: async (): Promise<ReportRow[]> =>
      this.page.$$eval('[data-testid=import-problems] tbody tr', (trs) =>
        trs.map((tr) => ({
          number: Number(tr.getAttribute('data-number')),
          id: tr.getAttribute('data-id') ?? '',
          code: tr.getAttribute('data-code') ?? '',
          text: tr.textContent ?? '',
        })),
      ),
    /** the options of a field's "all rows are" list, as the user reads them */
    constantOptions: async (field: string): Promise<string[]> => this.page.$$eval(`[data-testid=constant-${field}] option`, (os) => os.map((o) => o.textContent ?? '')),
    /** the report step's "what the import changes": counts and the ids listed as removed */
    plan: async (): Promise<{ added: number; updated: number; unchanged: number; removed: number; removedIds: string[]; text: string }> => {
      const el = await this.page.$('[data-testid=import-plan]');
      if (!el) throw new Error('no plan shown');
      const n = async (a: string) => Number(await el.getAttribute(`data-${a}`));
      const removedIds = await this.page.$$eval('[data-testid=import-plan-removed] li', (lis) => lis.map((li) => li.getAttribute('data-id') ?? ''));
      return {
        added: await n('added'),
        updated: await n('updated'),
        unchanged: await n('unchanged'),
        removed: await n('removed'),
        removedIds,
        text: (await el.textContent()) ?? '',
      };
    },
    /** how many rows the results table has at a level (all of them, not only the drawn ones) */
    tableCount: async (level: string): Promise<number> => {
      await this.page.click(`[role=tab][data-level=${level}]`);
      await this.page.fill('[data-testid=table-search]', '');
      return Number(await this.page.getAttribute('[data-testid=table-count]', 'data-n'));
    },
    errorText: async (): Promise<string> => (await this.page.textContent('[data-testid=import-error]')) ?? '',
    /** ids in the results table of a level whose id or name matches `search` */
    tableIds: async (level: string, search = ''): Promise<string[]> => {
      await this.page.click(`[role=tab][data-level=${level}]`);
      await this.page.fill('[data-testid=table-search]', search);
      return tableIdsAll(this.page);
    },
    mapCssSize: async (): Promise<{ width: number; height: number }> =>
      this.page.$eval('[data-testid=map] canvas', (c) => ({ width: (c as HTMLCanvasElement).clientWidth, height: (c as HTMLCanvasElement).clientHeight })),
  };
}

/** width and height from a PNG's IHDR chunk (bytes 16–23, big-endian) */
export function pngSize(b: Buffer): { width: number; height: number } {
  if (b.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** WGS84 → GCJ-02 by the published formulas (as in eviltransform), independent of gcoord. */
export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  const a = 6378245.0;
  const ee = 0.006693421622965943;
  const x = lon - 105.0;
  const y = lat - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLon += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  dLon += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLon += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - ee * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}
