// The team workspace's HTTP API (docs/server.md): request bodies and answers, shared by the
// server (src/server, which validates every body with these) and the app (which reads answers
// through them). Text fields are bounded so one request cannot fill the database.
import { z } from 'zod';
import { zPolygon, zMultiPolygon } from './geometry';

export const ROLES = ['admin', 'planner', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const zRole = z.enum(ROLES);

const name = z.string().trim().min(1).max(200);
const text = z.string().max(4000);

export const zUser = z.object({ id: z.number().int(), name: z.string(), role: zRole, disabled: z.boolean() });
export type User = z.infer<typeof zUser>;

export const zLogin = z.object({ name, password: z.string().min(1).max(1000) });
export const zSession = z.object({ user: zUser, csrf: z.string() });
export type Session = z.infer<typeof zSession>;

export const zNewUser = z.object({ name, role: zRole, password: z.string().min(10, 'at least 10 characters').max(1000) });
export const zUserPatch = z.object({ role: zRole.optional(), disabled: z.boolean().optional(), password: z.string().min(10).max(1000).optional() });

/** A baseline data version: the project's layers as the app saves them (src/schemas/project.ts). */
export const zDataImport = z.object({ note: text.default(''), project: z.record(z.string(), z.unknown()) });
export const zDataVersion = z.object({
  version: z.number().int(),
  note: z.string(),
  author: z.string(),
  createdAt: z.string(),
  restoredFrom: z.number().int().nullable(),
  bytes: z.number().int(),
});
export type DataVersion = z.infer<typeof zDataVersion>;

export const zScenarioWrite = z.object({
  name,
  /** the scenario as the app stores it (edits replayed on the baseline) */
  body: z.record(z.string(), z.unknown()),
  baseVersion: z.number().int().nullable().default(null),
});
export const zScenarioUpdate = zScenarioWrite.extend({ revision: z.number().int().min(1) });
export const zScenario = z.object({
  id: z.number().int(),
  name: z.string(),
  author: z.string(),
  revision: z.number().int(),
  baseVersion: z.number().int().nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  body: z.record(z.string(), z.unknown()),
});
export type Scenario = z.infer<typeof zScenario>;

export const REVIEW_STATUSES = ['draft', 'submitted', 'decided'] as const;
export const DECISIONS = ['approved', 'conditional', 'rejected'] as const;
export const VERDICTS = ['pass', 'fail', 'na', 'none'] as const;

export const zVerdictRow = z.object({
  rule: z.string().min(1).max(200),
  /** the requirement's plain name, for the screen (the rule id goes behind a fold) */
  name: z.object({ zh: z.string().max(300), en: z.string().max(300) }).optional(),
  verdict: z.enum(VERDICTS),
  value: z.number().nullable().optional(),
  threshold: z.number().nullable().optional(),
  clause: z.string().max(2000).optional(),
});

export const zReviewWrite = z.object({
  applicant: name,
  project: name,
  site: z.discriminatedUnion('type', [zPolygon, zMultiPolygon]),
  /** the figures entered: households, population, planned floor area, places … */
  figures: z.record(z.string().max(100), z.number().finite().nullable()),
  profile: z.string().min(1).max(40),
  params: z.record(z.string(), z.unknown()),
  dataVersion: z.number().int().nullable(),
  verdicts: z.array(zVerdictRow).max(500),
});
export type ReviewWrite = z.infer<typeof zReviewWrite>;
export const zReviewUpdate = zReviewWrite.extend({ revision: z.number().int().min(1) });
export const zDecide = z.object({ decision: z.enum(DECISIONS), note: text, revision: z.number().int().min(1) });
export const zSubmit = z.object({ revision: z.number().int().min(1) });

export const zReviewSummary = z.object({
  id: z.number().int(),
  number: z.string(),
  applicant: z.string(),
  project: z.string(),
  status: z.enum(REVIEW_STATUSES),
  profile: z.string(),
  dataVersion: z.number().int().nullable(),
  fails: z.number().int(),
  author: z.string(),
  createdAt: z.string(),
  decision: z.enum(DECISIONS).nullable(),
  reviewer: z.string().nullable(),
  revision: z.number().int(),
  reportBytes: z.number().int().nullable(),
});
export type ReviewSummary = z.infer<typeof zReviewSummary>;
export const zReview = zReviewSummary.extend({
  site: z.unknown(),
  figures: z.record(z.string(), z.number().nullable()),
  params: z.record(z.string(), z.unknown()),
  verdicts: z.array(zVerdictRow),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type Review = z.infer<typeof zReview>;

export const zReviewFilter = z.object({
  status: z.enum(REVIEW_STATUSES).optional(),
  q: z.string().max(200).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** Every error answer: a stable code, a message, and for 409 the current record. */
export const zApiError = z.object({ error: z.string(), message: z.string(), current: z.unknown().optional() });
export type ApiError = z.infer<typeof zApiError>;

/** A target ledger value (src/core/ledger) entered by a department; revision 0 = a new entry. */
export const zLedgerWrite = z
  .object({
    value: z.number().finite().nullable().default(null),
    done: z.boolean().nullable().default(null),
    note: text.default(''),
    department: name,
    revision: z.number().int().min(0),
  })
  .refine((e) => e.value !== null || e.done !== null, { message: 'give a value or done', path: ['value'] });
export const zLedgerRow = z.object({
  target: z.string(),
  year: z.number().int(),
  value: z.number().nullable(),
  done: z.boolean().nullable(),
  note: z.string(),
  department: z.string(),
  by: z.string(),
  at: z.string(),
  revision: z.number().int(),
});
export type LedgerRow = z.infer<typeof zLedgerRow>;
