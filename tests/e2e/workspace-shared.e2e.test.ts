// What a team shares through the workspace, in Chromium against the server serving the built app
// (PGlite): an admin manages the accounts; baseline data versions are published, restored and
// loaded as the app's baseline; a shared scenario's stale save is shown as a conflict and resolved
// each of the three ways; changes made while the server is gone (a submit, a decision, a scenario
// save, a ledger value) are kept and uploaded, a refused one stays with the reason; the target
// ledger's values are the workspace's while connected. Another planner and reviewer act through
// the HTTP API (a second browser would only be slower). Each step is checked in the database too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, reviewBody } from '../server/harness';
import { AppDriver } from './driver';
import { editSteps } from './edit-steps';
import { ledgerSteps } from './ledger-steps';
import { SharedSteps } from './workspace-shared-steps';
import { WorkspaceSteps } from './workspace-steps';
import { startWorkspace, type TestWorkspace } from './workspace-server';

describe('team workspace: shared data, scenarios, offline changes, accounts, ledger', () => {
  let w: TestWorkspace;
  let driver: AppDriver;
  let ws: WorkspaceSteps;
  let sh: SharedSteps;
  const api = async (name: string): Promise<Client> => {
    const c = new Client(w.url.replace(/\/$/, ''));
    const a = await c.login(name, `${name}-password`);
    if (a.status !== 200) throw new Error(`${name} cannot log in: ${JSON.stringify(a.body)}`);
    return c;
  };
  const switchTo = async (name: string): Promise<void> => {
    await ws.when.panelOpened();
    if (await driver.page.$('[data-testid=ws-logout]')) await ws.when.loggedOut();
    await ws.when.loggedIn(name, `${name}-password`);
  };

  beforeAll(async () => {
    w = await startWorkspace('长安自然资源审', [
      ['周管理', 'admin'],
      ['王规划', 'planner'],
      ['张规划', 'planner'],
      ['李审查', 'reviewer'],
      ['陈审查', 'reviewer'],
    ]);
    driver = new AppDriver(w.url);
    ws = new WorkspaceSteps(driver);
    sh = new SharedSteps(driver);
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
  }, 120_000);
  afterAll(async () => {
    await driver?.stop();
    await w?.close();
  });

  it('an admin lists users, creates one with a role, changes the role, resets the password and disables the account', async () => {
    await switchTo('周管理');
    expect(await sh.then.users()).toEqual([
      ['周管理', 'admin', 'no'],
      ['王规划', 'planner', 'no'],
      ['张规划', 'planner', 'no'],
      ['李审查', 'reviewer', 'no'],
      ['陈审查', 'reviewer', 'no'],
    ]);
    // the admin's own row cannot be demoted or disabled from here (it would end their own session)
    expect(await driver.page.isDisabled('[data-testid=ws-user-list] tr[data-name="周管理"] [data-testid=ws-user-role]')).toBe(true);

    await sh.when.userCreated('赵查阅', 'viewer', '赵查阅-first-pass');
    const row = async () => (await w.db.query<{ role: string; disabled: boolean }>(`SELECT role, disabled FROM users WHERE name = '赵查阅'`))[0];
    expect(await row()).toEqual({ role: 'viewer', disabled: false });
    expect((await new Client(w.url.replace(/\/$/, '')).login('赵查阅', '赵查阅-first-pass')).status).toBe(200);

    await sh.when.roleChanged('赵查阅', 'planner');
    expect((await row()).role).toBe('planner');

    await sh.when.passwordReset('赵查阅', '赵查阅-second-pass');
    expect(await sh.then.message()).toBe('已重设 赵查阅 的密码（其登录已结束）。');
    const c = new Client(w.url.replace(/\/$/, ''));
    expect((await c.login('赵查阅', '赵查阅-first-pass')).status).toBe(401);
    expect((await c.login('赵查阅', '赵查阅-second-pass')).status).toBe(200);

    await sh.when.disabledToggled('赵查阅', 'yes');
    expect((await row()).disabled).toBe(true);
    // disabled: the session that was open ends, and the right password no longer logs in
    expect((await c.req('GET', '/api/me')).status).toBe(401);
    expect((await new Client(w.url.replace(/\/$/, '')).login('赵查阅', '赵查阅-second-pass')).status).toBe(401);
    // every change is in the audit log as the admin's
    const audit = await w.db.query<{ action: string; entity: string }>(`SELECT action, entity FROM audit WHERE user_name = '周管理' AND entity = 'user' ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'update']);
    await driver.screenshot('workspace-users');
  }, 120_000);

  it('an admin publishes the open data as versions and restores one; a planner loads the current version as the baseline', async () => {
    await switchTo('周管理');
    expect(await sh.then.baseline()).toBe('');
    await sh.when.published('2025年人口普查更新');
    // a second version, with another area name, made through the API by the same admin
    const admin = await api('周管理');
    const v1 = (await admin.req('GET', '/api/data/1')).body.project;
    expect(v1.area.name).toBe('西安市长安区（演示数据）');
    expect(v1.communities.features.length).toBeGreaterThan(0);
    expect((await admin.req('POST', '/api/data', { note: '改名测试', project: { ...v1, area: { ...v1.area, name: '长安区（第二版）' } } })).body.version).toBe(2);
    await ws.when.loggedOut();
    await ws.when.loggedIn('周管理', '周管理-password');
    const list = await sh.then.versions();
    expect(list.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['v2 · 当前', '周管理', '改名测试'],
      ['v1', '周管理', '2025年人口普查更新'],
    ]);
    await sh.when.restored(1);
    expect((await sh.then.versions()).map((r) => [r[0], r[3]])[0]).toEqual(['v3 · 当前', '恢复自第 1 版：2025年人口普查更新']);
    const [v3] = await w.db.query<{ restored_from: number; name: string }>(`SELECT restored_from, project->'area'->>'name' AS name FROM data_versions WHERE version = 3`);
    expect(v3).toEqual({ restored_from: 1, name: '西安市长安区（演示数据）' });

    // a planner cannot publish or restore, but loads the current version (v3 = v1's content)
    await switchTo('王规划');
    expect(await driver.page.$('[data-testid=ws-data-publish]')).toBeNull();
    expect(await driver.page.$('[data-testid=ws-data-restore]')).toBeNull();
    await admin.req('POST', '/api/data/2/restore', {});
    await ws.when.loggedOut();
    await ws.when.loggedIn('王规划', '王规划-password');
    await sh.when.currentLoaded();
    expect(await sh.then.baseline()).toBe('4');
    expect(await sh.then.message()).toContain('已载入工作区第 4 版数据');
    // v4 restores v2: the renamed area is now the app's baseline
    expect(await sh.then.projectLine()).toBe('长安区（第二版） · workspace-v4.json');
    // another project file opened afterwards is local data: no workspace version is claimed for it
    await driver.page.setInputFiles('[data-testid=project-input]', 'data/demo/project.json');
    await driver.page.waitForFunction(() => document.querySelector('[data-testid=project-file]')?.textContent === '西安市长安区（演示数据） · project.json');
    await driver.analysed();
    expect(await sh.then.baseline()).toBe('');
  }, 180_000);

  it('shared scenarios: save, a stale save shown as a conflict, resolved as a copy, as mine, and as theirs — nothing overwritten or lost', async () => {
    const edit = editSteps(driver);
    const zhang = await api('张规划');
    await switchTo('王规划');
    await sh.when.panelClosed();
    await edit.when.scenarioCreated('樊川路加托育');
    await edit.when.facilityAdded({ kind: 'childcare_centre', name: '樊川路托育点', places: 60, dx: 20, dy: 15 });
    await ws.when.panelOpened();
    await sh.when.scenarioSaved();
    expect(await sh.then.message()).toBe('方案“樊川路加托育”已保存到工作区（第 1 版）。');
    const [s1] = await w.db.query<{ id: number; revision: number; author: string; body: { scenario: { edits: unknown[] } } }>(
      'SELECT s.id, s.revision, u.name AS author, s.body FROM scenarios s JOIN users u ON u.id = s.author_id',
    );
    expect([s1.revision, s1.author, s1.body.scenario.edits.length]).toEqual([1, '王规划', 1]);
    const list = await sh.then.shared();
    expect(list.map((r) => [r.name, r.cells[1]])).toEqual([['樊川路加托育', '王规划']]);
    expect(list[0].cells[2]).toMatch(/^第 1 版 · 王规划 · \d{4}-\d\d-\d\d \d\d:\d\d$/);

    // 张规划 saves revision 2 (the edits taken out); 王规划 goes on from revision 1
    const theirs = async (revision: number): Promise<void> => {
      const cur = (await zhang.req('GET', `/api/scenarios/${s1.id}`)).body;
      expect(cur.revision).toBe(revision);
      const body = { ...cur.body, scenario: { ...cur.body.scenario, edits: [] } };
      expect((await zhang.req('PUT', `/api/scenarios/${s1.id}`, { name: cur.name, body, baseVersion: null, revision })).status).toBe(200);
    };
    await theirs(1);
    await sh.when.panelClosed();
    await edit.when.facilityAdded({ kind: 'childcare_centre', name: '樊川路托育点二', places: 40, dx: -30, dy: 10 });
    await ws.when.panelOpened();
    await sh.when.scenarioSaved();
    expect(await sh.then.message()).toBe('方案“樊川路加托育”已被 张规划 修改为第 2 版；您的修改没有覆盖它，请选择如何处理。');
    const c = await sh.then.conflict();
    expect(c.theirs).toMatch(/^“樊川路加托育”第 2 版，张规划 于 .* 保存，0 项修改$/);
    expect(c.mine).toBe('“樊川路加托育”，2 项修改（仍在本机）');
    expect(c.buttons).toEqual(['保留我的（存为第 3 版）', '采用对方的（我的留在本机）', '把我的另存为新方案']);
    const revisionOf = async (id: number) =>
      (await w.db.query<{ revision: number; n: number }>(`SELECT revision, jsonb_array_length(body->'scenario'->'edits') AS n FROM scenarios WHERE id = $1`, [id]))[0];
    expect(await revisionOf(s1.id)).toEqual({ revision: 2, n: 0 });

    // 1. mine as a copy: a new shared scenario; theirs untouched
    await sh.when.resolved('copy');
    const copy = (
      await w.db.query<{ id: number; name: string; n: number }>(`SELECT id, name, jsonb_array_length(body->'scenario'->'edits') AS n FROM scenarios WHERE id <> $1`, [s1.id])
    )[0];
    expect([copy.name, copy.n]).toEqual(['樊川路加托育（张规划）副本', 2]);
    expect(await revisionOf(s1.id)).toEqual({ revision: 2, n: 0 });

    // 2. open the shared one (revision 2), edit; 张规划 saves revision 3 meanwhile; keep mine as revision 4
    await sh.when.sharedOpened('樊川路加托育');
    await sh.when.panelClosed();
    await edit.when.facilityAdded({ kind: 'childcare_centre', name: '樊川路托育点三', places: 30, dx: 10, dy: -25 });
    await theirs(2);
    await ws.when.panelOpened();
    await sh.when.scenarioSaved();
    expect((await sh.then.conflict()).buttons[0]).toBe('保留我的（存为第 4 版）');
    await sh.when.resolved('mine');
    expect(await revisionOf(s1.id)).toEqual({ revision: 4, n: 1 });
    expect(await sh.then.message()).toBe('方案“樊川路加托育”已保存到工作区（第 4 版）。');

    // 3. 张规划 saves revision 5; my next save conflicts; take theirs: opened as its own local scenario, mine stays
    await theirs(4);
    await sh.when.panelClosed();
    await edit.when.facilityAdded({ kind: 'childcare_centre', name: '樊川路托育点四', places: 20, dx: -15, dy: -20 });
    await ws.when.panelOpened();
    await sh.when.scenarioSaved();
    const mineId = (await edit.then.scenarios()).active;
    await sh.when.resolved('theirs');
    expect(await revisionOf(s1.id)).toEqual({ revision: 5, n: 0 });
    const after = await edit.then.scenarios();
    expect(after.active).not.toBe(mineId);
    expect(after.edits).toBe(0);
    expect(after.options.some((o) => o.value === mineId)).toBe(true);
    await edit.when.scenarioOpened(mineId);
    expect((await edit.then.scenarios()).edits).toBe(2);
    // every scenario write in the audit: 王规划's three (create, copy, revision 4) never overwrote 张规划's
    const audit = await w.db.query<{ user_name: string; action: string; after_id: string }>(`SELECT user_name, action, after_id FROM audit WHERE entity = 'scenario' ORDER BY id`);
    expect(audit.map((a) => [a.user_name, a.action, a.after_id])).toEqual([
      ['王规划', 'create', `${s1.id}@1`],
      ['张规划', 'update', `${s1.id}@2`],
      ['王规划', 'create', `${copy.id}@1`],
      ['张规划', 'update', `${s1.id}@3`],
      ['王规划', 'update', `${s1.id}@4`],
      ['张规划', 'update', `${s1.id}@5`],
    ]);
    await driver.screenshot('workspace-scenarios');
  }, 240_000);

  it('the ledger sheet shows and stores the workspace values per department while connected, the local ones otherwise', async () => {
    const ledger = ledgerSteps(driver);
    const TARGET = 'ak.talent.elderly';
    await switchTo('王规划');
    await ledger.when.profileChosen('ak');
    // another department's value, entered through the API, is on the sheet when it opens
    const zhang = await api('张规划');
    expect((await zhang.req('PUT', `/api/ledger/ak.talent.childcare/2025`, { value: 300, note: '', department: '市卫健委', revision: 0 })).status).toBe(200);
    await sh.when.panelClosed();
    await ledger.when.ledgerOpened();
    expect(await driver.page.getAttribute('[data-testid=ledger-source]', 'data-shared')).toBe('yes');
    const rowOf = async (id: string) => (await ledger.then.rows()).find((r) => r.id === id);
    expect((await rowOf('ak.talent.childcare'))?.progress).toContain('市卫健委');
    await ledger.when.valueEntered(TARGET, '1800', '市人社局', '含线上培训');
    const stored = async () =>
      (
        await w.db.query<{ value: number; department: string; note: string; by: string; revision: number }>(
          `SELECT l.value, l.department, l.note, u.name AS by, l.revision FROM ledger_entries l JOIN users u ON u.id = l.author_id WHERE target = $1 AND year = 2025`,
          [TARGET],
        )
      )[0];
    await expect.poll(stored).toEqual({ value: 1800, department: '市人社局', note: '含线上培训', by: '王规划', revision: 1 });
    expect((await rowOf(TARGET))?.status).toBe('behind');
    // logged out: the sheet is the project's own again, without the workspace's values
    await ledger.when.ledgerClosed();
    await ws.when.panelOpened();
    await ws.when.loggedOut();
    await sh.when.panelClosed();
    await ledger.when.ledgerOpened();
    expect(await driver.page.getAttribute('[data-testid=ledger-source]', 'data-shared')).toBe('no');
    expect((await rowOf(TARGET))?.source).not.toBe('entered');
    await ledger.when.ledgerClosed();
  }, 120_000);

  it('offline: a submit, a decision, a scenario save and a ledger value are kept and uploaded when the server is back; a refused one stays with the reason', async () => {
    const ledger = ledgerSteps(driver);
    const wang = await api('王规划');
    const draft = (await wang.req('POST', '/api/reviews', reviewBody({ project: '子午大道住宅项目' }))).body;
    const other = (await wang.req('POST', '/api/reviews', reviewBody({ project: '韦曲南住宅项目' }))).body;
    const sub = (await wang.req('POST', `/api/reviews/${other.id}/submit`, { revision: 1 })).body;

    // the reviewer opens the submitted review, the server goes away, the decision is kept
    await switchTo('李审查');
    await ws.when.reviewOpened(other.number);
    await w.stop();
    await driver.page.selectOption('[data-testid=ws-decision]', 'approved');
    await driver.page.fill('[data-testid=ws-note]', '同意');
    await driver.page.click('[data-testid=ws-decide]');
    await driver.page.waitForSelector('[data-testid=ws-outbox][data-count="1"]');
    expect(await sh.then.message()).toBe('连接不上工作区：此修改已保存在本机（共 1 项待上传），恢复连接后请点“上传”。');
    expect(await sh.then.outbox()).toEqual([{ op: 'decide', refused: 'no', text: `审查 ${other.number} 的结论：通过` }]);
    // meanwhile another reviewer decides it on the server
    await w.listen();
    const chen = await api('陈审查');
    expect((await chen.req('POST', `/api/reviews/${other.id}/decide`, { decision: 'rejected', note: '退回', revision: sub.revision })).status).toBe(200);
    await sh.when.uploadedWithRefusal();
    const refused = await sh.then.outbox();
    expect(refused.map((e) => [e.op, e.refused])).toEqual([['decide', 'yes']]);
    expect(refused[0].text).toContain(`审查 ${other.number} 的结论：通过 — 工作区未接受：review ${other.number} is decided; only a submitted review can be decided`);
    expect((await w.db.query<{ decision: string }>('SELECT decision FROM reviews WHERE id = $1', [other.id]))[0].decision).toBe('rejected');
    // the review on screen is the server's again: 陈审查's decision, not the kept one
    expect(await driver.page.textContent('[data-testid=ws-opened-decision]')).toBe('不予通过 · 陈审查');
    await sh.when.discarded('decide');
    await driver.page.waitForSelector('[data-testid=ws-outbox]', { state: 'detached' });

    // the planner: offline, renames a draft's project and submits it, saves a scenario and enters a ledger value
    await switchTo('王规划');
    await ws.when.reviewOpened(draft.number);
    await w.stop();
    await driver.page.fill('[data-testid=ws-edit-project]', '子午大道住宅项目（二期）');
    await driver.page.click('[data-testid=ws-edit-save]');
    await driver.page.waitForSelector('[data-testid=ws-outbox][data-count="1"]');
    // the review is shown as the kept change leaves it, with a note that it is not uploaded yet
    expect(await driver.page.textContent('[data-testid=ws-opened-pending]')).toBe('此审查有 1 项修改保存在本机，尚未上传；下面显示的是修改后的样子。');
    await driver.page.click('[data-testid=ws-submit]');
    await driver.page.waitForSelector('[data-testid=ws-outbox][data-count="2"]');
    await sh.when.scenarioSaved();
    await driver.page.waitForSelector('[data-testid=ws-outbox][data-count="3"]');
    await sh.when.panelClosed();
    await ledger.when.ledgerOpened();
    await ledger.when.valueEntered('ak.talent.elderly', '2100', '市人社局');
    await ledger.when.ledgerClosed();
    await ws.when.panelOpened();
    await driver.page.waitForSelector('[data-testid=ws-outbox][data-count="4"]');
    expect((await sh.then.outbox()).map((e) => e.op)).toEqual(['edit', 'submit', 'scenario', 'ledger']);
    expect((await w.db.query<{ status: string }>('SELECT status FROM reviews WHERE id = $1', [draft.id]))[0].status).toBe('draft');

    // the server is back; the kept changes survive a reload (the page comes from the server)
    await w.listen();
    await driver.page.reload();
    await driver.analysed();
    await ws.when.panelOpened();
    await driver.page.waitForSelector('[data-testid=ws-who]');
    expect((await sh.then.outbox()).map((e) => e.op)).toEqual(['edit', 'submit', 'scenario', 'ledger']);
    await ws.when.uploaded();
    expect(await sh.then.message()).toBe('已上传 4 项修改。');
    // applied in the order made, each from the revision the one before left: 1 → 2 (edit) → 3 (submit)
    expect((await w.db.query('SELECT project, status, revision FROM reviews WHERE id = $1', [draft.id]))[0]).toEqual({
      project: '子午大道住宅项目（二期）',
      status: 'submitted',
      revision: 3,
    });
    await ws.when.reviewOpened(draft.number);
    expect(await driver.page.getAttribute('[data-testid=ws-opened]', 'data-status')).toBe('submitted');
    expect(await driver.page.$('[data-testid=ws-opened-pending]')).toBeNull();
    expect((await w.db.query<{ value: number; revision: number }>(`SELECT value, revision FROM ledger_entries WHERE target = 'ak.talent.elderly'`))[0]).toEqual({
      value: 2100,
      revision: 2,
    });
    const audit = await w.db.query<{ user_name: string; action: string; entity: string }>(`SELECT user_name, action, entity FROM audit ORDER BY id DESC LIMIT 4`);
    expect(audit.map((a) => [a.user_name, a.action, a.entity]).reverse()).toEqual([
      ['王规划', 'update', 'review'],
      ['王规划', 'submit', 'review'],
      ['王规划', 'create', 'scenario'],
      ['王规划', 'update', 'ledger'],
    ]);
    expect(driver.cspViolations).toEqual([]);
    expect(driver.pageErrors).toEqual([]);
  }, 240_000);
});
