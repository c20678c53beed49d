// Versioned schema migrations, applied in order at start, each in its own transaction with its
// row in schema_migrations — the same SQL on PGlite and on PostgreSQL. A database newer than this
// code (a migration it does not know) is refused rather than used.
//
// Geometry (the review's site) is stored as GeoJSON in jsonb: PGlite has no PostGIS extension we can
// load here, and one schema on both engines matters more than spatial SQL the server never runs
// (every spatial computation happens in src/core, in the app or the CLI).
import type { Db } from './db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'accounts, sessions, audit, data versions, scenarios, review register',
    sql: `
CREATE TABLE users (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin','planner','reviewer','viewer')),
  pw_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sessions (
  id text PRIMARY KEY,             -- sha256 of the cookie value: a stolen table holds no usable cookie
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE login_failures (
  key text NOT NULL,               -- 'name:<name>' or 'ip:<address>'
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key ON login_failures(key, at);
CREATE TABLE audit (
  id serial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES users(id),
  user_name text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  before_id text,
  after_id text
);
CREATE TABLE data_versions (
  version serial PRIMARY KEY,
  note text NOT NULL DEFAULT '',
  author_id integer NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  restored_from integer REFERENCES data_versions(version),
  project jsonb NOT NULL,
  bytes integer NOT NULL
);
CREATE TABLE scenarios (
  id serial PRIMARY KEY,
  name text NOT NULL,
  author_id integer NOT NULL REFERENCES users(id),
  revision integer NOT NULL DEFAULT 1,
  base_version integer REFERENCES data_versions(version),
  body jsonb NOT NULL,
  updated_by integer NOT NULL REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE review_counters (
  prefix text NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (prefix, year)
);
CREATE TABLE reviews (
  id serial PRIMARY KEY,
  number text NOT NULL UNIQUE,
  year integer NOT NULL,
  seq integer NOT NULL,
  applicant text NOT NULL,
  project text NOT NULL,
  site jsonb NOT NULL,
  figures jsonb NOT NULL,
  profile text NOT NULL,
  params jsonb NOT NULL,
  data_version integer REFERENCES data_versions(version),
  verdicts jsonb NOT NULL,
  fails integer NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','decided')),
  revision integer NOT NULL DEFAULT 1,
  author_id integer NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  decision text CHECK (decision IN ('approved','conditional','rejected')),
  decision_note text,
  reviewer_id integer REFERENCES users(id),
  decided_at timestamptz,
  report bytea,
  report_bytes integer,
  CHECK ((status = 'decided') = (decision IS NOT NULL))
);
CREATE INDEX reviews_status ON reviews(status, year);
`,
  },
  {
    version: 2,
    name: 'target ledger values entered per department',
    sql: `
CREATE TABLE ledger_entries (
  target text NOT NULL,
  year integer NOT NULL,
  value double precision,
  done boolean,
  note text NOT NULL DEFAULT '',
  department text NOT NULL,
  author_id integer NOT NULL REFERENCES users(id),
  revision integer NOT NULL DEFAULT 1,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (target, year)
);
`,
  },
];

/** Applies the migrations this database has not had; returns the versions applied. */
export async function migrate(db: Db): Promise<number[]> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const known = new Set(MIGRATIONS.map((m) => m.version));
  const unknown = [...done].filter((v) => !known.has(v));
  if (unknown.length) throw new Error(`the database has schema version ${Math.max(...unknown)}, newer than this server knows (${Math.max(...known)}): run a newer server`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.tx(async (q) => {
      // the insert first: a second server starting at the same time fails on the primary key here
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      for (const stmt of splitSql(m.sql)) await q.query(stmt);
    });
    applied.push(m.version);
  }
  return applied;
}

/** Statements of a migration (no semicolons inside strings or bodies in ours). */
function splitSql(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.replace(/--[^\n]*/g, '').trim())
    .filter((s) => s.length > 0);
}
