// Passwords (scrypt, memory-hard), sessions (random token in an HttpOnly cookie; only its hash is
// stored), the CSRF token per session, and login throttling kept in the database so it holds
// across server processes.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Role, User } from '../schemas/workspace';
import type { Queryable } from './db';

// N = 2^15, r = 8: 32 MiB and ~50–100 ms per hash here; the cost is stored with each hash
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scryptAsync(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEYLEN, { N: n, r, p, maxmem: 256 * n * r + (1 << 20) }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !key) return false;
  const got = await scryptAsync(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  const want = Buffer.from(key, 'base64');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** A hash of a password nobody has: an unknown user name costs the same time as a wrong password. */
const DUMMY = hashPassword(randomBytes(16).toString('hex'));

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export const SESSION_HOURS = 12;
export const THROTTLE = { failures: 5, windowMinutes: 15 };

export interface SessionRow {
  user: User;
  csrf: string;
}

export async function createSession(q: Queryable, userId: number): Promise<{ token: string; csrf: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await q.query(`INSERT INTO sessions (id, user_id, csrf, expires_at) VALUES ($1, $2, $3, now() + interval '${SESSION_HOURS} hours')`, [sha256(token), userId, csrf]);
  return { token, csrf };
}

export async function readSession(q: Queryable, token: string | undefined): Promise<SessionRow | undefined> {
  if (!token || token.length > 100) return undefined;
  const rows = await q.query<{ id: number; name: string; role: Role; disabled: boolean; csrf: string }>(
    'SELECT u.id, u.name, u.role, u.disabled, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND s.expires_at > now() AND NOT u.disabled',
    [sha256(token)],
  );
  const r = rows[0];
  return r ? { user: { id: r.id, name: r.name, role: r.role, disabled: r.disabled }, csrf: r.csrf } : undefined;
}

export async function dropSession(q: Queryable, token: string | undefined): Promise<void> {
  if (token) await q.query('DELETE FROM sessions WHERE id = $1', [sha256(token)]);
}

/** Seconds until the next attempt is allowed for this name or address, 0 if allowed now. An address
 *  gets ten times a name's allowance: a bureau's staff often share one address behind its gateway. */
export async function throttled(q: Queryable, name: string, ip: string, failures = THROTTLE.failures): Promise<number> {
  const rows = await q.query<{ key: string; n: number; first: Date | null }>(
    `SELECT key, count(*)::int AS n, min(at) AS first FROM login_failures WHERE key IN ($1, $2) AND at > now() - interval '${THROTTLE.windowMinutes} minutes' GROUP BY key`,
    [`name:${name}`, `ip:${ip}`],
  );
  let wait = 0;
  for (const r of rows) {
    const limit = r.key.startsWith('ip:') ? failures * 10 : failures;
    if (r.n < limit || !r.first) continue;
    wait = Math.max(wait, Math.ceil((new Date(r.first).getTime() + THROTTLE.windowMinutes * 60_000 - Date.now()) / 1000), 1);
  }
  return wait;
}

/** Checks name + password; records a failure (for the name and the address) when it does not match. */
export async function checkLogin(q: Queryable, name: string, password: string, ip: string): Promise<User | undefined> {
  const rows = await q.query<{ id: number; name: string; role: Role; disabled: boolean; pw_hash: string }>('SELECT id, name, role, disabled, pw_hash FROM users WHERE name = $1', [
    name,
  ]);
  const u = rows[0];
  // an unknown name costs the same scrypt as a known one, so timing does not tell which names exist
  const ok = (await verifyPassword(password, u ? u.pw_hash : await DUMMY)) && u !== undefined;
  if (ok && u && !u.disabled) {
    await q.query('DELETE FROM login_failures WHERE key = $1', [`name:${name}`]);
    return { id: u.id, name: u.name, role: u.role, disabled: u.disabled };
  }
  await q.query('INSERT INTO login_failures (key) VALUES ($1), ($2)', [`name:${name}`, `ip:${ip}`]);
  return undefined;
}
