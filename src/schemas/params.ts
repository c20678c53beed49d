// Parameter overrides from a project file or the command line (`--set name=value`), validated
// against the defaults in src/core/params.ts: an unknown name or a value of the wrong type is an
// error that names the parameter, never a silently ignored setting.
import { z } from 'zod';
import { FACILITY_KINDS, type FacilityKind, type Msg } from '../core/model';
import { DEFAULT_PARAMS, type Params } from '../core/params';
import { PARAM_BOUNDS, type Bound } from '../core/limits';
import { closestFirst, thresholdKeys } from '../core/rules/threshold-keys';

const zKinds = z.array(z.enum(FACILITY_KINDS as [FacilityKind, ...FacilityKind[]]));

/** Per-parameter schema: built from the defaults so a parameter added there is accepted here. */
function schemaFor(name: string): z.ZodType | undefined {
  if (name === 'reach') return z.enum(['auto', 'straight', 'network']);
  if (name === 'year') return z.number().int().min(2000).max(2100);
  if (name === 'thresholds') return z.record(z.string(), z.number().finite().min(0));
  const d = (DEFAULT_PARAMS as unknown as Record<string, unknown>)[name];
  const b = (PARAM_BOUNDS as Record<string, Bound>)[name];
  if (typeof d === 'number' && b) return z.number().finite().min(b.min, `${b.min}–${b.max}`).max(b.max, `${b.min}–${b.max}`);
  if (typeof d === 'number') return z.number().finite().positive();
  if (typeof d === 'boolean') return z.boolean();
  if (typeof d === 'string') return z.string();
  if (Array.isArray(d)) return zKinds;
  return undefined;
}

export function paramNames(): string[] {
  return [...Object.keys(DEFAULT_PARAMS), 'thresholds'];
}

export type ParamsResult = { ok: true; params: Partial<Params> } | { ok: false; msg: Msg };

/** Validate a params object (e.g. from a project file). */
export function parseParams(raw: unknown): ParamsResult {
  if (raw === undefined || raw === null) return { ok: true, params: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, msg: { key: 'params.notObject' } };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const s = schemaFor(k);
    if (!s) return { ok: false, msg: { key: 'params.unknown', args: { name: k, known: closestFirst(k, paramNames()).join(', ') } } };
    const r = s.safeParse(v);
    if (!r.success) return { ok: false, msg: { key: 'params.badValue', args: { name: k, value: JSON.stringify(v), detail: r.error.issues[0]?.message ?? '' } } };
    out[k] = r.data;
  }
  return { ok: true, params: out as Partial<Params> };
}

/** One `name=value` assignment. `threshold.<rule key>=N` overrides a rule's threshold;
 *  list parameters take comma-separated kinds. */
export function parseAssignment(text: string, into: Partial<Params>): ParamsResult {
  const eq = text.indexOf('=');
  if (eq <= 0) return { ok: false, msg: { key: 'params.assignment', args: { text } } };
  const name = text.slice(0, eq).trim();
  const value = text.slice(eq + 1).trim();
  if (name.startsWith('threshold.')) {
    const key = name.slice('threshold.'.length);
    const known = thresholdKeys();
    if (!known.includes(key)) return { ok: false, msg: { key: 'params.unknownThreshold', args: { name: key, known: closestFirst(key, known).join(', ') } } };
    const n = Number(value);
    if (value === '' || !Number.isFinite(n) || n < 0) return { ok: false, msg: { key: 'params.badValue', args: { name, value, detail: '≥ 0' } } };
    return { ok: true, params: { ...into, thresholds: { ...(into.thresholds ?? {}), [key]: n } } };
  }
  const d = (DEFAULT_PARAMS as unknown as Record<string, unknown>)[name];
  const typed: unknown = Array.isArray(d)
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : typeof d === 'number'
      ? value === ''
        ? NaN
        : Number(value)
      : value;
  const r = parseParams({ [name]: typed });
  if (r.ok) return { ok: true, params: { ...into, ...r.params } };
  // echo what was typed ("abc"), not the number it failed to become (NaN prints as null)
  return r.msg.key === 'params.badValue' ? { ok: false, msg: { ...r.msg, args: { ...r.msg.args, value } } } : r;
}

/** Several `--set name=value` in order onto a base; the first bad one stops with its message. */
export function applyAssignments(base: Partial<Params>, texts: readonly string[]): ParamsResult {
  let params: Partial<Params> = { ...base };
  for (const text of texts) {
    const r = parseAssignment(text, params);
    if (!r.ok) return r;
    params = r.params;
  }
  return { ok: true, params };
}
