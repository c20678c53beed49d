// Every route of the workspace API with the roles allowed to call it (docs/server.md lists them).
// A route's roles are checked before its handler runs; every write runs in one transaction with
// its audit row, so the record and the log of it commit together or not at all.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import {
  zDataImport,
  zDecide,
  zLogin,
  zNewUser,
  zReviewFilter,
  zReviewUpdate,
  zReviewWrite,
  zScenarioUpdate,
  zScenarioWrite,
  zSubmit,
  zUserPatch,
  zLedgerWrite,
  type LedgerRow,
  type Role,
  type Scenario,
  type User,
} from '../schemas/workspace';
import { checkLogin, createSession, dropSession, hashPassword, type SessionRow, throttled } from './auth';
import type { Db, Queryable } from './db';
import { HttpError, readBody, readJson, Router, sendBytes, sendJson } from './http';
import { nextNumber, REVIEW_COLUMNS, REVIEW_FROM, REVIEW_FULL, registerXlsx, toReview, toSummary } from './reviews';

export interface Limits {
  /** JSON bodies (scenarios, reviews, users) */
  json: number;
  /** a baseline data import (a whole project file) */
  data: number;
  /** a review's report PDF */
  pdf: number;
}

export const DEFAULT_LIMITS: Limits = { json: 1 << 20, data: 64 << 20, pdf: 10 << 20 };

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  db: Db;
  ip: string;
  session?: SessionRow;
  /** the cookie's raw token (to drop the old session at login) */
  token?: string;
  setSession(token: string | null): void;
  limits: Limits;
  prefix: string;
  throttle: { failures: number };
}

/** 'public': no session needed; otherwise the roles allowed. */
export type Access = 'public' | readonly Role[];
const ALL: readonly Role[] = ['admin', 'planner', 'reviewer', 'viewer'];

export interface RouteSpec {
  spec: string;
  access: Access;
  handler: (ctx: Ctx, p: Record<string, string>) => Promise<void>;
}

const user = (ctx: Ctx): User => {
  if (!ctx.session) throw new HttpError(401, 'login', 'log in first');
  return ctx.session.user;
};

async function audit(
  q: Queryable,
  u: User,
  action: string,
  entity: string,
  id: string | number | null,
  before: string | number | null,
  after: string | number | null,
): Promise<void> {
  await q.query('INSERT INTO audit (user_id, user_name, action, entity, entity_id, before_id, after_id) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    u.id,
    u.name,
    action,
    entity,
    id == null ? null : String(id),
    before == null ? null : String(before),
    after == null ? null : String(after),
  ]);
}

const intParam = (s: string, what: string): number => {
  if (!/^\d{1,9}$/.test(s)) throw new HttpError(404, 'not_found', `no ${what} ${JSON.stringify(s.slice(0, 40))}`);
  return Number(s);
};

const iso = (d: unknown): string => new Date(d as string).toISOString();

const SCENARIO_SELECT = `SELECT s.id, s.name, s.revision, s.base_version, s.body, s.updated_at, a.name AS author, u.name AS updated_by
  FROM scenarios s JOIN users a ON a.id = s.author_id JOIN users u ON u.id = s.updated_by`;

function toScenario(r: Record<string, unknown>): Scenario {
  return {
    id: Number(r.id),
    name: String(r.name),
    author: String(r.author),
    revision: Number(r.revision),
    baseVersion: r.base_version == null ? null : Number(r.base_version),
    updatedBy: String(r.updated_by),
    updatedAt: iso(r.updated_at),
    body: r.body as Scenario['body'],
  };
}

async function oneScenario(q: Queryable, id: number): Promise<Scenario> {
  const rows = await q.query(`${SCENARIO_SELECT} WHERE s.id = $1`, [id]);
  if (!rows[0]) throw new HttpError(404, 'not_found', `no scenario ${id}`);
  return toScenario(rows[0]);
}

async function oneReview(q: Queryable, id: number, lock = false): Promise<Review> {
  const rows = await q.query(`SELECT ${REVIEW_FULL} FROM ${REVIEW_FROM} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`, [id]);
  if (!rows[0]) throw new HttpError(404, 'not_found', `no review ${id}`);
  return toReview(rows[0]);
}

