// The workspace server under test, on both engines: PGlite in memory (or in a folder) and a real
// PostgreSQL 15 + PostGIS cluster started from Debian's packages on loopback (as
// scripts/verify-pgrouting.ts does). Without PostgreSQL the real-database runs are skipped here,
// and fail on CI (CI=true): a missing reference is a failure there, never a skip.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { startPostgres, type Pg } from '../../scripts/verify-pgrouting';
import { skipWithout } from '../tools';
import { hashPassword } from '../../src/server/auth';
import { type Db, openPglite, openPostgres } from '../../src/server/db';
import { migrate } from '../../src/server/migrations';
import { createWorkspaceServer, type ServerOptions } from '../../src/server/server';
import type { Role } from '../../src/schemas/workspace';

export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const hasPostgres = (): boolean => existsSync(`${PG_BIN}/initdb`) && existsSync('/usr/share/postgresql/15/extension/postgis.control');
/** describe.runIf argument: real PostgreSQL present, or CI (where its absence must fail) */
export const runPostgres = !skipWithout(hasPostgres(), 'PostgreSQL 15 + PostGIS (apt-get install postgresql-15 postgresql-15-postgis-3)');

export interface Engine {
  name: 'pglite' | 'postgres';
  /** a fresh, migrated database */
  open(): Promise<Db>;
  /** postgres: a fresh, empty database's connection string (for a server in a child process) */
  createDatabase?(): string;
  stop(): Promise<void>;
}

let cluster: Pg | undefined;
let dbCount = 0;

export async function engine(name: 'pglite' | 'postgres'): Promise<Engine> {
  if (name === 'pglite') return { name, open: async () => migrated(await openPglite(undefined)), stop: async () => undefined };
  if (!hasPostgres())
    throw new Error(`PostgreSQL 15 + PostGIS not installed (${PG_BIN}/initdb, postgis.control): scripts/test.mjs installs postgresql-15 and postgresql-15-postgis-3`);
  cluster ??= startPostgres(['postgis']);
  const c = cluster;
  const base = `postgres://postgres@127.0.0.1:${c.port}`;
  const createDatabase = (): string => {
    // one database per open(): tests never see each other's rows
    const db = `ws${process.pid}_${++dbCount}`;
    c.query(`CREATE DATABASE ${db}`);
    return `${base}/${db}`;
  };
  return {
    name,
    createDatabase,
    async open() {
      const pg = await openPostgres(createDatabase(), 20);
      // PostGIS in every test database: the tests read the stored sites with it
      await pg.query('CREATE EXTENSION IF NOT EXISTS postgis');
      return migrated(pg);
    },
    async stop() {
      c.stop();
      cluster = undefined;
    },
  };
}

async function migrated(db: Db): Promise<Db> {
  await migrate(db);
  return db;
}

export interface Running {
  db: Db;
  base: string;
  close(): Promise<void>;
}

export async function serve(db: Db, opts: Partial<ServerOptions> = {}): Promise<Running> {
  const server = createWorkspaceServer({ db, prefix: 'CA', ...opts });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    db,
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export async function addUser(db: Db, name: string, role: Role, password = `${name}-password-1`): Promise<void> {
  await db.query('INSERT INTO users (name, role, pw_hash) VALUES ($1, $2, $3)', [name, role, await hashPassword(password)]);
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  cookie?: string;
  csrf?: string;
  constructor(readonly base: string) {}

  async req(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}) };
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array) payload = body as Uint8Array<ArrayBuffer>;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const r = await fetch(this.base + path, { method, headers: { ...headers, ...extra }, body: payload });
    const setCookie = r.headers.get('set-cookie');
    if (setCookie) {
      const v = /ws_session=([^;]*)/.exec(setCookie)?.[1];
      this.cookie = v ? `ws_session=${v}` : undefined;
    }
    const type = r.headers.get('content-type') ?? '';
    const out = type.startsWith('application/json') ? await r.json() : new Uint8Array(await r.arrayBuffer());
    return { status: r.status, body: out, headers: r.headers };
  }

  async login(name: string, password = `${name}-password-1`): Promise<Answer> {
    const a = await this.req('POST', '/api/login', { name, password });
    if (a.status === 200) this.csrf = a.body.csrf;
    return a;
  }
}

/** Node's fetch keeping the session cookie, as the browser does; each request first awaits
 *  `wait()` (a test holds the connection with it) */
export function cookieFetch(wait: () => Promise<void> | void = () => {}): typeof fetch {
  let cookie = '';
  return async (input, init) => {
    await wait();
    const r = await fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    const set = r.headers.get('set-cookie');
    if (set) cookie = /ws_session=[^;]*/.exec(set)?.[0] ?? cookie;
    return r;
  };
}

export function siteSquare(lon = 108.9, lat = 34.15, d = 0.002): { type: 'Polygon'; coordinates: number[][][] } {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ],
  };
}

export function reviewBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    applicant: '西安某置业有限公司',
    project: '长安区某地块住宅项目',
    site: siteSquare(),
    figures: { households: 1000, elderlyFloorArea: 199, childcarePlaces: 26 },
    profile: 'ca',
    params: { circleMinutes: 15 },
    dataVersion: null,
    verdicts: [
      { rule: 'ca.households', verdict: 'fail', value: 19.9, threshold: 20 },
      { rule: 'ak.new.places', verdict: 'pass', value: 26, threshold: 25.3 },
    ],
    ...over,
  };
}
