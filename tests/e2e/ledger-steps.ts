// Given/when/then steps for the target ledger (台账), on top of the shared AppDriver (its page).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AppDriver } from './driver';

export interface LedgerRowSeen {
  id: string;
  status: string;
  source: string;
  progress: string;
  responsible: string;
}

export function ledgerSteps(driver: AppDriver) {
  const page = (): Page => driver.page;
  return {
    when: {
      profileChosen: async (id: string): Promise<void> => {
        await page().selectOption('[data-testid=profile]', id);
        await driver.settled();
      },
      ledgerOpened: async (): Promise<void> => {
        await page().click('[data-testid=ledger-open]');
        await page().waitForSelector('[data-testid=ledger] [data-testid=ledger-row]');
      },
      ledgerClosed: async (): Promise<void> => {
        await page().click('[data-testid=ledger-close]');
        await page().waitForSelector('[data-testid=ledger]', { state: 'detached' });
      },
      valueEntered: async (id: string, value: string, by: string, note = ''): Promise<void> => {
        await page().click(`[data-testid=ledger-row][data-id="${id}"] [data-testid=ledger-enter]`);
        await page().fill('[data-testid=ledger-form] [data-testid=ledger-value]', value);
        await page().fill('[data-testid=ledger-form] [data-testid=ledger-by]', by);
        if (note) await page().fill('[data-testid=ledger-form] [data-testid=ledger-note]', note);
        await page().click('[data-testid=ledger-form] [data-testid=ledger-save]');
        await page().waitForSelector(`[data-testid=ledger-row][data-id="${id}"][data-source=entered]`);
      },
      departmentChosen: async (dept: string): Promise<void> => {
        await page().selectOption('[data-testid=ledger-dept]', dept);
      },
      xlsxExported: async (): Promise<Buffer> => {
        const [download] = await Promise.all([page().waitForEvent('download'), page().click('[data-testid=ledger-xlsx]')]);
        return readFileSync(await download.path());
      },
    },
    then: {
      rows: async (): Promise<LedgerRowSeen[]> =>
        page().$$eval('[data-testid=ledger-row]', (trs) =>
          trs.map((tr) => ({
            id: tr.getAttribute('data-id') ?? '',
            status: tr.getAttribute('data-status') ?? '',
            source: tr.getAttribute('data-source') ?? '',
            progress: (tr.querySelector('[data-col=progress]')?.textContent ?? '').trim(),
            responsible: (tr.querySelector('[data-col=responsible]')?.textContent ?? '').trim(),
          })),
        ),
    },
  };
}
