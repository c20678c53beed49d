// The panel's shared lists (src/state/workspace-shared.ts) against a real workspace server (PGlite):
// logged out, nothing the last user was shown stays, and the next user's login shows no list until
// its own lists have been read — so one user's versions, scenarios or accounts never show as another's.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { Outbox, type Outcome, WorkspaceClient } from '../../src/state/workspace';
import { createWorkspaceShared } from '../../src/state/workspace-shared';
import { noOpenApp } from '../workspace-app';
import { addUser, cookieFetch, engine, serve, type Running } from './harness';

/** the session's fetch, held while `hold()`'s gate is shut (a slow connection) */
function slowCookieFetch(): { f: typeof fetch; hold(): () => void } {
  let gate: Promise<void> | null = null;
  return {
    f: cookieFetch(() => gate ?? undefined),
    hold() {
      let open = (): void => {};
      gate = new Promise((r) => (open = r));
      return () => {
        gate = null;
        open();
      };
    },
  };
}

describe('the shared lists across a logout', () => {
  let db: Db;
  let srv: Running;

  beforeAll(async () => {
    db = await (await engine('pglite')).open();
    srv = await serve(db);
    await addUser(db, 'admin1', 'admin');
    await addUser(db, 'planner1', 'planner');
  }, 60_000);
  afterAll(async () => {
    await srv?.close();
    await db?.close();
  });

  it('forgets the last user’s lists, and shows the next user’s only once read', async () => {
    const net = slowCookieFetch();
    const client = new WorkspaceClient(srv.base, net.f);
    const said: string[] = [];
    const sh = createWorkspaceShared({
      client,
      outbox: new Outbox(null),
      kv: null,
      report: <T>(r: Outcome<T>): r is Extract<Outcome<T>, { ok: true }> => r.ok,
      say: (_kind, key) => void said.push(key),
      app: noOpenApp,
      onOutbox: () => {},
    });
    const project = JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as Record<string, unknown>;

    expect((await client.login('admin1', 'admin1-password-1')).ok).toBe(true);
    expect((await client.publishData('第一版', project)).ok).toBe(true);
    expect(sh.read.value).toBe(false);
    await sh.refreshAll('admin');
    expect(sh.read.value).toBe(true);
    expect(sh.versions.value.map((v) => [v.version, v.author, v.note])).toEqual([[1, 'admin1', '第一版']]);
    expect(sh.users.value.map((u) => u.name).sort()).toEqual(['admin1', 'planner1']);

    await client.logout();
    sh.forget();
    expect([sh.versions.value, sh.scenarios.value, sh.users.value, sh.ledger.value, sh.read.value]).toEqual([[], [], [], null, false]);

    // the next login's lists arrive late: until then nothing of admin1's is shown
    expect((await client.login('planner1', 'planner1-password-1')).ok).toBe(true);
    const open = net.hold();
    const reading = sh.refreshAll('planner');
    await new Promise((r) => setTimeout(r, 50));
    expect([sh.versions.value, sh.users.value, sh.read.value]).toEqual([[], [], false]);
    open();
    await reading;
    expect(sh.read.value).toBe(true);
    expect(sh.versions.value.map((v) => v.version)).toEqual([1]);
    // a planner does not read the accounts: admin1's list of them is not left behind
    expect(sh.users.value).toEqual([]);
    expect(said).toEqual([]);
  });
});
