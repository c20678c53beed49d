// The workspace server serving the built app, on an in-memory PGlite, for the browser tests: it can
// be stopped (the connection is lost) and started again on the same port with the same database.
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { hashPassword } from '../../src/server/auth';
import { type Db, openPglite } from '../../src/server/db';
import { migrate } from '../../src/server/migrations';
import { createWorkspaceServer } from '../../src/server/server';

export interface TestWorkspace {
  db: Db;
  url: string;
  /** listen again on the same port (after stop) */
  listen(): Promise<void>;
  /** stop answering: every open connection is cut */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** users: [name, role]; each one's password is `${name}-password` */
export async function startWorkspace(prefix: string, users: [string, string][]): Promise<TestWorkspace> {
  const db = await openPglite(undefined);
  await migrate(db);
  for (const [name, role] of users) await db.query('INSERT INTO users (name, role, pw_hash) VALUES ($1, $2, $3)', [name, role, await hashPassword(`${name}-password`)]);
  let port = 0;
  let server: ReturnType<typeof createWorkspaceServer> | null = null;
  const listen = async (): Promise<void> => {
    const s = createWorkspaceServer({ db, prefix, appDir: inject('appDist') });
    await new Promise<void>((r) => s.listen(port, '127.0.0.1', r));
    port = (s.address() as AddressInfo).port;
    server = s;
  };
  const stop = (): Promise<void> =>
    new Promise((r) => {
      const s = server;
      server = null;
      if (!s) return r();
      s.closeAllConnections();
      s.close(() => r());
    });
  await listen();
  return {
    db,
    url: `http://127.0.0.1:${port}/`,
    listen,
    stop,
    async close() {
      await stop();
      await db.close();
    },
  };
}
