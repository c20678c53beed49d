// The app's side of the team workspace (docs/server.md): a typed client of the server's API (answers
// read through the shared Zod schemas), the review record made from a site check, and the outbox —
// reviews saved while the server could not be reached, kept in the browser until they are uploaded.
// Nothing here merges: an outbox entry becomes a new review with its own number when uploaded.
import type { z } from 'zod';
import type { SiteArea, SiteCheck } from '../core/site';
import {
  zApiError,
  zDataVersion,
  zLedgerRow,
  zReview,
  zReviewSummary,
  zScenario,
  zSession,
  zUser,
  type DataVersion,
  type LedgerRow as ServerLedgerRow,
  type Review,
  type ReviewSummary,
  type ReviewWrite,
  type Role,
  type Scenario as SharedScenario,
  type Session,
  type User,
} from '../schemas/workspace';
import { z as zod } from 'zod';
import type { KeyValue } from './persist';

// what the page's workspace panel needs of the API schemas, through this module (ui imports state)
export { DECISIONS, REVIEW_STATUSES, ROLES } from '../schemas/workspace';
export type { DataVersion, Review, ReviewSummary, ReviewWrite, Role, Session, User } from '../schemas/workspace';
export type { SharedScenario, ServerLedgerRow };

export type Decision = 'approved' | 'conditional' | 'rejected';
/** what the app sends to save a scenario (the scenario file of src/core/scenario/file.ts as body) */
export interface ScenarioWrite {
  name: string;
  body: Record<string, unknown>;
  baseVersion: number | null;
}
export interface LedgerWrite {
  value: number | null;
  done: boolean | null;
  note: string;
  department: string;
  /** 0 = a new entry */
  revision: number;
}

export type Outcome<T> =
  | { ok: true; value: T }
  /** the server could not be reached (network down, server stopped) */
  | { ok: false; offline: true; message: string }
  | { ok: false; offline: false; status: number; error: string; message: string; current?: unknown };

export class WorkspaceClient {
  csrf = '';
  constructor(
    readonly base: string,
    private readonly f: typeof fetch = (...a) => fetch(...a),
  ) {}

  async call<T>(method: string, path: string, schema: z.ZodType<T> | null, body?: unknown): Promise<Outcome<T>> {
    let r: Response;
    try {
      r = await this.f(new URL(path, this.base).href, {
        method,
        credentials: 'same-origin',
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      return { ok: false, offline: true, message: (e as Error).message };
    }
    const json: unknown = await r.json().catch(() => null);
    if (!r.ok) {
      // a gateway's 502/503/504 without our error shape means the workspace is not there
      const err = zApiError.safeParse(json);
      if (!err.success)
        return r.status >= 500
          ? { ok: false, offline: true, message: `HTTP ${r.status}` }
          : { ok: false, offline: false, status: r.status, error: 'http', message: `HTTP ${r.status}` };
      return { ok: false, offline: false, status: r.status, ...err.data };
    }
    if (!schema) return { ok: true, value: json as T };
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, offline: false, status: r.status, error: 'answer', message: `unexpected answer from ${path}: ${parsed.error.issues[0]?.message}` };
  }

  async login(name: string, password: string): Promise<Outcome<Session>> {
    const r = await this.call('POST', '/api/login', zSession, { name, password });
    if (r.ok) this.csrf = r.value.csrf;
    return r;
  }
  async me(): Promise<Outcome<Session>> {
    const r = await this.call('GET', '/api/me', zSession);
    if (r.ok) this.csrf = r.value.csrf;
    return r;
  }
  logout = (): Promise<Outcome<unknown>> => this.call('POST', '/api/logout', null, {});
  /** the report PDF of a review (the printed site-check report saved as PDF) */
  async uploadReport(r: { id: number }, pdf: ArrayBuffer): Promise<Outcome<Review>> {
    let res: Response;
    try {
      res = await this.f(new URL(`/api/reviews/${r.id}/report`, this.base).href, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/pdf', 'x-csrf-token': this.csrf },
        body: pdf,
      });
    } catch (e) {
      return { ok: false, offline: true, message: (e as Error).message };
    }
    const json: unknown = await res.json().catch(() => null);
    const ok = zReview.safeParse(json);
    if (res.ok && ok.success) return { ok: true, value: ok.data };
    const err = zApiError.safeParse(json);
    return { ok: false, offline: false, status: res.status, error: err.success ? err.data.error : 'http', message: err.success ? err.data.message : `HTTP ${res.status}` };
  }
  reviews = (status = ''): Promise<Outcome<ReviewSummary[]>> => this.call('GET', `/api/reviews${status ? `?status=${encodeURIComponent(status)}` : ''}`, zReviewSummary.array());
  review = (id: number): Promise<Outcome<Review>> => this.call('GET', `/api/reviews/${id}`, zReview);
  createReview = (body: ReviewWrite): Promise<Outcome<Review>> => this.call('POST', '/api/reviews', zReview, body);
  updateReview = (r: { id: number; revision: number }, body: ReviewWrite): Promise<Outcome<Review>> =>
    this.call('PUT', `/api/reviews/${r.id}`, zReview, { ...body, revision: r.revision });
  submit = (r: { id: number; revision: number }): Promise<Outcome<Review>> => this.call('POST', `/api/reviews/${r.id}/submit`, zReview, { revision: r.revision });
  decide = (r: { id: number; revision: number }, decision: Decision, note: string): Promise<Outcome<Review>> =>
    this.call('POST', `/api/reviews/${r.id}/decide`, zReview, { decision, note, revision: r.revision });