type Review = ReturnType<typeof toReview>;

/** One change to a review: lock its row, let `step` check its state and write, log it as
 *  number@revision → number@revision+1 in the same transaction, and answer with the new record.
 *  `before` runs first (inside the transaction) for checks that must precede the lookup. */
async function reviewStep(ctx: Ctx, id: number, action: string, step: (q: Queryable, cur: Review) => Promise<void>, before?: (q: Queryable) => Promise<void>): Promise<void> {
  const u = user(ctx);
  const review = await ctx.db.tx(async (q) => {
    await before?.(q);
    const cur = await oneReview(q, id, true);
    await step(q, cur);
    await audit(q, u, action, 'review', id, `${cur.number}@${cur.revision}`, `${cur.number}@${cur.revision + 1}`);
    return oneReview(q, id);
  });
  sendJson(ctx.res, 200, review);
}

/** A write applies only to the revision the user started from. */
function sameRevision(cur: Review, revision: number, verb: string): void {
  if (cur.revision !== revision) throw new HttpError(409, 'stale', `review ${cur.number} is at revision ${cur.revision}; you ${verb} revision ${revision}`, cur);
}

/** The review fields a planner writes, in the order the INSERT and UPDATE below bind them. */
function reviewFields(body: z.infer<typeof zReviewUpdate> | z.infer<typeof zReviewWrite>): unknown[] {
  return [
    body.applicant,
    body.project,
    JSON.stringify(body.site),
    JSON.stringify(body.figures),
    body.profile,
    JSON.stringify(body.params),
    body.dataVersion,
    JSON.stringify(body.verdicts),
    fails(body.verdicts),
  ];
}

/** The newest data version (null before the first import): the "before" of an import's audit row. */
async function latestDataVersion(q: Queryable): Promise<number | null> {
  const [prev] = await q.query<{ v: number | null }>('SELECT max(version) AS v FROM data_versions');
  return prev?.v ?? null;
}

async function checkDataVersion(q: Queryable, v: number | null): Promise<void> {
  if (v == null) return;
  const rows = await q.query('SELECT 1 FROM data_versions WHERE version = $1', [v]);
  if (!rows[0]) throw new HttpError(400, 'invalid', `dataVersion ${v}: no such data version`);
}

const userRow = (r: Record<string, unknown>): User => ({ id: Number(r.id), name: String(r.name), role: r.role as Role, disabled: Boolean(r.disabled) });

