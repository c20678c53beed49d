// Kill the server (SIGKILL, no chance to clean up) in the middle of writes, start it again on the
// same data: every write it acknowledged is there, and nothing half-written is visible (each review
// has its audit row and a number from a gapless sequence; each scenario revision has its audit row).
// Both engines, each through the real command line: `npm run serve`'s main.ts in a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, engine, type Engine, reviewBody, runPostgres } from './harness';

const MAIN = 'src/server/main.ts';

function run(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn('node', ['--import', 'tsx', MAIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.stdin.end(input ?? '');
    p.on('close', (code) => resolve({ code, out }));
  });
}

/** Starts the server; resolves with its URL once it prints it. */
function start(args: string[], env: Record<string, string>): Promise<{ proc: ChildProcess; base: string; out: () => string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn('node', ['--import', 'tsx', MAIN, '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d: Buffer): void => {
      out += d;
      const m = /workspace on (http:\/\/[\d.]+:\d+)\//.exec(out);
      if (m) resolve({ proc, base: m[1], out: () => out });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

for (const name of ['pglite', 'postgres'] as const) {
  describe.runIf(name === 'pglite' || runPostgres)(`kill -9 in the middle of writes (${name})`, () => {
    let eng: Engine | undefined;
    const dir = mkdtempSync(join(tmpdir(), 'ws-crash-'));
    afterAll(async () => {
      await eng?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps every acknowledged write and shows no half-written one', async () => {
      eng = await engine(name);
      const env: Record<string, string> = name === 'postgres' ? { DATABASE_URL: eng.createDatabase!() } : {};
      const args = name === 'pglite' ? ['--data', join(dir, 'data'), '--prefix', 'KILL'] : ['--prefix', 'KILL'];
      // the first accounts through the command line, the password on standard input
      const made = await run([...args, '--create-user', 'planner1', '--role', 'planner'], env, 'planner1-password-1\n');
      expect(made.out).toContain('created planner planner1');
      expect((await run([...args, '--create-user', 'planner1', '--role', 'planner'], env, 'planner1-password-1\n')).code).toBe(1);
      expect((await run([...args, '--create-user', 'auditor', '--role', 'admin'], env, 'auditor-password-1\n')).code).toBe(0);

      let srv = await start(args, env);
      const c = new Client(srv.base);
      expect((await c.login('planner1')).status).toBe(200);
      const sc = (await c.req('POST', '/api/scenarios', { name: 'crash', body: { n: 0 } })).body;
      const acked = new Map<string, string>(); // review number → project
      let scenarioAcked = sc.revision as number;
      let stop = false;
      let writes = 0;
      const worker = async (w: number): Promise<void> => {
        for (let i = 0; !stop; i++) {
          try {
            if (i % 3 === 2) {
              const cur = (await c.req('GET', `/api/scenarios/${sc.id}`)).body;
              const a = await c.req('PUT', `/api/scenarios/${sc.id}`, { name: 'crash', body: { n: cur.revision, w }, revision: cur.revision });
              if (a.status === 200) scenarioAcked = Math.max(scenarioAcked, a.body.revision);
            } else {
              const project = `w${w}-${i}`;
              const a = await c.req('POST', '/api/reviews', reviewBody({ project }));
              if (a.status === 201) acked.set(a.body.number, project);
            }
            writes++;
          } catch {
            return; // the connection died with the server
          }
        }
      };
      const workers = Array.from({ length: 8 }, (_, w) => worker(w));
      // kill once a good number of writes went through, while eight more are in flight
      const giveUp = Date.now() + 90_000;
      while (writes < 120 && Date.now() < giveUp) await new Promise((r) => setTimeout(r, 20));
      srv.proc.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      expect(writes).toBeGreaterThanOrEqual(120);
      if (srv.proc.exitCode === null && srv.proc.signalCode === null) await new Promise((r) => srv.proc.once('exit', r));

      srv = await start(args, env);
      try {
        if (name === 'pglite') {
          // the embedded database is one process's: a second one is refused while the server runs
          const second = await run([...args, '--create-user', 'x', '--role', 'viewer'], env, 'x-password-12\n');
          expect([second.code, /in use by the server running as process/.test(second.out)]).toEqual([1, true]);
        }
        const c2 = new Client(srv.base);
        expect((await c2.login('planner1')).status).toBe(200);
        const list = (await c2.req('GET', '/api/reviews?q=w')).body as { number: string; project: string; id: number }[];
        const stored = new Map(list.map((r) => [r.number, r.project]));
        // nothing acknowledged is lost
        const lost = [...acked].filter(([n, p]) => stored.get(n) !== p);
        expect(lost).toEqual([]);
        expect(stored.size).toBeGreaterThanOrEqual(acked.size);
        // nothing half-written: numbers 1..N without gaps, and the counter agrees
        const seqs = [...stored.keys()].map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
        // every review and scenario revision has its audit row (written in the same transaction)
        const audit = await auditRows(srv.base);
        expect(audit.reviewCreates).toBe(stored.size);
        const now = (await c2.req('GET', `/api/scenarios/${sc.id}`)).body;
        expect(now.revision).toBeGreaterThanOrEqual(scenarioAcked);
        expect(now.body.n).toBe(now.revision - 1);
        expect(audit.scenarioUpdates).toBe(now.revision - 1);
        // and the sequence goes on from there
        const next = await c2.req('POST', '/api/reviews', reviewBody({ project: 'after restart' }));
        expect(Number(next.body.number.split('-')[2])).toBe(seqs.length + 1);
        console.log(
          `[crash ${name}] ${acked.size} reviews and scenario revision ${scenarioAcked} acknowledged before SIGKILL; after restart ${stored.size} reviews (numbers 1–${seqs.length}, no gap), scenario at revision ${now.revision}, audit rows match`,
        );
      } finally {
        srv.proc.kill('SIGTERM');
        await new Promise((r) => srv.proc.once('exit', r));
      }
    }, 300_000);
  });
}

/** Counts audit rows through the API, as the admin made at the start. */
async function auditRows(base: string): Promise<{ reviewCreates: number; scenarioUpdates: number }> {
  const admin = new Client(base);
  expect((await admin.login('auditor')).status).toBe(200);
  const rows = (await admin.req('GET', '/api/audit?limit=1000')).body as { action: string; entity: string }[];
  return {
    reviewCreates: rows.filter((r) => r.action === 'create' && r.entity === 'review').length,
    scenarioUpdates: rows.filter((r) => r.action === 'update' && r.entity === 'scenario').length,
  };
}