  // baseline data versions
  dataVersions = (): Promise<Outcome<DataVersion[]>> => this.call('GET', '/api/data', zDataVersion.array());
  dataVersion = (v: number | 'current'): Promise<Outcome<{ version: number; project: Record<string, unknown> }>> =>
    this.call('GET', `/api/data/${v}`, zod.object({ version: zod.number().int(), project: zod.record(zod.string(), zod.unknown()) }));
  publishData = (note: string, project: Record<string, unknown>): Promise<Outcome<{ version: number }>> =>
    this.call('POST', '/api/data', zod.object({ version: zod.number().int() }), { note, project });
  restoreData = (v: number): Promise<Outcome<{ version: number; restoredFrom: number }>> =>
    this.call('POST', `/api/data/${v}/restore`, zod.object({ version: zod.number().int(), restoredFrom: zod.number().int() }), {});

  // shared scenarios
  scenarios = (): Promise<Outcome<SharedScenario[]>> => this.call('GET', '/api/scenarios', zScenario.array());
  scenario = (id: number): Promise<Outcome<SharedScenario>> => this.call('GET', `/api/scenarios/${id}`, zScenario);
  createScenario = (w: ScenarioWrite): Promise<Outcome<SharedScenario>> => this.call('POST', '/api/scenarios', zScenario, w);
  updateScenario = (id: number, revision: number, w: ScenarioWrite): Promise<Outcome<SharedScenario>> => this.call('PUT', `/api/scenarios/${id}`, zScenario, { ...w, revision });

  // accounts (admins)
  users = (): Promise<Outcome<User[]>> => this.call('GET', '/api/users', zUser.array());
  createUser = (name: string, role: Role, password: string): Promise<Outcome<User>> => this.call('POST', '/api/users', zUser, { name, role, password });
  patchUser = (id: number, patch: { role?: Role; disabled?: boolean; password?: string }): Promise<Outcome<User>> => this.call('PATCH', `/api/users/${id}`, zUser, patch);

  // target ledger values per department
  ledger = (year: number): Promise<Outcome<ServerLedgerRow[]>> => this.call('GET', `/api/ledger?year=${year}`, zLedgerRow.array());
  putLedger = (target: string, year: number, w: LedgerWrite): Promise<Outcome<ServerLedgerRow>> =>
    this.call('PUT', `/api/ledger/${encodeURIComponent(target)}/${year}`, zLedgerRow, w);
}

/** The scenario of a 409 answer's `current`, if it is one. */
export function currentScenario(r: Outcome<unknown>): SharedScenario | null {
  if (r.ok || r.offline || r.status !== 409) return null;
  const p = zScenario.safeParse(r.current);
  return p.success ? p.data : null;
}
export function currentLedger(r: Outcome<unknown>): ServerLedgerRow | null {
  if (r.ok || r.offline || r.status !== 409) return null;
  const p = zLedgerRow.safeParse(r.current);
  return p.success ? p.data : null;
}

/** The register's record of a site check: what was entered, with which profile and parameters,
 *  and every requirement's verdict per profile (rule ids prefixed by the profile when several). */
export function reviewFromSiteCheck(check: SiteCheck, geometry: SiteArea, applicant: string, project: string, dataVersion: number | null): ReviewWrite {
  const several = check.profiles.length > 1;
  const verdicts = check.profiles.flatMap((p) =>
    p.requirements.map((q) => ({
      rule: `${several ? `${p.profile}/` : ''}${q.result.rule}${q.result.part ? `:${q.result.part}` : ''}`,
      name: { zh: `${several ? `${p.profile} · ` : ''}${q.name.zh}`, en: `${several ? `${p.profile} · ` : ''}${q.name.en}` },
      verdict: q.result.status,
      value: q.result.value,
      threshold: q.result.threshold,
      clause: q.result.citation.clause,
    })),
  );
  const figures: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(check.site.figures)) if (typeof v === 'number') figures[k] = v;
  return {
    applicant: applicant.trim(),
    project: project.trim(),
    site: geometry as ReviewWrite['site'],
    figures,
    profile: check.profiles.map((p) => p.profile).join('+'),
    params: check.params as unknown as Record<string, unknown>,
    dataVersion,
    verdicts,
  };
}

