// The app's outbox (src/state/workspace.ts) against a real workspace server (PGlite): kept changes
// are sent in the order made, a chain of changes on one review applies revision after revision, a
// change someone overtook is refused and stays kept with the server's reason, nothing is sent or
// marked while the server cannot be reached, and entries from before other kinds existed still read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { Outbox, WorkspaceClient, reviewWrite, type ReviewWrite } from '../../src/state/workspace';
import { addUser, cookieFetch, engine, reviewBody, serve, type Running } from './harness';

/** a KeyValue in memory, as localStorage is in the page */
function memory(): { getItem(k: string): string | null; setItem(k: string, v: string): void; data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('outbox against the workspace server', () => {
  let db: Db;
  let srv: Running;
  let client: WorkspaceClient;

  beforeAll(async () => {
    db = await (await engine('pglite')).open();
    srv = await serve(db);
    await addUser(db, 'planner1', 'planner');
    client = new WorkspaceClient(srv.base, cookieFetch());
    expect((await client.login('planner1', 'planner1-password-1')).ok).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await srv?.close();
    await db?.close();
  });

  it('sends kept changes in order; a chain on one review applies 1 → 2 → 3; an overtaken one stays with the reason', async () => {
    const made = await client.createReview(reviewBody() as ReviewWrite);
    if (!made.ok) throw new Error(made.message);
    const r = made.value;
    const kv = memory();
    // an entry as the outbox wrote it before it kept other changes than new reviews
    kv.setItem('yl.workspace.outbox', JSON.stringify([{ key: 'old-1', savedAt: '2026-01-01T00:00:00.000Z', review: reviewBody({ project: '旧格式记录' }) }]));
    const box = new Outbox(kv);
    box.add({ op: 'edit', id: r.id, number: r.number, revision: 1, review: { ...reviewWrite(r), project: '改名后的项目' } });
    box.add({ op: 'submit', id: r.id, number: r.number, revision: 2 });
    // made from revision 1 too, but the two above move the review to 3 first: refused as stale
    box.add({ op: 'submit', id: r.id, number: r.number, revision: 1 });
    box.add({ op: 'ledger', target: 'ak.talent.elderly', year: 2025, write: { value: 5, done: null, note: '', department: '市人社局', revision: 0 } });
    expect(box.list().map((e) => e.op.op)).toEqual(['review', 'edit', 'submit', 'submit', 'ledger']);

    const { uploaded, kept } = await box.upload(client);
    expect(uploaded.map((u) => u.entry.op.op)).toEqual(['review', 'edit', 'submit', 'ledger']);
    expect(kept.map((k) => [k.entry.op.op, k.outcome.offline ? 'offline' : k.outcome.status])).toEqual([['submit', 409]]);
    const [row] = await db.query('SELECT project, status, revision FROM reviews WHERE id = $1', [r.id]);
    expect(row).toEqual({ project: '改名后的项目', status: 'submitted', revision: 3 });
    expect((await db.query(`SELECT project FROM reviews WHERE project = '旧格式记录'`)).length).toBe(1);
    // what stays is the refused change, with the server's words, in the browser's storage
    const left = new Outbox(kv).list();
    expect(left.map((e) => [e.op.op, e.refused])).toEqual([['submit', `review ${r.number} is already submitted`]]);
  });

  it('while the server cannot be reached nothing is sent and nothing is marked refused', async () => {
    const kv = memory();
    const box = new Outbox(kv);
    box.add({ op: 'review', review: reviewBody({ project: '离线' }) as ReviewWrite });
    box.add({ op: 'submit', id: 1, number: 'x', revision: 1 });
    // a port nobody listens on: the server is gone
    const gone = new WorkspaceClient('http://127.0.0.1:9/', cookieFetch());
    const { uploaded, kept } = await box.upload(gone);
    expect(uploaded).toEqual([]);
    expect(kept.map((k) => k.outcome.offline)).toEqual([true, true]);
    expect(new Outbox(kv).list().map((e) => [e.op.op, e.refused])).toEqual([
      ['review', undefined],
      ['submit', undefined],
    ]);
    expect((await db.query(`SELECT 1 FROM reviews WHERE project = '离线'`)).length).toBe(0);
  });
});
