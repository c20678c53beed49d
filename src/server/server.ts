// The workspace server: the API under /api and, when given, the built app (dist/) on the same
// origin, so the page's CSP (connect-src 'self') admits the workspace without a change.
// Stateless apart from the database: any number of these can run behind a load balancer.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { readSession } from './auth';
import type { Db } from './db';
import { headerPolicy, ISOLATION_HEADERS, SECURITY_HEADERS, tileOriginsOf } from '../core/csp';
import { cookies, HttpError, sendJson } from './http';
import { buildRouter, type Ctx, DEFAULT_LIMITS, type Limits } from './routes';

export interface ServerOptions {
  db: Db;
  /** the review numbers' bureau prefix, e.g. 长安自然资源审 */
  prefix?: string;
  /** the built app to serve beside the API */
  appDir?: string;
  limits?: Partial<Limits>;
  /** failed logins per name or address in 15 minutes before 429 */
  throttleFailures?: number;
  /** Secure cookies (behind HTTPS) */
  secureCookies?: boolean;
  /** slow clients: whole headers within this many ms, the whole request within requestTimeout */
  headersTimeout?: number;
  requestTimeout?: number;
}

export const COOKIE = 'ws_session';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.pmtiles': 'application/octet-stream',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
};

export function createWorkspaceServer(opts: ServerOptions): Server {
  const router = buildRouter();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  // the header and request timeouts are checked this often (Node's default is every 30 s)
  const server = createServer({ connectionsCheckingInterval: Math.min(1000, opts.headersTimeout ?? 1000) }, (req, res) => {
    handle(req, res).catch((e) => fail(res, e));
  });
  server.headersTimeout = opts.headersTimeout ?? 20_000;
  server.requestTimeout = opts.requestTimeout ?? 120_000;
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://workspace.invalid');
    const method = req.method ?? 'GET';
    if (!url.pathname.startsWith('/api/')) return serveApp(opts.appDir, url.pathname, method, req.headers.range, res);
    const match = router.match(method, url.pathname);
    if (match === undefined) throw new HttpError(404, 'no_route', `no route ${method} ${url.pathname}`);
    if (match === 'method') throw new HttpError(405, 'method', `${method} is not allowed on ${url.pathname}`);
    // a write from another site's page is refused by its Origin (browsers always send it on POST/PUT)
    if (method !== 'GET' && req.headers.origin !== undefined && req.headers.origin !== `http${opts.secureCookies ? 's' : ''}://${req.headers.host}`) {
      throw new HttpError(403, 'origin', `writes are accepted from this workspace's own pages only (Origin ${req.headers.origin})`);
    }
    const token = cookies(req)[COOKIE];
    const ctx: Ctx = {
      req,
      res,
      url,
      db: opts.db,
      ip: req.socket.remoteAddress ?? 'unknown',
      token,
      session: await readSession(opts.db, token),
      limits,
      prefix: opts.prefix ?? '审查',
      throttle: { failures: opts.throttleFailures ?? 5 },
      setSession(t) {
        const attrs = `Path=/; HttpOnly; SameSite=Strict${opts.secureCookies ? '; Secure' : ''}`;
        res.setHeader('Set-Cookie', t ? `${COOKIE}=${t}; ${attrs}; Max-Age=${12 * 3600}` : `${COOKIE}=; ${attrs}; Max-Age=0`);
      },
    };
    await match.handler(ctx, match.params);
  }

  function fail(res: ServerResponse, e: unknown): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (e instanceof HttpError) {
      // an unread body past the cap: answer, then close rather than read the rest
      if (e.status === 413) res.setHeader('Connection', 'close');
      sendJson(res, e.status, { error: e.code, message: e.message, ...(e.current !== undefined ? { current: e.current } : {}) }, e.headers);
      if (e.status === 413) res.on('finish', () => res.socket?.destroy());
      return;
    }
    const err = e as Error & { code?: string };
    // a unique-key race that the counter should have prevented is still a conflict, never a 500 with SQL in it
    if (err.code === '23505') {
      sendJson(res, 409, { error: 'conflict', message: 'the record changed at the same time; read it again and retry' });
      return;
    }
    console.error(`[server] ${err.stack ?? String(e)}`);
    sendJson(res, 500, { error: 'internal', message: 'the server failed on this request; it is logged' });
  }

  return server;
}

/** The built app: files under appDir only, index.html for the page's own paths. */
function serveApp(appDir: string | undefined, path: string, method: string, range: string | undefined, res: ServerResponse): void {
  if (!appDir || (method !== 'GET' && method !== 'HEAD')) throw new HttpError(404, 'no_route', `no route ${method} ${path}`);
  const root = resolve(appDir);
  let file = normalize(join(root, decodeURIComponent(path)));
  if (file !== root && !file.startsWith(root + sep)) throw new HttpError(404, 'no_route', 'outside the app');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) throw new HttpError(404, 'no_app', `no built app in ${appDir} (npm run build makes it)`);
  const st = statSync(file);
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { ...SECURITY_HEADERS, ...ISOLATION_HEADERS, 'Content-Security-Policy': appPolicy(root), 'Content-Type': type, 'Accept-Ranges': 'bytes' };
  // hashed assets may be cached; the page itself is re-checked so a new build is picked up
  headers['Cache-Control'] = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  // the base map (.pmtiles) is read by byte ranges
  const m = /^bytes=(\d*)-(\d*)$/.exec(String(range ?? ''));
  if (m && (m[1] || m[2])) {
    const start = m[1] ? Number(m[1]) : Math.max(0, st.size - Number(m[2]));
    const end = m[1] && m[2] ? Math.min(Number(m[2]), st.size - 1) : st.size - 1;
    if (start > end || start >= st.size) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${st.size}` });
      res.end();
      return;
    }
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${st.size}`, 'Content-Length': String(end - start + 1) });
    if (method === 'HEAD') res.end();
    else createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(st.size) });
  if (method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

const policies = new Map<string, { mtime: number; policy: string }>();

/**
 * The CSP header for the built app in `root`: the policy of src/core/csp.ts with the tile origins
 * the build was given (VITE_TILE_ORIGINS, read back from its index.html), so header and <meta>
 * allow the same sources — a browser enforces both, and an origin missing from either is blocked.
 */
export function appPolicy(root: string): string {
  const index = join(root, 'index.html');
  const mtime = existsSync(index) ? statSync(index).mtimeMs : -1;
  const known = policies.get(root);
  if (known && known.mtime === mtime) return known.policy;
  const meta = mtime < 0 ? undefined : /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync(index, 'utf8'))?.[1];
  const policy = headerPolicy(meta ? tileOriginsOf(meta) : []);
  policies.set(root, { mtime, policy });
  return policy;
}
