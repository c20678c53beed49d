// A bounded load test on loopback, on both engines: 50 simulated users (30 planners, 10 reviewers,
// 10 viewers) for LOAD_SECONDS (default 20) mixing reads, edits of 5 shared scenarios (conflicts on
// purpose: a 409 is re-read and retried once), review creation + submission and decisions. Reports
// p50/p95 per kind and errors (5xx, network, unexpected 4xx), and counts every write against the
// database afterwards: nothing lost, nothing doubled. Figures go to tests/output/server-load-*.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth';
import type { Db } from '../../src/server/db';
import { Client, engine, type Engine, reviewBody, runPostgres, serve, type Running } from './harness';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const USERS = { planner: 30, reviewer: 10, viewer: 10 };

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}

for (const name of ['pglite', 'postgres'] as const) {
  describe.runIf(name === 'pglite' || runPostgres)(`load on ${name}`, () => {
    let eng: Engine | undefined;
    let db: Db | undefined;
    let srv: Running | undefined;
    afterAll(async () => {
      await srv?.close();
      await db?.close();
      await eng?.stop();
    });

    it(
      `${Object.values(USERS).reduce((a, b) => a + b)} users × ${SECONDS} s: no errors, no lost or doubled writes`,
      async () => {
        eng = await engine(name);
        db = await eng.open();
        srv = await serve(db);
        const hash = await hashPassword('load-password-1');
        const clients: { role: keyof typeof USERS; c: Client }[] = [];
        for (const [role, n] of Object.entries(USERS) as [keyof typeof USERS, number][]) {
          for (let i = 0; i < n; i++) {
            await db.query('INSERT INTO users (name, role, pw_hash) VALUES ($1, $2, $3)', [`${role}${i}`, role, hash]);
            const c = new Client(srv.base);
            expect((await c.login(`${role}${i}`, 'load-password-1')).status).toBe(200);
            clients.push({ role, c });
          }
        }
        const p0 = clients[0].c;
        const scenarios: number[] = [];
        for (let i = 0; i < 5; i++) scenarios.push((await p0.req('POST', '/api/scenarios', { name: `共享方案${i}`, body: { edits: [] } })).body.id);

        const lat: Record<string, number[]> = {};
        const errors: string[] = [];
        const ok = { scenarioEdits: new Map<number, number>(), reviews: new Set<string>(), submits: 0, decides: 0, conflicts: 0 };
        const timed = async (kind: string, f: () => Promise<{ status: number; body: any }>): Promise<{ status: number; body: any }> => {
          const t = performance.now();
          try {
            const a = await f();
            (lat[kind] ??= []).push(performance.now() - t);
            if (a.status >= 500 || (a.status >= 400 && a.status !== 409)) errors.push(`${kind} ${a.status} ${JSON.stringify(a.body).slice(0, 120)}`);
            return a;
          } catch (e) {
            errors.push(`${kind} ${(e as Error).message}`);
            return { status: 0, body: null };
          }
        };
        const end = Date.now() + SECONDS * 1000;
        const user = async ({ role, c }: (typeof clients)[number], k: number): Promise<void> => {
          let i = k;
          while (Date.now() < end) {
            i++;
            const r = i % 10;
            if (role === 'viewer' || r < 5) {
              await timed('read', () => c.req('GET', r % 2 ? '/api/reviews?status=submitted' : `/api/scenarios/${scenarios[i % 5]}`));
            } else if (role === 'planner' && r < 8) {
              const id = scenarios[i % 5];
              for (let attempt = 0; attempt < 2; attempt++) {
                const cur = (await timed('read', () => c.req('GET', `/api/scenarios/${id}`))).body;
                if (!cur) break;
                const a = await timed('scenario edit', () =>
                  c.req('PUT', `/api/scenarios/${id}`, { name: cur.name, body: { edits: [...((cur.body.edits as number[]) ?? []), k] }, revision: cur.revision }),
                );
                if (a.status === 200) {
                  ok.scenarioEdits.set(id, (ok.scenarioEdits.get(id) ?? 0) + 1);
                  break;
                }
                if (a.status === 409) ok.conflicts++;
              }
            } else if (role === 'planner') {
              const a = await timed('review create', () => c.req('POST', '/api/reviews', reviewBody({ project: `负载${k}-${i}` })));
              if (a.status !== 201) continue;
              ok.reviews.add(a.body.number);
              const s = await timed('review submit', () => c.req('POST', `/api/reviews/${a.body.id}/submit`, { revision: a.body.revision }));
              if (s.status === 200) ok.submits++;
            } else {
              const list = (await timed('read', () => c.req('GET', '/api/reviews?status=submitted'))).body;
              const pick = Array.isArray(list) && list.length ? list[(i * 7) % list.length] : undefined;
              if (!pick) continue;
              const d = await timed('review decide', () => c.req('POST', `/api/reviews/${pick.id}/decide`, { decision: 'approved', note: '', revision: pick.revision }));
              if (d.status === 200) ok.decides++;
              else if (d.status === 409) ok.conflicts++;
            }
          }
        };
        const t0 = Date.now();
        await Promise.all(clients.map((u, k) => user(u, k)));
        const wall = (Date.now() - t0) / 1000;

        // count against the database
        const count = async (sql: string, p: unknown[] = []): Promise<number> => (await db!.query<{ n: number }>(sql, p))[0].n;
        const revisions = await db.query<{ id: number; revision: number; edits: number }>(`SELECT id, revision, jsonb_array_length(body->'edits') AS edits FROM scenarios`);
        for (const s of revisions) {
          // each acknowledged edit appended one entry and raised the revision by one
          expect(s.revision - 1).toBe(ok.scenarioEdits.get(s.id) ?? 0);
          expect(s.edits).toBe(s.revision - 1);
        }
        const numbers = (await db.query<{ number: string }>('SELECT number FROM reviews')).map((r) => r.number);
        expect(new Set(numbers).size).toBe(numbers.length);
        expect(numbers.sort()).toEqual([...ok.reviews].sort());
        expect(await count(`SELECT count(*)::int AS n FROM reviews WHERE status <> 'draft'`)).toBe(ok.submits);
        expect(await count(`SELECT count(*)::int AS n FROM reviews WHERE status = 'decided'`)).toBe(ok.decides);
        expect(await count(`SELECT count(*)::int AS n FROM audit WHERE entity = 'review' AND action = 'create'`)).toBe(ok.reviews.size);
        expect(await count(`SELECT count(*)::int AS n FROM audit WHERE entity = 'scenario' AND action = 'update'`)).toBe([...ok.scenarioEdits.values()].reduce((a, b) => a + b, 0));
        expect(errors.slice(0, 5)).toEqual([]);

        const all = Object.values(lat).flat();
        const report = {
          engine: name,
          users: clients.length,
          seconds: Math.round(wall),
          requests: all.length,
          perSecond: Math.round(all.length / wall),
          errors: errors.length,
          conflicts409: ok.conflicts,
          writes: { scenarioEdits: [...ok.scenarioEdits.values()].reduce((a, b) => a + b, 0), reviews: ok.reviews.size, submits: ok.submits, decides: ok.decides },
          latencyMs: Object.fromEntries(Object.entries(lat).map(([k, v]) => [k, { n: v.length, p50: Math.round(pct(v, 50)), p95: Math.round(pct(v, 95)) }])),
          all: { p50: Math.round(pct(all, 50)), p95: Math.round(pct(all, 95)) },
        };
        mkdirSync('tests/output', { recursive: true });
        writeFileSync(`tests/output/server-load-${name}.json`, JSON.stringify(report, null, 2));
        console.log(`[load ${name}] ${JSON.stringify(report)}`);
        expect(ok.reviews.size).toBeGreaterThan(0);
        expect(ok.decides).toBeGreaterThan(0);
      },
      (SECONDS + 90) * 1000,
    );
  });
}
