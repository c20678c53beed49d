// The app's side of the team workspace (docs/server.md): a typed client of the server's API (answers
// read through the shared Zod schemas), the review record made from a site check, and the outbox —
// reviews saved while the server could not be reached, kept in the browser until they are uploaded.
// Nothing here merges: an outbox entry becomes a new review with its own number when uploaded.
import type { z } from 'zod';
import type { SiteArea, SiteCheck } from '../core/site';
import { zApiError, zReview, zReviewSummary, zSession, type Review, type ReviewSummary, type ReviewWrite, type Session } from '../schemas/workspace';
import type { KeyValue } from './persist';

// what the page's workspace panel needs of the API schemas, through this module (ui imports state)
export { DECISIONS, REVIEW_STATUSES } from '../schemas/workspace';
export type { Review, ReviewSummary, ReviewWrite, Session } from '../schemas/workspace';

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
  submit = (r: { id: number; revision: number }): Promise<Outcome<Review>> => this.call('POST', `/api/reviews/${r.id}/submit`, zReview, { revision: r.revision });
  decide = (r: { id: number; revision: number }, decision: 'approved' | 'conditional' | 'rejected', note: string): Promise<Outcome<Review>> =>
    this.call('POST', `/api/reviews/${r.id}/decide`, zReview, { decision, note, revision: r.revision });
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

export interface OutboxEntry {
  key: string;
  savedAt: string;
  review: ReviewWrite;
}

const OUTBOX = 'yl.workspace.outbox';

/** Reviews waiting for upload, in the browser's storage: they survive a reload and a closed tab. */
export class Outbox {
  constructor(private readonly kv: KeyValue | null) {}
  list(): OutboxEntry[] {
    try {
      const v: unknown = JSON.parse(this.kv?.getItem(OUTBOX) ?? '[]');
      return Array.isArray(v) ? (v as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  }
  add(review: ReviewWrite, now = new Date()): OutboxEntry {
    const e = { key: `${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`, savedAt: now.toISOString(), review };
    this.kv?.setItem(OUTBOX, JSON.stringify([...this.list(), e]));
    return e;
  }
  remove(key: string): void {
    this.kv?.setItem(OUTBOX, JSON.stringify(this.list().filter((e) => e.key !== key)));
  }
  /** Uploads each entry; an uploaded one leaves the outbox, any other stays with the reason. */
  async upload(client: WorkspaceClient): Promise<{ uploaded: Review[]; kept: { entry: OutboxEntry; message: string }[] }> {
    const uploaded: Review[] = [];
    const kept: { entry: OutboxEntry; message: string }[] = [];
    for (const entry of this.list()) {
      const r = await client.createReview(entry.review);
      if (r.ok) {
        this.remove(entry.key);
        uploaded.push(r.value);
      } else kept.push({ entry, message: r.message });
    }
    return { uploaded, kept };
  }
}
