// The workspace API on both engines: every route × role, sessions, CSRF, injection through every
// text field, oversized bodies, slow clients, optimistic concurrency, versions and the register.
import { connect } from 'node:net';
import { createHash } from 'node:crypto';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/server/routes';
import { MIGRATIONS, migrate } from '../../src/server/migrations';
import type { Db } from '../../src/server/db';
import { addUser, type Answer, Client, engine, type Engine, reviewBody, runPostgres, serve, type Running } from './harness';

// a minimal PDF written by hand (one empty page); the server checks the %PDF- signature only
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const ROLES = ['admin', 'planner', 'reviewer', 'viewer'] as const;

for (const name of ['pglite', 'postgres'] as const) {
  describe.runIf(name === 'pglite' || runPostgres)(`workspace API on ${name}`, () => {
    let eng: Engine;
    let db: Db;
    let srv: Running;
    const as: Record<string, Client> = {};
    let year: number;

    beforeAll(async () => {
      eng = await engine(name);
      db = await eng.open();
      srv = await serve(db, { limits: { json: 64 << 10, data: 256 << 10, pdf: 64 << 10 }, headersTimeout: 1500, requestTimeout: 3000 });
      for (const r of ROLES) {
        await addUser(db, `${r}1`, r);
        as[r] = new Client(srv.base);
        expect((await as[r].login(`${r}1`)).status).toBe(200);
      }
      as.anonymous = new Client(srv.base);
      year = new Date().getFullYear();
    }, 60_000);
    afterAll(async () => {
      await srv?.close();
      await db?.close();
      await eng?.stop();
    });

    async function newDraft(over: Record<string, unknown> = {}): Promise<any> {
      const a = await as.planner.req('POST', '/api/reviews', reviewBody(over));
      expect(a.status, JSON.stringify(a.body)).toBe(201);
      return a.body;
    }
    async function submitted(): Promise<any> {
      const d = await newDraft();
      const a = await as.planner.req('POST', `/api/reviews/${d.id}/submit`, { revision: d.revision });
      expect(a.status).toBe(200);
      return a.body;
    }

    it('applies the migrations once, and refuses a database newer than the code', async () => {
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      await db.query(`INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')`);
      await expect(migrate(db)).rejects.toThrow(/schema version 999, newer/);
      await db.query('DELETE FROM schema_migrations WHERE version = 999');
    });

    // one way to call each route so that it succeeds for a role that may call it
    type Call = { path: string; body?: unknown; headers?: Record<string, string> };
    let unique = 0;
    const cases: Record<string, () => Promise<Call>> = {
      'GET /api/health': async () => ({ path: '/api/health' }),
      'POST /api/login': async () => ({ path: '/api/login', body: { name: 'viewer1', password: 'viewer1-password-1' } }),
      'POST /api/logout': async () => ({ path: '/api/logout', body: {} }),
      'GET /api/me': async () => ({ path: '/api/me' }),
      'GET /api/users': async () => ({ path: '/api/users' }),
      'POST /api/users': async () => ({ path: '/api/users', body: { name: `u${++unique}`, role: 'viewer', password: 'a-long-password' } }),
      'PATCH /api/users/:id': async () => {
        await addUser(db, `target${++unique}`, 'viewer');
        const [u] = await db.query<{ id: number }>('SELECT id FROM users WHERE name = $1', [`target${unique}`]);
        return { path: `/api/users/${u.id}`, body: { role: 'planner' } };
      },
      'GET /api/audit': async () => ({ path: '/api/audit' }),
      'GET /api/data': async () => ({ path: '/api/data' }),
      'GET /api/data/:version': async () => ({ path: '/api/data/1' }),
      'POST /api/data': async () => ({ path: '/api/data', body: { note: 'import', project: { version: 1, communities: { type: 'FeatureCollection', features: [] } } } }),
      'POST /api/data/:version/restore': async () => ({ path: '/api/data/1/restore', body: {} }),
      'GET /api/scenarios': async () => ({ path: '/api/scenarios' }),
      'GET /api/scenarios/:id': async () => ({ path: '/api/scenarios/1' }),
      'POST /api/scenarios': async () => ({ path: '/api/scenarios', body: { name: '规划方案', body: { edits: [] } } }),
      'PUT /api/scenarios/:id': async () => {
        const s = (await as.planner.req('POST', '/api/scenarios', { name: 'm', body: {} })).body;
        return { path: `/api/scenarios/${s.id}`, body: { name: 'm2', body: { edits: [1] }, revision: s.revision } };
      },
      'GET /api/reviews': async () => ({ path: '/api/reviews' }),
      'GET /api/reviews.xlsx': async () => ({ path: '/api/reviews.xlsx' }),
      'GET /api/reviews/:id': async () => ({ path: `/api/reviews/${(await newDraft()).id}` }),
      'POST /api/reviews': async () => ({ path: '/api/reviews', body: reviewBody() }),
      'PUT /api/reviews/:id': async () => {
        const d = await newDraft();
        return { path: `/api/reviews/${d.id}`, body: { ...reviewBody({ project: '改' }), revision: d.revision } };
      },
      'PUT /api/reviews/:id/report': async () => ({ path: `/api/reviews/${(await newDraft()).id}/report`, body: PDF, headers: { 'content-type': 'application/pdf' } }),
      'GET /api/reviews/:id/report': async () => {
        const d = await newDraft();
        expect((await as.planner.req('PUT', `/api/reviews/${d.id}/report`, PDF, { 'content-type': 'application/pdf' })).status).toBe(200);
        return { path: `/api/reviews/${d.id}/report` };
      },
      'POST /api/reviews/:id/submit': async () => {
        const d = await newDraft();
        return { path: `/api/reviews/${d.id}/submit`, body: { revision: d.revision } };
      },
      'POST /api/reviews/:id/decide': async () => {
        const s = await submitted();
        return { path: `/api/reviews/${s.id}/decide`, body: { decision: 'approved', note: '同意', revision: s.revision } };
      },
      'GET /api/ledger': async () => ({ path: '/api/ledger?year=2025' }),
      'PUT /api/ledger/:target/:year': async () => ({
        path: `/api/ledger/${encodeURIComponent(`ca.target.${++unique}`)}/2025`,
        body: { value: 0.55, note: '', department: '民政局', revision: 0 },
      }),
    };

    it('authorisation: every route × role — allowed roles succeed, others get 403, nobody unauthenticated gets in', async () => {
      // fixtures the GET cases read
      expect((await as.admin.req('POST', '/api/data', { note: 'v1', project: { version: 1 } })).status).toBe(201);
      expect((await as.planner.req('POST', '/api/scenarios', { name: 's1', body: {} })).status).toBe(201);
      expect(Object.keys(cases).sort()).toEqual(ROUTES.map((r) => r.spec).sort());
      const table: string[] = [];
      for (const route of ROUTES) {
        const method = route.spec.split(' ')[0];
        for (const role of [...ROLES, 'anonymous'] as const) {
          const call = await cases[route.spec]();
          // login and logout change the caller's session: a throwaway client of the same role
          const client = route.spec.includes('log') ? new Client(srv.base) : as[role];
          if (client !== as[role] && role !== 'anonymous') await client.login(`${role}1`);
          const a: Answer = await client.req(method, call.path, call.body, call.headers);
          const allowed = route.access === 'public' || (role !== 'anonymous' && route.access.includes(role));
          table.push(`${route.spec} ${role} ${a.status}`);
          if (allowed) expect(a.status, `${route.spec} as ${role}: ${JSON.stringify(a.body)}`).toBeLessThan(300);
          else expect(a.status, `${route.spec} as ${role}`).toBe(role === 'anonymous' ? 401 : 403);
        }
      }
      // the matrix covers the issue's roles: a viewer writes nothing, a planner decides nothing
      expect(table).toContain('POST /api/reviews/:id/decide planner 403');
      expect(table).toContain('POST /api/scenarios viewer 403');
      expect(table).toContain('POST /api/data planner 403');
      expect(table).toContain('POST /api/reviews/:id/decide reviewer 200');
    }, 240_000);

    it('session cookie: HttpOnly, SameSite=Strict; a new session at every login (no fixation); logout ends it', async () => {
      const c = new Client(srv.base);
      // an attacker's planted cookie value, and a real session's token from an earlier login
      c.cookie = 'ws_session=planted-by-attacker';
      const first = await c.login('viewer1');
      const setCookie = first.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      expect(c.cookie).not.toBe('ws_session=planted-by-attacker');
      const old = c.cookie!;
      await c.login('viewer1');
      expect(c.cookie).not.toBe(old);
      const stale = new Client(srv.base);
      stale.cookie = old;
      expect((await stale.req('GET', '/api/me')).status).toBe(401);
      expect((await c.req('GET', '/api/me')).status).toBe(200);
      const kept = c.cookie!;
      expect((await c.req('POST', '/api/logout', {})).status).toBe(200);
      const after = new Client(srv.base);
      after.cookie = kept;
      expect((await after.req('GET', '/api/me')).status).toBe(401);
    });

    it("CSRF: a write without the token, with a wrong one, with another session's, or from another origin is refused", async () => {
      const c = new Client(srv.base);
      await c.login('planner1');
      const other = new Client(srv.base);
      await other.login('planner1');
      const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM scenarios'))[0].n;
      const write = (headers: Record<string, string>, csrf?: string): Promise<Answer> => {
        c.csrf = csrf;
        return c.req('POST', '/api/scenarios', { name: 'x', body: {} }, headers);
      };
      const token = (await c.req('GET', '/api/me')).body.csrf;
      expect((await write({})).body.error).toBe('csrf');
      expect((await write({}, 'wrong')).body.error).toBe('csrf');
      expect((await write({}, other.csrf)).body.error).toBe('csrf');
      expect((await write({ origin: 'http://evil.example' }, token)).body.error).toBe('origin');
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM scenarios'))[0].n).toBe(before);
      expect((await write({ origin: srv.base }, token)).status).toBe(201);
      // login itself: JSON only (a cross-site form cannot send it) and same origin
      const form = await fetch(`${srv.base}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'name=viewer1&password=viewer1-password-1',
      });
      expect(form.status).toBe(415);
    });

    it('SQL injection through every text field is stored as text and matched as text', async () => {
      const evil = [`'); DROP TABLE reviews; --`, `' OR '1'='1`, `\\'; DELETE FROM users; --`, `%_\\`, `$1$$; SELECT pg_sleep(5); $$`, `"; DROP TABLE audit; --`];
      const users0 = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0].n;
      const [{ last }] = await db.query<{ last: number }>('SELECT coalesce(max(id), 0)::int AS last FROM audit');
      // the audit rows each payload's writes must leave, in order: [user, action, entity, id, before, after]
      const want: (string | null)[][] = [];
      for (const [i, s] of evil.entries()) {
        const body = reviewBody({
          applicant: s,
          project: `${s}#${i}`,
          profile: s.slice(0, 40),
          figures: { [s.slice(0, 100)]: 1 },
          params: { [s]: s },
          verdicts: [{ rule: s, verdict: 'fail', clause: s }],
        });
        const a = await as.planner.req('POST', '/api/reviews', body);
        expect(a.status).toBe(201);
        const back = (await as.viewer.req('GET', `/api/reviews/${a.body.id}`)).body;
        expect([back.applicant, back.project, back.profile, Object.keys(back.figures)[0], back.params[s], back.verdicts[0].rule, back.verdicts[0].clause]).toEqual([
          s,
          `${s}#${i}`,
          s.slice(0, 40),
          s.slice(0, 100),
          s,
          s,
          s,
        ]);
        // search text is literal: the payload finds exactly the review that holds it
        const found = (await as.viewer.req('GET', `/api/reviews?q=${encodeURIComponent(`${s}#${i}`)}`)).body;
        expect(found.map((r: any) => r.id)).toEqual([a.body.id]);
        const sub = await as.planner.req('POST', `/api/reviews/${a.body.id}/submit`, { revision: 1 });
        expect((await as.reviewer.req('POST', `/api/reviews/${a.body.id}/decide`, { decision: 'rejected', note: s, revision: sub.body.revision })).body.decisionNote).toBe(s);
        const sc = await as.planner.req('POST', '/api/scenarios', { name: s, body: { [s]: s } });
        expect([sc.body.name, sc.body.body[s]]).toEqual([s, s]);
        expect((await as.admin.req('POST', '/api/data', { note: s, project: { [s]: s } })).status).toBe(201);
        expect((await as.admin.req('POST', '/api/users', { name: `${s}${i}`, role: 'viewer', password: `${s}-long-enough` })).body.name).toBe(`${s}${i}`.trim());
        expect((await new Client(srv.base).login(s, s)).status).toBe(401);
        const led = await as.planner.req('PUT', `/api/ledger/${encodeURIComponent(s)}/2030`, { done: true, note: s, department: s, revision: 0 });
        expect([led.body.target, led.body.note, led.body.department]).toEqual([s, s, s.trim()]);
        const [u] = await db.query<{ id: number }>('SELECT id FROM users WHERE name = $1', [`${s}${i}`.trim()]);
        const [d] = await db.query<{ version: number }>('SELECT max(version)::int AS version FROM data_versions');
        const n = a.body.number;
        const id = String(a.body.id);
        want.push(
          ['planner1', 'create', 'review', id, null, n],
          ['planner1', 'submit', 'review', id, `${n}@1`, `${n}@2`],
          ['reviewer1', 'decide', 'review', id, `${n}@2`, `${n}@3`],
          ['planner1', 'create', 'scenario', String(sc.body.id), null, `${sc.body.id}@1`],
          ['admin1', 'import', 'data', String(d.version), d.version > 1 ? String(d.version - 1) : null, String(d.version)],
          ['admin1', 'create', 'user', String(u.id), null, String(u.id)],
          // a failed login writes no audit row (only a throttling count)
          ['planner1', 'create', 'ledger', `${s}/2030`, null, '1'],
        );
      }
      // the wildcard characters of LIKE in a search match themselves only
      expect((await as.viewer.req('GET', `/api/reviews?q=${encodeURIComponent('%')}`)).body.every((r: any) => (r.applicant + r.project + r.number).includes('%'))).toBe(true);
      expect((await as.viewer.req('GET', '/api/reviews?status=draft%27%20OR%201%3D1')).status).toBe(400);
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0].n).toBe(users0 + evil.length);
      // the audit holds exactly those rows, payloads included byte for byte in the ledger's entity id
      const logged = await db.query<Record<string, string | null>>('SELECT user_name, action, entity, entity_id, before_id, after_id FROM audit WHERE id > $1 ORDER BY id', [last]);
      expect(logged.map((r) => [r.user_name, r.action, r.entity, r.entity_id, r.before_id, r.after_id])).toEqual(want);
    }, 120_000);

    it('oversized bodies are refused with 413 before they are read whole, and the server goes on', async () => {
      const big = { note: 'x'.repeat(300 << 10), project: {} };
      const a = await as.admin.req('POST', '/api/data', big);
      expect(a.status).toBe(413);
      const d = await newDraft();
      const pdf = new Uint8Array(65 << 10);
      pdf.set(PDF);
      expect((await as.planner.req('PUT', `/api/reviews/${d.id}/report`, pdf, { 'content-type': 'application/pdf' })).status).toBe(413);
      expect((await as.planner.req('PUT', `/api/reviews/${d.id}/report`, new TextEncoder().encode('<html>not a pdf'), { 'content-type': 'application/pdf' })).body.error).toBe(
        'not_pdf',
      );
      // a body that lies about its length (chunked, no content-length) is cut at the cap too
      const stream = new ReadableStream({
        start(ctrl) {
          for (let i = 0; i < 100; i++) ctrl.enqueue(new Uint8Array(8 << 10).fill(32));
          ctrl.close();
        },
      });
      const r = await fetch(`${srv.base}/api/scenarios`, {
        method: 'POST',
        headers: { cookie: as.planner.cookie!, 'x-csrf-token': as.planner.csrf!, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit).catch((e: Error) => e);
      if (!(r instanceof Error)) expect(r.status).toBe(413);
      expect((await as.viewer.req('GET', '/api/health')).status).toBe(200);
    });

    it('a slow client (headers a byte at a time) is cut off at the header timeout while others are served', async () => {
      const port = Number(new URL(srv.base).port);
      const sock = connect(port, '127.0.0.1');
      const closed = new Promise<number>((resolve) => sock.on('close', () => resolve(Date.now())));
      sock.on('error', () => undefined);
      const start = Date.now();
      const slow = 'GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ';
      let i = 0;
      const timer = setInterval(() => sock.writable && sock.write(slow[i++ % slow.length]), 200);
      // meanwhile a normal client is answered
      expect((await as.viewer.req('GET', '/api/reviews')).status).toBe(200);
      const end = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 10_000))]);
      clearInterval(timer);
      sock.destroy();
      expect(end).toBeGreaterThan(0);
      expect(end - start).toBeLessThan(8_000);
    }, 15_000);

    it('scenarios: a stale write is refused with 409 and the current revision; two writers from one revision — one wins', async () => {
      const s = (await as.planner.req('POST', '/api/scenarios', { name: '方案A', body: { edits: [] } })).body;
      expect([s.revision, s.author]).toEqual([1, 'planner1']);
      const other = new Client(srv.base);
      await other.login('planner1');
      const results = await Promise.all([as.planner, other].map((c, k) => c.req('PUT', `/api/scenarios/${s.id}`, { name: `方案A-${k}`, body: { edits: [k] }, revision: 1 })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const lost = results.find((r) => r.status === 409)!;
      const won = results.find((r) => r.status === 200)!;
      expect(lost.body.error).toBe('stale');
      expect(lost.body.current.revision).toBe(2);
      expect(lost.body.current.body).toEqual(won.body.body);
      expect((await as.viewer.req('GET', `/api/scenarios/${s.id}`)).body.revision).toBe(2);
      // retried on the current revision, it goes through
      expect((await as.planner.req('PUT', `/api/scenarios/${s.id}`, { name: 'merged', body: { edits: [0, 1] }, revision: 2 })).body.revision).toBe(3);
    });

    it('data versions: each import is a new version; restoring an old one makes a newer copy of it', async () => {
      const v = async (note: string, n: number): Promise<number> => (await as.admin.req('POST', '/api/data', { note, project: { version: 1, marker: n } })).body.version;
      const a = await v('first', 1);
      const b = await v('second', 2);
      expect(b).toBe(a + 1);
      expect((await as.viewer.req('GET', '/api/data/current')).body.project.marker).toBe(2);
      const r = await as.admin.req('POST', `/api/data/${a}/restore`, {});
      expect(r.body).toEqual({ version: b + 1, restoredFrom: a });
      expect((await as.viewer.req('GET', '/api/data/current')).body).toEqual({ version: b + 1, project: { version: 1, marker: 1 } });
      const list = (await as.viewer.req('GET', '/api/data')).body;
      expect(list[0]).toMatchObject({ version: b + 1, restoredFrom: a, author: 'admin1' });
      expect((await as.viewer.req('GET', `/api/data/${b}`)).body.project.marker).toBe(2);
      const audit = (await as.admin.req('GET', '/api/audit?limit=1')).body[0];
      expect(audit).toMatchObject({ user: 'admin1', action: 'restore', entity: 'data', before: String(b), after: String(b + 1) });
    });

    it('review numbers: 40 created at once get 40 distinct consecutive numbers', async () => {
      const last = async (): Promise<number> => (await db.query<{ last: number }>(`SELECT last FROM review_counters WHERE prefix = 'CA' AND year = $1`, [year]))[0]?.last ?? 0;
      const start = await last();
      const clients = await Promise.all(
        Array.from({ length: 4 }, async () => {
          const c = new Client(srv.base);
          await c.login('planner1');
          return c;
        }),
      );
      const made = await Promise.all(Array.from({ length: 40 }, (_, i) => clients[i % 4].req('POST', '/api/reviews', reviewBody({ project: `并发${i}` }))));
      expect(made.every((m) => m.status === 201)).toBe(true);
      const numbers = made.map((m) => m.body.number).sort();
      const want = Array.from({ length: 40 }, (_, i) => `CA-${year}-${String(start + 1 + i).padStart(4, '0')}`);
      expect(numbers).toEqual(want);
    }, 60_000);

    it('the register: draft → submitted → decided, only in that order; the report PDF; filters; XLSX export', async () => {
      const d = await newDraft({ applicant: '曲江置业', project: '樊川路地块' });
      expect(d).toMatchObject({ status: 'draft', fails: 1, author: 'planner1', revision: 1, decision: null });
      expect(d.number).toMatch(new RegExp(`^CA-${year}-\\d{4}$`));
      expect((await as.reviewer.req('POST', `/api/reviews/${d.id}/decide`, { decision: 'approved', note: '', revision: 1 })).body.error).toBe('not_submitted');
      const up = await as.planner.req('PUT', `/api/reviews/${d.id}/report`, PDF, { 'content-type': 'application/pdf' });
      expect(up.body).toMatchObject({ revision: 2, reportBytes: PDF.length });
      const got = (await as.viewer.req('GET', `/api/reviews/${d.id}/report`)).body as Uint8Array;
      expect(createHash('sha256').update(got).digest('hex')).toBe(createHash('sha256').update(PDF).digest('hex'));
      // a stale submit (revision 1 after the upload made it 2) is refused
      expect((await as.planner.req('POST', `/api/reviews/${d.id}/submit`, { revision: 1 })).status).toBe(409);
      const s = (await as.planner.req('POST', `/api/reviews/${d.id}/submit`, { revision: 2 })).body;
      expect(s.status).toBe('submitted');
      expect((await as.planner.req('PUT', `/api/reviews/${d.id}`, { ...reviewBody(), revision: s.revision })).body.error).toBe('not_draft');
      const dec = (await as.reviewer.req('POST', `/api/reviews/${d.id}/decide`, { decision: 'conditional', note: '补足养老用房至200平方米', revision: s.revision })).body;
      expect(dec).toMatchObject({ status: 'decided', decision: 'conditional', reviewer: 'reviewer1', decisionNote: '补足养老用房至200平方米' });
      expect((await as.planner.req('PUT', `/api/reviews/${d.id}/report`, PDF, { 'content-type': 'application/pdf' })).body.error).toBe('decided');
      expect((await as.viewer.req('GET', `/api/reviews?q=${encodeURIComponent('樊川')}`)).body.map((r: any) => r.id)).toEqual([d.id]);
      expect((await as.viewer.req('GET', `/api/reviews?status=decided&q=${encodeURIComponent('曲江')}`)).body.map((r: any) => r.number)).toEqual([d.number]);
      expect((await as.viewer.req('GET', '/api/reviews?status=unknown')).status).toBe(400);
      // the export, read back with SheetJS: header in Chinese, our row with the failed rule named
      const x = await as.viewer.req('GET', `/api/reviews.xlsx?q=${encodeURIComponent('樊川')}`);
      expect(x.headers.get('content-type')).toMatch(/spreadsheetml/);
      const book = XLSX.read(x.body, { type: 'array' });
      const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets.审查台账, { header: 1 });
      expect(rows[0].slice(0, 4)).toEqual(['审查编号', '申请单位', '项目名称', '状态']);
      expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[6], r[7], r[11], r[12], r[14]])).toEqual([
        [d.number, '曲江置业', '已审结', 1, 'ca.households', '有条件通过', 'reviewer1', '补足养老用房至200平方米'],
      ]);
      const en = XLSX.read((await as.viewer.req('GET', `/api/reviews.xlsx?lang=en&q=${encodeURIComponent('樊川')}`)).body, { type: 'array' });
      expect(XLSX.utils.sheet_to_json<string[]>(en.Sheets['Review register'], { header: 1 })[1][11]).toBe('Approved with conditions');
    });

    it('target ledger values per department: entered once, then only from the current revision', async () => {
      const put = (c: Client, body: Record<string, unknown>) => c.req('PUT', `/api/ledger/${encodeURIComponent('ak.target:托位')}/2025`, body);
      const first = await put(as.planner, { value: 4.5, note: '按常住人口', department: '卫健委', revision: 0 });
      expect(first.body).toMatchObject({ target: 'ak.target:托位', year: 2025, value: 4.5, done: null, department: '卫健委', by: 'planner1', revision: 1 });
      // a second "new" entry for the same target and year is a conflict, not an overwrite
      const again = await put(as.planner, { value: 9, department: '民政局', revision: 0 });
      expect([again.status, again.body.current.value]).toEqual([409, 4.5]);
      expect((await put(as.planner, { value: 5, department: '卫健委', revision: 1 })).body.revision).toBe(2);
      expect((await put(as.planner, { value: 6, department: '卫健委', revision: 1 })).status).toBe(409);
      expect((await put(as.planner, { department: '卫健委', revision: 2 })).status).toBe(400);
      const list = (await as.viewer.req('GET', '/api/ledger?year=2025')).body.filter((r: any) => r.target === 'ak.target:托位');
      expect(list.map((r: any) => [r.value, r.revision])).toEqual([[5, 2]]);
      expect((await as.viewer.req('GET', '/api/ledger?year=20x5')).status).toBe(400);
    });

    it('every write is in the audit log with who, what and before/after', async () => {
      const d = await newDraft();
      const s = (await as.planner.req('POST', `/api/reviews/${d.id}/submit`, { revision: 1 })).body;
      await as.reviewer.req('POST', `/api/reviews/${d.id}/decide`, { decision: 'rejected', note: 'n', revision: s.revision });
      const log = (await as.admin.req('GET', '/api/audit?limit=3')).body.reverse();
      expect(log.map((l: any) => [l.user, l.action, l.entity, l.entityId, l.before, l.after])).toEqual([
        ['planner1', 'create', 'review', String(d.id), null, d.number],
        ['planner1', 'submit', 'review', String(d.id), `${d.number}@1`, `${d.number}@2`],
        ['reviewer1', 'decide', 'review', String(d.id), `${d.number}@2`, `${d.number}@3`],
      ]);
      // and the number of audit rows per table matches the rows written (creates)
      const [{ n: reviews }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reviews');
      const [{ n: logged }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit WHERE entity = 'review' AND action = 'create'`);
      expect(logged).toBe(reviews);
    });

    it('accounts: the last enabled admin cannot be demoted or disabled; with a second admin it can', async () => {
      const db2 = await eng.open();
      const s2 = await serve(db2);
      try {
        await addUser(db2, 'boss', 'admin');
        await addUser(db2, 'deputy', 'planner');
        const c = new Client(s2.base);
        await c.login('boss');
        const [boss, deputy] = (await c.req('GET', '/api/users')).body;
        for (const patch of [{ role: 'planner' }, { disabled: true }]) {
          const a = await c.req('PATCH', `/api/users/${boss.id}`, patch);
          expect([a.status, a.body.error]).toEqual([409, 'last_admin']);
        }
        // refused: nothing changed, no audit row, the session still works
        expect((await db2.query('SELECT role, disabled FROM users WHERE id = $1', [boss.id]))[0]).toEqual({ role: 'admin', disabled: false });
        expect((await db2.query(`SELECT 1 FROM audit WHERE entity = 'user'`)).length).toBe(0);
        expect((await c.req('PATCH', `/api/users/${deputy.id}`, { role: 'admin' })).body.role).toBe('admin');
        expect((await c.req('PATCH', `/api/users/${boss.id}`, { disabled: true })).body.disabled).toBe(true);
        // that ended boss's own session; deputy is now the last admin
        expect((await c.req('GET', '/api/me')).status).toBe(401);
        const d = new Client(s2.base);
        await d.login('deputy');
        expect((await d.req('PATCH', `/api/users/${deputy.id}`, { role: 'viewer' })).body.error).toBe('last_admin');
      } finally {
        await s2.close();
        await db2.close();
      }
    }, 30_000);

    it('login throttling: after 3 failures the name is refused (429, Retry-After) even with the right password', async () => {
      const db2 = await eng.open();
      const s2 = await serve(db2, { throttleFailures: 3 });
      try {
        await addUser(db2, 'slowpoke', 'viewer');
        const c = new Client(s2.base);
        const wrong = [];
        for (let i = 0; i < 3; i++) wrong.push((await c.login('slowpoke', 'wrong-guess')).body);
        // an unknown name is answered exactly as a wrong password (no user enumeration)
        expect(wrong).toEqual(Array(3).fill((await new Client(s2.base).login('nobody-here', 'x')).body));
        expect(wrong[0].error).toBe('bad_login');
        const r = await c.login('slowpoke');
        expect(r.status).toBe(429);
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(800);
        // the address's own allowance is ten times a name's: another name still logs in
        await addUser(db2, 'colleague', 'viewer');
        expect((await new Client(s2.base).login('colleague')).status).toBe(200);
      } finally {
        await s2.close();
        await db2.close();
      }
    }, 30_000);

    it.runIf(name === 'postgres')('PostGIS reads every stored site as a valid polygon of the expected area', async () => {
      const rows = await db.query<{ ok: boolean; m2: number }>(
        `SELECT ST_IsValid(ST_GeomFromGeoJSON(site::text)) AS ok, ST_Area(ST_GeomFromGeoJSON(site::text)::geography) AS m2 FROM reviews`,
      );
      expect(rows.length).toBeGreaterThan(10);
      // a 0.002° square at 34.15°N: 222.4 m × 184.0 m ≈ 40 900 m² (by hand: 111 195 m/° × 0.002, × cos 34.15°)
      const want = 111_195 * 0.002 * (111_195 * 0.002 * Math.cos((34.151 * Math.PI) / 180));
      for (const r of rows) {
        expect(r.ok).toBe(true);
        expect(Math.abs(r.m2 - want) / want).toBeLessThan(0.005);
      }
    });
  });
}
