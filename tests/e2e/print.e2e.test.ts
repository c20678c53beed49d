// Printing the baseline, as an official receives it: its own figures and gaps (not "today against
// today", all ±0), in plain words — the PDF's text (pdftotext) holds no rule code, file path,
// command, model code or developer English.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';
import { codesOnPaper, PresentSteps } from './present-steps';

describe('print the baseline', () => {
  const driver = new AppDriver(inject('appUrl'));
  const present = new PresentSteps(driver);
  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('given the demo baseline, when printed, then the sheet shows its gaps by community in plain words', async () => {
    await present.when.printPrepared('a4');
    expect(await driver.then.attribute('[data-testid=print-kpis]', 'data-mode')).toBe('gaps');
    // the 综合 row's failing count is the same number of communities the sheet names
    const failing = Number(await driver.then.text('[data-testid=overall-fail]'));
    expect(failing).toBeGreaterThan(0);
    const pdf = await present.then.pdf('print-baseline-1366');
    const flat = pdf.text.replace(/\s+/g, '');
    expect(flat).toContain(`不达标的社区/村：${failing}个（共513个`); // data/demo/project.json: 513 communities
    expect(flat).not.toContain('±0');
    expect(codesOnPaper(pdf.text)).toEqual([]);
    expect(driver.pageErrors).toEqual([]);
  });
});
