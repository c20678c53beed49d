// JSON text written with the liberties JSON allows (tests/schemas/scan-outlines.test.ts and the
// session's packed opening use it): whitespace of all four kinds, numbers spelled several ways
// (exponents, -0 as -0.0 or -0e0, 21 significant digits), strings and keys with \u escapes.
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json } | { entries: [string, Json][] };

/** a number as JSON text, in one of several spellings JSON allows for the same value */
export const spell = (v: number, how: number): string => {
  if (Object.is(v, -0)) return ['-0', '-0.0', '-0e0', '-0E+3'][how % 4];
  if (!Number.isFinite(v)) return String(v);
  switch (how % 6) {
    case 1:
      return v.toExponential();
    case 2:
      return v.toExponential().toUpperCase().replace('E+', 'E');
    case 3:
      return v.toPrecision(21).replace(/e\+?/, 'e');
    case 4:
      return Number.isInteger(v) && Math.abs(v) < 1e15 ? `${v}.000` : JSON.stringify(v);
    default:
      return JSON.stringify(v);
  }
};

/** JSON text of `v` with random whitespace and spellings (`r` gives 0 … 1); `{ entries }` writes
 *  its pairs as they are (a key twice) */
export function messy(v: Json, r: () => number): string {
  const ws = () => [' ', '\t', '\n', '\r\n', '', '', '', ''][Math.floor(r() * 8)];
  const str = (s: string) => (r() < 0.2 ? JSON.stringify(s).replace(/[^\x20-\x7e]|o/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : JSON.stringify(s));
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return spell(v, Math.floor(r() * 12));
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) return `[${ws()}${v.map((x) => messy(x, r) + ws()).join(`,${ws()}`)}]`;
  const entries = 'entries' in v && Array.isArray(v.entries) ? (v.entries as [string, Json][]) : Object.entries(v);
  return `{${ws()}${entries.map(([k, x]) => `${str(k)}${ws()}:${ws()}${messy(x, r)}${ws()}`).join(`,${ws()}`)}}`;
}

/** a seeded 0 … 1 generator */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
}
