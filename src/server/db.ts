// One small database interface over the two engines the workspace runs on: PGlite (PostgreSQL
// compiled to WebAssembly, in this process, data in a folder — the no-setup default) and a real
// PostgreSQL through node-postgres (DATABASE_URL). The same SQL runs on both; every write the
// server makes goes through tx(), so a request commits whole or not at all.
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** runs fn in one transaction (READ COMMITTED); rolls back if it throws */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openPglite(dir: string | undefined): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg: PGlite = await PGlite.create(dir);
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params: unknown[] = []) => (await pg.query<T>(sql, params)).rows,
    // PGlite runs one statement at a time; its transaction() holds the engine for the whole block
    tx: <T>(fn: (q: Queryable) => Promise<T>) => pg.transaction((t) => fn({ query: async <R>(sql: string, params: unknown[] = []) => (await t.query<R>(sql, params)).rows })),
    close: () => pg.close(),
  };
}

export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pgmod = await import('pg');
  const PoolCtor = (pgmod.default ?? pgmod).Pool;
  // int8 (count(*), bigint ids) as numbers: every such value here is far below 2^53
  (pgmod.default ?? pgmod).types.setTypeParser(20, (v: string) => Number(v));
  const pool: Pool = new PoolCtor({ connectionString: url, max });
  // a dropped connection must not crash the process; the request using it fails instead
  pool.on('error', (e) => console.error(`[server] database connection lost: ${e.message}`));
  const on = (c: Pool | PoolClient): Queryable => ({ query: async <T>(sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows as T[] });
  return {
    kind: 'postgres',
    ...on(pool),
    async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(on(c));
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}
