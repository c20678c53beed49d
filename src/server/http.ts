// The little HTTP layer on node:http: routes by method and path pattern, bodies read with a size
// cap (413 as soon as the cap is passed, without reading the rest), cookies, JSON answers with
// security headers, and HttpError for every refusal.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { SECURITY_HEADERS } from '../core/csp';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly current?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The API's answers: the page's security headers (src/core/csp.ts), a policy that lets an answer
 *  opened as a page load nothing and be framed by no one, and never cached. */
export const API_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { ...API_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(data.length), ...headers });
  res.end(data);
}

export function sendBytes(res: ServerResponse, type: string, data: Uint8Array, headers: Record<string, string> = {}): void {
  res.writeHead(200, { ...API_HEADERS, 'Content-Type': type, 'Content-Length': String(data.length), ...headers });
  res.end(data);
}

/** Reads the body up to `limit` bytes; past it, 413 (the connection is closed after the answer). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.reject(new HttpError(413, 'too_large', `the body is ${declared} bytes; at most ${limit} are accepted here`));
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(new HttpError(413, 'too_large', `the body passed ${limit} bytes, the most accepted here`));
        return;
      }
      parts.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

export async function readJson<S extends z.ZodType>(req: IncomingMessage, schema: S, limit: number): Promise<z.infer<S>> {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) throw new HttpError(415, 'not_json', 'send the body as application/json');
  const buf = await readBody(req, limit);
  let raw: unknown;
  try {
    raw = JSON.parse(buf.toString('utf8'));
  } catch (e) {
    throw new HttpError(400, 'bad_json', `the body is not valid JSON: ${(e as Error).message}`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new HttpError(400, 'invalid', `${first.path.join('.') || 'body'}: ${first.message}`);
  }
  return r.data;
}

export function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

export type Handler<C> = (ctx: C, params: Record<string, string>) => Promise<void>;

interface Route<C> {
  method: string;
  parts: string[];
  handler: Handler<C>;
}

/** Routes like 'GET /api/reviews/:id'; matching returns the handler and the path parameters. */
export class Router<C> {
  private routes: Route<C>[] = [];
  add(spec: string, handler: Handler<C>): this {
    const [method, path] = spec.split(' ');
    this.routes.push({ method, parts: path.split('/'), handler });
    return this;
  }
  match(method: string, path: string): { handler: Handler<C>; params: Record<string, string> } | 'method' | undefined {
    const parts = path.split('/');
    let wrongMethod = false;
    for (const r of this.routes) {
      if (r.parts.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = r.parts.every((p, i) => {
        if (!p.startsWith(':')) return p === parts[i];
        params[p.slice(1)] = decodeURIComponent(parts[i]);
        return parts[i].length > 0;
      });
      if (!ok) continue;
      if (r.method === method) return { handler: r.handler, params };
      wrongMethod = true;
    }
    return wrongMethod ? 'method' : undefined;
  }
}
