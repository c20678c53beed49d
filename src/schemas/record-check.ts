// The last check of a record parseCommunity … parseRoad assembled (src/schemas/features.ts), without
// Zod for the records that pass: Zod parsed each of 50 000 rows into a fresh copy (a third of the
// import's time with its garbage). The fields here are the schemas' (zCommunity … zRoad, geometry
// already checked); a record this check does not accept as it stands goes to Zod, which says
// what is wrong exactly as before. tests/schemas/record-check.test.ts holds the two against each
// other on random records.
import type { ZodType } from 'zod';

type Check = (v: unknown) => boolean;

/** One field of a schema: its check, and whether it may be missing. Listed in the schema's order,
 *  the order Zod gives its output's keys. */
export type RecordSpec = readonly (readonly [key: string, check: Check, optional: boolean])[];

export const text: Check = (v) => typeof v === 'string';
export const nonEmpty: Check = (v) => typeof v === 'string' && v.length > 0;
export const finite: Check = (v) => typeof v === 'number' && Number.isFinite(v);
export const flag: Check = (v) => typeof v === 'boolean';
export const anything: Check = () => true;
export const plainObject: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
export const oneOf = (values: readonly string[]): Check => {
  const set = new Set(values);
  return (v) => typeof v === 'string' && set.has(v);
};
/** [lon, lat] pairs, at least one */
export const lonLatPairs: Check = (v) =>
  Array.isArray(v) && v.length > 0 && v.every((p) => Array.isArray(p) && p.length === 2 && finite(p[0]) && finite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90);

/**
 * True when Zod would return this record unchanged: every key is one of the schema's, in the
 * schema's order, none undefined, each value passes its field's check, none required is missing.
 */
export function fitsAsItIs(spec: RecordSpec, o: Record<string, unknown>): boolean {
  let at = 0;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) return false;
    while (at < spec.length && spec[at][0] !== k) {
      if (!spec[at][2]) return false; // a required field is missing
      at++;
    }
    if (at === spec.length) return false; // a key the schema does not know, or out of order
    const v = o[k];
    if (v === undefined || !spec[at][1](v)) return false;
    at++;
  }
  for (; at < spec.length; at++) if (!spec[at][2]) return false;
  return true;
}

/** The record as Zod's `schema.parse` gives it: itself when it fits as it is, else Zod's answer
 *  (a copy, or the same ZodError thrown as before). */
export function checkRecord<T>(spec: RecordSpec, schema: ZodType<T>, o: Record<string, unknown>): T {
  return fitsAsItIs(spec, o) ? (o as T) : schema.parse(o);
}