export const ROUTES: RouteSpec[] = [
  {
    spec: 'GET /api/health',
    access: 'public',
    handler: async (ctx) => {
      const [{ version }] = await ctx.db.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM schema_migrations');
      sendJson(ctx.res, 200, { ok: true, db: ctx.db.kind, schema: version });
    },
  },
  // ── sessions ──
  {
    spec: 'POST /api/login',
    access: 'public',
    handler: async (ctx) => {
      const body = await readJson(ctx.req, zLogin, ctx.limits.json);
      const wait = await throttled(ctx.db, body.name, ctx.ip, ctx.throttle.failures);
      if (wait > 0) throw new HttpError(429, 'throttled', `too many failed logins; try again in ${wait} s`, undefined, { 'Retry-After': String(wait) });
      const u = await checkLogin(ctx.db, body.name, body.password, ctx.ip);
      if (!u) throw new HttpError(401, 'bad_login', 'wrong name or password');
      // a fresh session every login; the one the browser came with (if any) is dropped: no fixation
      const s = await ctx.db.tx(async (q) => {
        await dropSession(q, ctx.token);
        const s = await createSession(q, u.id);
        await audit(q, u, 'login', 'session', null, null, null);
        return s;
      });
      ctx.setSession(s.token);
      sendJson(ctx.res, 200, { user: u, csrf: s.csrf });
    },
  },
  {
    spec: 'POST /api/logout',
    access: ALL,
    handler: async (ctx) => {
      await dropSession(ctx.db, ctx.token);
      ctx.setSession(null);
      sendJson(ctx.res, 200, { ok: true });
    },
  },
  {
    spec: 'GET /api/me',
    access: ALL,
    handler: async (ctx) => sendJson(ctx.res, 200, { user: user(ctx), csrf: ctx.session?.csrf }),
  },
  // ── users (admin) ──
  {
    spec: 'GET /api/users',
    access: ['admin'],
    handler: async (ctx) => sendJson(ctx.res, 200, (await ctx.db.query('SELECT id, name, role, disabled FROM users ORDER BY id')).map(userRow)),
  },
  {
    spec: 'POST /api/users',
    access: ['admin'],
    handler: async (ctx) => {
      const body = await readJson(ctx.req, zNewUser, ctx.limits.json);
      const hash = await hashPassword(body.password);
      const row = await ctx.db.tx(async (q) => {
        if ((await q.query('SELECT 1 FROM users WHERE name = $1', [body.name]))[0]) throw new HttpError(409, 'exists', `a user named ${JSON.stringify(body.name)} exists`);
        const [r] = await q.query('INSERT INTO users (name, role, pw_hash) VALUES ($1, $2, $3) RETURNING id, name, role, disabled', [body.name, body.role, hash]);
        await audit(q, user(ctx), 'create', 'user', Number(r.id), null, Number(r.id));
        return r;
      });
      sendJson(ctx.res, 201, userRow(row));
    },
  },
  {
    spec: 'PATCH /api/users/:id',
    access: ['admin'],
    handler: async (ctx, p) => {
      const id = intParam(p.id, 'user');
      const body = await readJson(ctx.req, zUserPatch, ctx.limits.json);
      const hash = body.password ? await hashPassword(body.password) : null;
      const row = await ctx.db.tx(async (q) => {
        // the admins' rows locked first: two admins demoting each other at once cannot both pass the check below
        await q.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE`);
        const [r] = await q.query(
          'UPDATE users SET role = coalesce($2, role), disabled = coalesce($3, disabled), pw_hash = coalesce($4, pw_hash) WHERE id = $1 RETURNING id, name, role, disabled',
          [id, body.role ?? null, body.disabled ?? null, hash],
        );
        if (!r) throw new HttpError(404, 'not_found', `no user ${id}`);
        // a workspace always keeps one enabled admin (nobody could manage the accounts otherwise)
        const [{ n }] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled`);
        if (n === 0) throw new HttpError(409, 'last_admin', `${r.name} is the last enabled admin: make another user admin first`);
        // a changed role, password or a disabled account ends that user's sessions
        await q.query('DELETE FROM sessions WHERE user_id = $1', [id]);
        await audit(q, user(ctx), 'update', 'user', id, id, id);
        return r;
      });
      sendJson(ctx.res, 200, userRow(row));
    },
  },
  {
    spec: 'GET /api/audit',
    access: ['admin'],
    handler: async (ctx) => {
      const limit = Math.min(1000, Math.max(1, Number(ctx.url.searchParams.get('limit') ?? 200) || 200));
      const rows = await ctx.db.query('SELECT id, at, user_name, action, entity, entity_id, before_id, after_id FROM audit ORDER BY id DESC LIMIT $1', [limit]);
      sendJson(
        ctx.res,
        200,
        rows.map((r) => ({ id: r.id, at: iso(r.at), user: r.user_name, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before_id, after: r.after_id })),
      );
    },
  },
  // ── baseline data versions ──
  {
    spec: 'GET /api/data',
    access: ALL,
    handler: async (ctx) => {
      const rows = await ctx.db.query(
        'SELECT d.version, d.note, d.created_at, d.restored_from, d.bytes, u.name AS author FROM data_versions d JOIN users u ON u.id = d.author_id ORDER BY d.version DESC',
      );
      sendJson(
        ctx.res,
        200,
        rows.map((r) => ({
          version: Number(r.version),
          note: r.note,
          author: r.author,
          createdAt: iso(r.created_at),
          restoredFrom: r.restored_from == null ? null : Number(r.restored_from),
          bytes: Number(r.bytes),
        })),
      );
    },
  },
  {
    spec: 'GET /api/data/:version',
    access: ALL,
    handler: async (ctx, p) => {
      const sql =
        p.version === 'current' ? 'SELECT version, project FROM data_versions ORDER BY version DESC LIMIT 1' : 'SELECT version, project FROM data_versions WHERE version = $1';
      const rows = await ctx.db.query(sql, p.version === 'current' ? [] : [intParam(p.version, 'data version')]);
      if (!rows[0]) throw new HttpError(404, 'not_found', p.version === 'current' ? 'no data imported yet' : `no data version ${p.version}`);
      sendJson(ctx.res, 200, { version: Number(rows[0].version), project: rows[0].project });
    },
  },
  {
    spec: 'POST /api/data',
    access: ['admin'],
    handler: async (ctx) => {
      const body = await readJson(ctx.req, zDataImport, ctx.limits.data);
      const bytes = Buffer.byteLength(JSON.stringify(body.project));
      const version = await ctx.db.tx(async (q) => {
        const prev = await latestDataVersion(q);
        const [r] = await q.query<{ version: number }>('INSERT INTO data_versions (note, author_id, project, bytes) VALUES ($1, $2, $3::text::jsonb, $4) RETURNING version', [
          body.note,
          user(ctx).id,
          JSON.stringify(body.project),
          bytes,
        ]);
        await audit(q, user(ctx), 'import', 'data', r.version, prev, r.version);
        return r.version;
      });
      sendJson(ctx.res, 201, { version });
    },
  },
  {
    spec: 'POST /api/data/:version/restore',
    access: ['admin'],
    handler: async (ctx, p) => {
      const from = intParam(p.version, 'data version');
      const version = await ctx.db.tx(async (q) => {
        const prev = await latestDataVersion(q);
        // restoring makes a new version with the old content: history is never rewritten
        const [r] = await q.query<{ version: number }>(
          `INSERT INTO data_versions (note, author_id, project, bytes, restored_from) SELECT note, $2, project, bytes, version FROM data_versions WHERE version = $1 RETURNING version`,
          [from, user(ctx).id],
        );
        if (!r) throw new HttpError(404, 'not_found', `no data version ${from}`);
        await audit(q, user(ctx), 'restore', 'data', r.version, prev, r.version);
        return r.version;
      });
      sendJson(ctx.res, 201, { version, restoredFrom: from });
    },
  },
  // ── scenarios ──
  {
    spec: 'GET /api/scenarios',
    access: ALL,
    handler: async (ctx) => sendJson(ctx.res, 200, (await ctx.db.query(`${SCENARIO_SELECT} ORDER BY s.id`)).map(toScenario)),
  },
  {
    spec: 'GET /api/scenarios/:id',
    access: ALL,
    handler: async (ctx, p) => sendJson(ctx.res, 200, await oneScenario(ctx.db, intParam(p.id, 'scenario'))),
  },
  {
    spec: 'POST /api/scenarios',
    access: ['planner'],
    handler: async (ctx) => {
      const body = await readJson(ctx.req, zScenarioWrite, ctx.limits.json);
      const u = user(ctx);
      const s = await ctx.db.tx(async (q) => {
        await checkDataVersion(q, body.baseVersion);
        const [r] = await q.query<{ id: number }>('INSERT INTO scenarios (name, author_id, base_version, body, updated_by) VALUES ($1, $2, $3, $4::text::jsonb, $2) RETURNING id', [
          body.name,
          u.id,
          body.baseVersion,
          JSON.stringify(body.body),
        ]);
        await audit(q, u, 'create', 'scenario', r.id, null, `${r.id}@1`);
        return oneScenario(q, r.id);
      });
      sendJson(ctx.res, 201, s);
    },
  },
  {
    spec: 'PUT /api/scenarios/:id',
    access: ['planner'],
    handler: async (ctx, p) => {
      const id = intParam(p.id, 'scenario');
      const body = await readJson(ctx.req, zScenarioUpdate, ctx.limits.json);
      const u = user(ctx);
      const s = await ctx.db.tx(async (q) => {
        await checkDataVersion(q, body.baseVersion);
        // the write applies only to the revision the editor started from
        const [r] = await q.query<{ id: number }>(
          'UPDATE scenarios SET name = $3, body = $4::text::jsonb, base_version = $5, revision = revision + 1, updated_by = $6, updated_at = now() WHERE id = $1 AND revision = $2 RETURNING id',
          [id, body.revision, body.name, JSON.stringify(body.body), body.baseVersion, u.id],
        );
        if (!r) {
          const current = await oneScenario(q, id);
          throw new HttpError(409, 'stale', `scenario ${id} is at revision ${current.revision} (by ${current.updatedBy}); you edited revision ${body.revision}`, current);
        }
        await audit(q, u, 'update', 'scenario', id, `${id}@${body.revision}`, `${id}@${body.revision + 1}`);
        return oneScenario(q, id);
      });
      sendJson(ctx.res, 200, s);
    },
  },
  // ── the review register ──
  {
    spec: 'GET /api/reviews',
    access: ALL,
    handler: async (ctx) => {
      const { where, params } = filterSql(ctx.url);
      const rows = await ctx.db.query(`SELECT ${REVIEW_COLUMNS} FROM ${REVIEW_FROM} ${where} ORDER BY r.year DESC, r.seq DESC LIMIT 1000`, params);
      sendJson(ctx.res, 200, rows.map(toSummary));
    },
  },
  {
    spec: 'GET /api/reviews.xlsx',
    access: ALL,
    handler: async (ctx) => {
      const { where, params } = filterSql(ctx.url);
      const rows = await ctx.db.query(`SELECT ${REVIEW_FULL} FROM ${REVIEW_FROM} ${where} ORDER BY r.year, r.seq`, params);
      const lang = ctx.url.searchParams.get('lang') === 'en' ? 'en' : 'zh';
      sendBytes(ctx.res, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', registerXlsx(rows.map(toReview), lang), {
        'Content-Disposition': `attachment; filename="reviews.xlsx"; filename*=UTF-8''${encodeURIComponent(lang === 'en' ? 'review-register.xlsx' : '审查台账.xlsx')}`,
      });
    },
  },
  {
    spec: 'GET /api/reviews/:id',
    access: ALL,
    handler: async (ctx, p) => sendJson(ctx.res, 200, await oneReview(ctx.db, intParam(p.id, 'review'))),
  },
  {
    spec: 'POST /api/reviews',
    access: ['planner'],
    handler: async (ctx) => {
      const body = await readJson(ctx.req, zReviewWrite, ctx.limits.json);
      const u = user(ctx);
      const review = await ctx.db.tx(async (q) => {
        await checkDataVersion(q, body.dataVersion);
        const n = await nextNumber(q, ctx.prefix);
        const [r] = await q.query<{ id: number }>(
          `INSERT INTO reviews (number, year, seq, applicant, project, site, figures, profile, params, data_version, verdicts, fails, author_id)
           VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8, $9::text::jsonb, $10, $11::text::jsonb, $12, $13) RETURNING id`,
          [n.number, n.year, n.seq, ...reviewFields(body), u.id],
        );
        await audit(q, u, 'create', 'review', r.id, null, n.number);
        return oneReview(q, r.id);
      });
      sendJson(ctx.res, 201, review);
    },
  },
  {
    spec: 'PUT /api/reviews/:id',
    access: ['planner'],
    handler: async (ctx, p) => {
      const id = intParam(p.id, 'review');
      const body = await readJson(ctx.req, zReviewUpdate, ctx.limits.json);
      await reviewStep(
        ctx,
        id,
        'update',
        async (q, cur) => {
          if (cur.status !== 'draft') throw new HttpError(409, 'not_draft', `review ${cur.number} is ${cur.status}; only a draft can be changed`, cur);
          sameRevision(cur, body.revision, 'edited');
          await q.query(
            `UPDATE reviews SET applicant = $2, project = $3, site = $4::text::jsonb, figures = $5::text::jsonb, profile = $6, params = $7::text::jsonb, data_version = $8, verdicts = $9::text::jsonb, fails = $10, revision = revision + 1 WHERE id = $1`,
            [id, ...reviewFields(body)],
          );
        },
        (q) => checkDataVersion(q, body.dataVersion),
      );
    },
  },
  {
    spec: 'PUT /api/reviews/:id/report',
    access: ['planner'],
    handler: async (ctx, p) => {
      const id = intParam(p.id, 'review');
      if (String(ctx.req.headers['content-type'] ?? '') !== 'application/pdf') throw new HttpError(415, 'not_pdf', 'send the report as application/pdf');
      const bytes = await readBody(ctx.req, ctx.limits.pdf);
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new HttpError(400, 'not_pdf', 'the report is not a PDF file (it does not start with %PDF-)');
      await reviewStep(ctx, id, 'report', async (q, cur) => {
        if (cur.status === 'decided') throw new HttpError(409, 'decided', `review ${cur.number} is decided; its report can no longer change`, cur);
        await q.query('UPDATE reviews SET report = $2, report_bytes = $3, revision = revision + 1 WHERE id = $1', [id, bytes, bytes.length]);
      });
    },
  },
  {
    spec: 'GET /api/reviews/:id/report',
    access: ALL,
    handler: async (ctx, p) => {
      const id = intParam(p.id, 'review');
      const rows = await ctx.db.query<{ number: string; report: Uint8Array | null }>('SELECT number, report FROM reviews WHERE id = $1', [id]);
      if (!rows[0]?.report) throw new HttpError(404, 'not_found', rows[0] ? `review ${rows[0].number} has no report` : `no review ${id}`);
      sendBytes(ctx.res, 'application/pdf', rows[0].report, { 'Content-Disposition': `attachment; filename="${rows[0].number.replace(/[^\w.-]/g, '_')}.pdf"` });
    },
  },
  {
    spec: 'POST /api/reviews/:id/submit',
    access: ['planner'],
    handler: async (ctx, p) => {
      const id = intParam(p.id, 'review');
      const body = await readJson(ctx.req, zSubmit, ctx.limits.json);
      await reviewStep(ctx, id, 'submit', async (q, cur) => {
        if (cur.status !== 'draft') throw new HttpError(409, 'not_draft', `review ${cur.number} is already ${cur.status}`, cur);
        sameRevision(cur, body.revision, 'submitted');
        await q.query(`UPDATE reviews SET status = 'submitted', submitted_at = now(), revision = revision + 1 WHERE id = $1`, [id]);
      });
    },
  },
  {
    spec: 'POST /api/reviews/:id/decide',
    access: ['reviewer'],
    handler: async (ctx, p) => {
      const id = intParam(p.id, 'review');
      const body = await readJson(ctx.req, zDecide, ctx.limits.json);
      await reviewStep(ctx, id, 'decide', async (q, cur) => {
        if (cur.status !== 'submitted') throw new HttpError(409, 'not_submitted', `review ${cur.number} is ${cur.status}; only a submitted review can be decided`, cur);
        sameRevision(cur, body.revision, 'read');
        await q.query(`UPDATE reviews SET status = 'decided', decision = $2, decision_note = $3, reviewer_id = $4, decided_at = now(), revision = revision + 1 WHERE id = $1`, [
          id,
          body.decision,
          body.note,
          user(ctx).id,
        ]);
      });
    },
  },
  // ── target ledger values per department ──
  {
    spec: 'GET /api/ledger',
    access: ALL,
    handler: async (ctx) => {
      const y = ctx.url.searchParams.get('year');
      if (y !== null && !/^\d{4}$/.test(y)) throw new HttpError(400, 'invalid', `year: ${JSON.stringify(y.slice(0, 20))} is not a year`);
      const rows = await ctx.db.query(`${LEDGER_SELECT}${y ? ' WHERE l.year = $1' : ''} ORDER BY l.target, l.year`, y ? [Number(y)] : []);
      sendJson(ctx.res, 200, rows.map(toLedger));
    },
  },
  {
    spec: 'PUT /api/ledger/:target/:year',
    access: ['planner'],
    handler: async (ctx, p) => {
      const year = intParam(p.year, 'year');
      if (p.target.length > 200) throw new HttpError(400, 'invalid', 'target: at most 200 characters');
      const body = await readJson(ctx.req, zLedgerWrite, ctx.limits.json);
      const u = user(ctx);
      const row = await ctx.db.tx(async (q) => {
        // revision 0 creates; any other revision must be the current one (a stale write is refused)
        const done =
          body.revision === 0
            ? await q.query(
                'INSERT INTO ledger_entries (target, year, value, done, note, department, author_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (target, year) DO NOTHING RETURNING revision',
                [p.target, year, body.value, body.done, body.note, body.department, u.id],
              )
            : await q.query(
                'UPDATE ledger_entries SET value = $3, done = $4, note = $5, department = $6, author_id = $7, revision = revision + 1, at = now() WHERE target = $1 AND year = $2 AND revision = $8 RETURNING revision',
                [p.target, year, body.value, body.done, body.note, body.department, u.id, body.revision],
              );
        const [cur] = await q.query(`${LEDGER_SELECT} WHERE l.target = $1 AND l.year = $2`, [p.target, year]);
        if (!done[0]) {
          if (!cur) throw new HttpError(404, 'not_found', `no ledger value for ${p.target} in ${year} (send revision 0 to enter one)`);
          const c = toLedger(cur);
          throw new HttpError(409, 'stale', `${p.target} ${year} is at revision ${c.revision} (by ${c.by}, ${c.department}); you edited revision ${body.revision}`, c);
        }
        await audit(q, u, body.revision === 0 ? 'create' : 'update', 'ledger', `${p.target}/${year}`, body.revision || null, body.revision + 1);
        return toLedger(cur);
      });
      sendJson(ctx.res, 200, row);
    },
  },
];

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const LEDGER_SELECT = 'SELECT l.target, l.year, l.value, l.done, l.note, l.department, l.revision, l.at, u.name AS by FROM ledger_entries l JOIN users u ON u.id = l.author_id';

