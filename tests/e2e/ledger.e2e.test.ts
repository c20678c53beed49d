// The target ledger in the built app in Chromium: a value entered for a 安康 target stays through
// a scenario switch and a save + open of the project file; the department filter; the XLSX.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as XLSX from 'xlsx';
import { AppDriver } from './driver';
import { editSteps } from './edit-steps';
import { ledgerSteps } from './ledger-steps';

// ak.talent.elderly: 培训养老从业人员5000人次 over 2021–2025; the demo evaluates 2025, so 1800 is behind.
const TARGET = 'ak.talent.elderly';

describe('target ledger', () => {
  const driver = new AppDriver(inject('appUrl'));
  const edit = editSteps(driver);
  const ledger = ledgerSteps(driver);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const mine = async () => (await ledger.then.rows()).find((r) => r.id === TARGET);

  beforeAll(async () => {
    await driver.start();
    await driver.given.appOpened();
    await ledger.when.profileChosen('ak');
  });
  afterAll(() => driver.stop());

  it('lists the 15 安康 targets with 责任单位; an entered value shows with who entered it', async () => {
    await ledger.when.ledgerOpened();
    const rows = await ledger.then.rows();
    expect(rows.length).toBe(15);
    expect(rows.find((r) => r.id === 'ak.funds.credit')?.responsible).toContain('人行安康市中心支行');
    expect((await mine())?.status).toBe('noData');
    await ledger.when.valueEntered(TARGET, '1800', '市人社局 李明', '含线上培训');
    const r = await mine();
    expect(r?.status).toBe('behind');
    expect(r?.progress).toContain('1800人次');
    expect(r?.progress).toContain('市人社局 李明');
    await driver.screenshot('ledger-entered');
  });

  it('filters by department and exports the rows shown as a 台账 workbook', async () => {
    await ledger.when.departmentChosen('市人社局');
    const rows = await ledger.then.rows();
    // 人才要素 1 (four targets) and 2 name 市人社局
    expect(rows.map((r) => r.id).sort()).toEqual(['ak.talent.childcare', 'ak.talent.elderly', 'ak.talent.exchange', 'ak.talent.heads', 'ak.talent.rate']);
    const wb = XLSX.read(await ledger.when.xlsxExported());
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, blankrows: false });
    const head = aoa.findIndex((row) => row[0] === '类别');
    expect(aoa[head].slice(0, 7)).toEqual(['类别', '要素', '目标', '完成年限', '责任单位', '进展', '状态']);
    expect(aoa.length - head - 1).toBe(5);
    await ledger.when.departmentChosen('');
    await ledger.when.ledgerClosed();
  });

  it('the value stays through a scenario switch, and a save and open of the project file', async () => {
    await edit.when.scenarioCreated('台账测试');
    await ledger.when.ledgerOpened();
    expect((await mine())?.progress).toContain('1800人次');
    await ledger.when.ledgerClosed();
    await edit.when.scenarioOpened('baseline');
    const text = await edit.when.projectSaved();
    const saved = JSON.parse(text) as { ledger?: { version: number; entries: { target: string; value: number; by: string }[] } };
    expect(saved.ledger?.version).toBe(1);
    expect(saved.ledger?.entries.map((e) => [e.target, e.value, e.by])).toEqual([[TARGET, 1800, '市人社局 李明']]);
    const file = join(dir, '台账项目.json');
    writeFileSync(file, text);
    await driver.when.projectFilePicked(file);
    await ledger.when.profileChosen('ak');
    await ledger.when.ledgerOpened();
    const r = await mine();
    expect([r?.status, r?.source]).toEqual(['behind', 'entered']);
    expect(r?.progress).toContain('市人社局 李明');
  });
});