/** One change made while the workspace could not be reached, as it will be sent. */
export type OutboxOp =
  | { op: 'review'; review: ReviewWrite }
  /** a draft's fields changed (from `revision`) */
  | { op: 'edit'; id: number; number: string; revision: number; review: ReviewWrite }
  | { op: 'submit'; id: number; number: string; revision: number }
  | { op: 'decide'; id: number; number: string; revision: number; decision: Decision; note: string }
  /** serverId null: a scenario not yet in the workspace (a create); else an update from `revision` */
  | { op: 'scenario'; localId: string; serverId: number | null; revision: number | null; write: ScenarioWrite }
  | { op: 'ledger'; target: string; year: number; write: LedgerWrite };

/** What a draft review holds that a planner writes (the record as the server has it, as a write). */
export function reviewWrite(r: Review): ReviewWrite {
  return {
    applicant: r.applicant,
    project: r.project,
    site: r.site as ReviewWrite['site'],
    figures: r.figures,
    profile: r.profile,
    params: r.params,
    dataVersion: r.dataVersion,
    verdicts: r.verdicts,
  };
}

export interface OutboxEntry {
  key: string;
  savedAt: string;
  op: OutboxOp;
  /** why the server refused it at the last upload (kept until the user decides) */
  refused?: string;
}

export interface Uploaded {
  entry: OutboxEntry;
  value: unknown;
}
export interface Kept {
  entry: OutboxEntry;
  outcome: Exclude<Outcome<unknown>, { ok: true }>;
}

const OUTBOX = 'yl.workspace.outbox';

/** Sends one kept change. */
export function sendOp(client: WorkspaceClient, o: OutboxOp): Promise<Outcome<unknown>> {
  switch (o.op) {
    case 'review':
      return client.createReview(o.review);
    case 'edit':
      return client.updateReview(o, o.review);
    case 'submit':
      return client.submit(o);
    case 'decide':
      return client.decide(o, o.decision, o.note);
    case 'scenario':
      return o.serverId === null || o.revision === null ? client.createScenario(o.write) : client.updateScenario(o.serverId, o.revision, o.write);
    case 'ledger':
      return client.putLedger(o.target, o.year, o.write);
  }
}

/** Changes waiting for upload, in the browser's storage: they survive a reload and a closed tab.
 *  Nothing is merged: each is sent as it was made, with the revision it was made from, so a change
 *  someone else overtook is refused by the server (409) and stays here with the reason. */
export class Outbox {
  constructor(private readonly kv: KeyValue | null) {}
  list(): OutboxEntry[] {
    try {
      const v: unknown = JSON.parse(this.kv?.getItem(OUTBOX) ?? '[]');
      // entries written before changes other than new reviews were kept: {key, savedAt, review}
      return Array.isArray(v)
        ? (v as (OutboxEntry & { review?: ReviewWrite })[]).map((e) => (e.op ? e : { key: e.key, savedAt: e.savedAt, op: { op: 'review', review: e.review as ReviewWrite } }))
        : [];
    } catch {
      return [];
    }
  }
  /** false when the browser's storage refused the list (full, or blocked): it holds what it held */
  private write(list: OutboxEntry[]): boolean {
    try {
      this.kv?.setItem(OUTBOX, JSON.stringify(list));
      return true;
    } catch {
      return false;
    }
  }
  /** the change kept, or null when the browser's storage refused it: the caller must then say that
   *  it was not kept (a change believed kept but gone is the one loss the outbox exists to prevent) */
  add(op: OutboxOp, now = new Date()): OutboxEntry | null {
    const e: OutboxEntry = { key: `${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`, savedAt: now.toISOString(), op };
    return this.write([...this.list(), e]) ? e : null;
  }
  remove(key: string): void {
    this.write(this.list().filter((e) => e.key !== key));
  }
  /** Sends each entry in the order made; a sent one leaves the outbox, a refused one stays with the
   *  reason; when the server cannot be reached the rest stay untouched. */
  async upload(client: WorkspaceClient): Promise<{ uploaded: Uploaded[]; kept: Kept[] }> {
    const uploaded: Uploaded[] = [];
    const kept: Kept[] = [];
    let offline = false;
    for (const entry of this.list()) {
      const r = offline ? null : await sendOp(client, entry.op);
      if (r?.ok) {
        this.remove(entry.key);
        uploaded.push({ entry, value: r.value });
        continue;
      }
      const outcome = r ?? { ok: false as const, offline: true as const, message: '' };
      if (outcome.offline) offline = true;
      else this.write(this.list().map((e) => (e.key === entry.key ? { ...e, refused: outcome.message } : e)));
      kept.push({ entry, outcome: outcome as Kept['outcome'] });
    }
    return { uploaded, kept };
  }
}
