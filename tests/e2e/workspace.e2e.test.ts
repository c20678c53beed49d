// The review register end to end: the built app served by the workspace server (PGlite), a planner
// checks a site in Chromium and saves it as a review, the server goes away and the next review is
// kept in the browser (it survives a reload) and uploaded when the server is back, the planner
// submits, a reviewer decides; the database and the XLSX export are read to check each step.
//
// The plan is the one worked by hand in site.e2e.test.ts: 1000 households × 2.53 = 2530 residents;
// ca.households needs 200 m² (200 planned: pass); ca.community.min elderly 300 m² (200: fail),
// childcare 200 m² (200: pass).
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { AppDriver } from './driver';
import { SiteSteps } from './site-steps';
import { WorkspaceSteps } from './workspace-steps';
import { startWorkspace, type TestWorkspace } from './workspace-server';

const PLAN = { households: 1000, elderlyFloorArea: 200, elderlyLand: 253, childcarePlaces: 25, childcareFloorArea: 200, year: 2026 };

describe('team workspace in the browser', () => {
  let w: TestWorkspace;
  let db: Db;
  let driver: AppDriver;
  const listen = (): Promise<void> => w.listen();
  const stop = (): Promise<void> => w.stop();

  beforeAll(async () => {
    w = await startWorkspace('长安自然资源审', [
      ['王规划', 'planner'],
      ['李审查', 'reviewer'],
    ]);
    db = w.db;
    driver = new AppDriver(w.url);
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
  }, 120_000);
  afterAll(async () => {
    await driver?.stop();
    await w?.close();
  });

  it('saves a site check as a numbered review, keeps one made offline, submits and decides it', async () => {
    const site = new SiteSteps(driver);
    const ws = new WorkspaceSteps(driver);
    const year = new Date().getFullYear();
    await ws.when.loggedIn('王规划', '王规划-password');
    expect(await ws.then.role()).toBe('planner');

    await site.given.siteCheckOpened();
    await site.when.zoomedIn(4);
    await site.when.squareDrawn();
    await site.when.figuresEntered(PLAN);
    await site.when.profileChosen('ca');
    await site.when.checked();
    await ws.when.savedAsReview('西安某置业有限公司', '樊川路住宅项目');
    expect((await ws.then.message()).kind).toBe('info');
    const number = await ws.then.openedNumber();
    expect(number).toBe(`长安自然资源审-${year}-0001`);
    const [row] = await db.query<{ applicant: string; status: string; verdicts: { rule: string; verdict: string }[]; figures: Record<string, number>; profile: string }>(
      'SELECT applicant, status, verdicts, figures, profile FROM reviews WHERE number = $1',
      [number],
    );
    expect([row.applicant, row.status, row.profile, row.figures.households]).toEqual(['西安某置业有限公司', 'draft', 'ca', 1000]);
    const v = Object.fromEntries(row.verdicts.map((x) => [x.rule, x.verdict]));
    expect([v['ca.households'], v['ca.community.min:elderly'], v['ca.community.min:childcare']]).toEqual(['pass', 'fail', 'pass']);
    // the requirement's plain name on screen, the rule id behind the fold
    const line = await driver.page.textContent('[data-testid=ws-opened] .ws-verdicts li[data-rule="ca.community.min:elderly"]');
    expect(line).toMatch(/不达标$/);
    expect(line).not.toContain('ca.community');
    // the report: a real PDF printed by Chromium from the page, uploaded through the file input
    const pdf = await driver.page.pdf({ format: 'A4' });
    await driver.page.setInputFiles('[data-testid=ws-report-file]', { name: '审查报告.pdf', mimeType: 'application/pdf', buffer: pdf });
    await driver.page.waitForSelector('[data-testid=ws-report-link]');
    // the picker is emptied after a pick: the same file can be chosen again (a failed upload retried)
    expect(await driver.page.inputValue('[data-testid=ws-report-file]')).toBe('');
    const [rep] = await db.query<{ report: Uint8Array; report_bytes: number }>('SELECT report, report_bytes FROM reviews WHERE number = $1', [number]);
    expect([rep.report_bytes, Buffer.from(rep.report).equals(pdf)]).toEqual([pdf.length, true]);
    await driver.screenshot('workspace-saved');

    // the server goes away: the next review is kept in the browser, through a reload too
    await stop();
    await ws.when.savedAsReview('西安另一置业公司', '子午大道住宅项目');
    expect((await ws.then.message()).kind).toBe('offline');
    expect(await ws.then.outboxCount()).toBe(1);
    await listen();
    await driver.page.reload();
    await driver.analysed();
    await ws.when.panelOpened();
    await driver.page.waitForSelector('[data-testid=ws-who]');
    expect(await ws.then.outboxCount()).toBe(1);
    expect((await db.query('SELECT 1 FROM reviews')).length).toBe(1);
    await ws.when.uploaded();
    const numbers = (await db.query<{ number: string; project: string }>('SELECT number, project FROM reviews ORDER BY seq')).map((r) => [r.number, r.project]);
    expect(numbers).toEqual([
      [`长安自然资源审-${year}-0001`, '樊川路住宅项目'],
      [`长安自然资源审-${year}-0002`, '子午大道住宅项目'],
    ]);

    await ws.when.reviewOpened(number!);
    await ws.when.submitted();
    await ws.when.loggedOut();
    await ws.when.loggedIn('李审查', '李审查-password');
    await ws.when.reviewOpened(number!);
    await ws.when.decided('conditional', '养老用房补足至300平方米后通过');
    expect(await ws.then.decisionText()).toContain('有条件通过');
    await driver.screenshot('workspace-decided');
    const [d] = await db.query<{ status: string; decision: string; decision_note: string; reviewer: string }>(
      'SELECT r.status, r.decision, r.decision_note, u.name AS reviewer FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE number = $1',
      [number],
    );
    expect(d).toEqual({ status: 'decided', decision: 'conditional', decision_note: '养老用房补足至300平方米后通过', reviewer: '李审查' });

    // the register's export link, fetched with the page's own session cookie
    const bytes = await driver.page.evaluate(async () => Array.from(new Uint8Array(await (await fetch('/api/reviews.xlsx')).arrayBuffer())));
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(new Uint8Array(bytes), { type: 'array' }).Sheets.审查台账, { header: 1 });
    expect(rows.slice(1).map((r) => [r[0], r[3], r[11]])).toEqual([
      [`长安自然资源审-${year}-0001`, '已审结', '有条件通过'],
      [`长安自然资源审-${year}-0002`, '草稿', ''],
    ]);
    expect(driver.cspViolations).toEqual([]);
    expect(driver.pageErrors).toEqual([]);
  }, 240_000);
});