function toLedger(r: Record<string, unknown>): LedgerRow {
  return {
    target: String(r.target),
    year: Number(r.year),
    value: r.value == null ? null : Number(r.value),
    done: r.done == null ? null : Boolean(r.done),
    note: String(r.note),
    department: String(r.department),
    by: String(r.by),
    at: iso(r.at),
    revision: Number(r.revision),
  };
}

const fails = (v: { verdict: string }[]): number => v.filter((x) => x.verdict === 'fail').length;

function parseFilter(url: URL): z.infer<typeof zReviewFilter> {
  const raw = Object.fromEntries([...url.searchParams].filter(([k]) => k === 'status' || k === 'q' || k === 'year'));
  const r = zReviewFilter.safeParse(raw);
  if (!r.success) throw new HttpError(400, 'invalid', `${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`);
  return r.data;
}

/** The register's filters from the query string, as bound parameters only: the search text never becomes SQL. */
function filterSql(url: URL): { where: string; params: unknown[] } {
  const f = parseFilter(url);
  const cond: string[] = [];
  const params: unknown[] = [];
  if (f.status) cond.push(`r.status = $${params.push(f.status)}`);
  if (f.year) cond.push(`r.year = $${params.push(f.year)}`);
  if (f.q) {
    // LIKE's own wildcards in the search text are matched literally
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const i = params.push(like);
    cond.push(`(r.number ILIKE $${i} OR r.applicant ILIKE $${i} OR r.project ILIKE $${i})`);
  }
  return { where: cond.length ? `WHERE ${cond.join(' AND ')}` : '', params };
}

export function buildRouter(): Router<Ctx> {
  const router = new Router<Ctx>();
  for (const r of ROUTES)
    router.add(r.spec, async (ctx, p) => {
      if (r.access !== 'public') {
        if (!ctx.session) throw new HttpError(401, 'login', 'log in first');
        // every write carries the session's CSRF token in a header a cross-site form cannot set
        if (ctx.req.method !== 'GET' && !sameToken(String(ctx.req.headers['x-csrf-token'] ?? ''), ctx.session.csrf))
          throw new HttpError(403, 'csrf', 'missing or wrong X-CSRF-Token header (GET /api/me gives it)');
        if (!r.access.includes(ctx.session.user.role)) throw new HttpError(403, 'forbidden', `${r.spec} needs the role ${r.access.join(' or ')}; you are ${ctx.session.user.role}`);
      }
      await r.handler(ctx, p);
    });
  return router;
}
