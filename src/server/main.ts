// `npm run serve [-- --data DIR] [--port 8787] [--host 127.0.0.1] [--prefix 审查] [--app dist]`
// `npm run serve -- --create-user NAME --role admin|planner|reviewer|viewer` (password on stdin)
// With DATABASE_URL it uses that PostgreSQL; otherwise the embedded one (PGlite) in --data
// (default ./workspace-data). Migrations run at start on either.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hashPassword } from './auth';
import { type Db, openPglite, openPostgres } from './db';
import { migrate } from './migrations';
import { parseTileOrigins, tileOriginsOf } from '../core/csp';
import { appPolicy, createWorkspaceServer } from './server';
import { ROLES, zNewUser } from '../schemas/workspace';

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function openDb(args: string[]): Promise<{ db: Db; where: string; dir?: string }> {
  const url = process.env.DATABASE_URL;
  if (url) return { db: await openPostgres(url), where: `PostgreSQL ${url.replace(/\/\/[^@/]*@/, '//…@')}` };
  const dir = resolve(arg(args, '--data') ?? 'workspace-data');
  // the embedded database belongs to one process: a second one (a server, or --create-user while
  // the server runs) would corrupt it, so it is refused while the recorded process is alive
  const lock = join(dir, 'server.pid');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid !== process.pid && alive(pid)) throw new Error(`${dir} is in use by the server running as process ${pid}: stop it first (or create users as admin in the app)`);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(lock, String(process.pid));
  process.on('exit', () => rmSync(lock, { force: true }));
  return { db: await openPglite(join(dir, 'pgdata')), where: `embedded PostgreSQL (PGlite) in ${dir}`, dir };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readStdin(): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of process.stdin) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8').split(/\r?\n/)[0];
}

async function createUser(db: Db, name: string, role: string): Promise<void> {
  if (process.stdin.isTTY) process.stderr.write(`password for ${name} (at least 10 characters), then Enter and Ctrl-D: `);
  const password = await readStdin();
  const r = zNewUser.safeParse({ name, role, password });
  if (!r.success) throw new Error(`--create-user: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')} (roles: ${ROLES.join(', ')})`);
  if ((await db.query('SELECT 1 FROM users WHERE name = $1', [r.data.name]))[0]) throw new Error(`--create-user: a user named ${r.data.name} exists already`);
  const hash = await hashPassword(r.data.password);
  await db.tx(async (q) => {
    const [u] = await q.query<{ id: number }>('INSERT INTO users (name, role, pw_hash) VALUES ($1, $2, $3) RETURNING id', [r.data.name, r.data.role, hash]);
    await q.query(`INSERT INTO audit (user_id, user_name, action, entity, entity_id, after_id) VALUES (NULL, '(command line)', 'create', 'user', $1, $1)`, [String(u.id)]);
  });
  console.log(`created ${r.data.role} ${r.data.name}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { db, where } = await openDb(args);
  const applied = await migrate(db);
  if (applied.length) console.log(`[server] ${where}: applied migrations ${applied.join(', ')}`);
  const newUser = arg(args, '--create-user');
  if (newUser !== undefined) {
    try {
      await createUser(db, newUser, arg(args, '--role') ?? '');
    } finally {
      await db.close();
    }
    return;
  }
  const appDir = arg(args, '--app') ?? 'dist';
  const server = createWorkspaceServer({ db, prefix: arg(args, '--prefix'), appDir: existsSync(appDir) ? appDir : undefined, secureCookies: args.includes('--secure-cookies') });
  const host = arg(args, '--host') ?? '127.0.0.1';
  const port = Number(arg(args, '--port') ?? 8787);
  server.listen(port, host, async () => {
    const addr = server.address();
    const url = `http://${host}:${typeof addr === 'object' && addr ? addr.port : port}/`;
    console.log(`[server] workspace on ${url} (${where})`);
    console.log(existsSync(appDir) ? `[server] serving the app from ${appDir}` : `[server] no ${appDir}/: run npm run build to serve the app here too`);
    // the tile origins are the build's (its index.html): a different VITE_TILE_ORIGINS now changes nothing
    if (existsSync(appDir) && process.env.VITE_TILE_ORIGINS !== undefined) {
      const built = tileOriginsOf(appPolicy(resolve(appDir))).join(' ');
      const now = parseTileOrigins(process.env.VITE_TILE_ORIGINS).join(' ');
      if (built !== now) console.warn(`[server] ${appDir} was built with VITE_TILE_ORIGINS="${built}", not "${now}": run npm run build again to allow those base maps`);
    }
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if (n === 0)
      console.log(
        `[server] no users yet; create the first admin with:\n  npm run serve -- ${args.includes('--data') ? `--data ${arg(args, '--data')} ` : ''}--create-user admin --role admin   (then type the password)`,
      );
  });
  const stop = (): void => {
    server.close();
    server.closeAllConnections();
    void db.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`[server] ${(e as Error).message}`);
  process.exit(1);
});
