// A project file's community and street outlines read straight into packed typed arrays
// (core/packed-outlines.ts), the rest of the file by JSON.parse. JSON.parse of a 20 000-community
// city built 3.5 M small arrays (≈ 190 MB of heap), which the check then walked, the session packed
// into typed arrays and the garbage collector traced for seconds. Here one pass over the text finds
// each `communities|streets.features[i].geometry.coordinates` that is a Polygon's or MultiPolygon's
// nesting of [x, y] numbers, parses its numbers into the packing and leaves a number in its place
// (its index); JSON.parse reads what is left (a few MB), and each such geometry gets its
// coordinates back as a getter over the packing (readInto), so every reader sees what JSON.parse
// of the whole file gives. Anything unusual (3-D positions, empty arrays, a number JSON would refuse)
// is left in the text for JSON.parse; a file whose text this does not follow (not an object at the
// top, a string left open, a `coordinates` that is not an array …) is read by JSON.parse alone, so a
// broken file gets JSON.parse's own message. Numbers are read exactly: up to 15 digits with a power
// of ten up to 22 by one correctly rounded division or product (Clinger's fast path), any other by
// Number() of its text (tests/schemas/scan-outlines.test.ts holds it against JSON.parse).
import { PACKED_KIND, type PackedOutlines, QUANTUM, quantises, readInto } from '../core/packed-outlines';

/** the layers whose outlines are packed (the session keeps them packed) */
export const SCANNED_LAYERS = ['communities', 'streets'] as const;
type Scanned = (typeof SCANNED_LAYERS)[number];

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** a growing typed array */
class Grow<A extends Float64Array | Int32Array | Uint32Array | Uint8Array> {
  n = 0;
  constructor(
    public a: A,
    private readonly make: (n: number) => A,
  ) {}
  push(x: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = x;
  }
  /** room for `k` more */
  reserve(k: number): void {
    const b = this.make(Math.max(this.a.length * 2, this.n + k));
    b.set(this.a);
    this.a = b;
  }
  done(): A {
    return this.a.slice(0, this.n) as A;
  }
}

/** One layer's packing as it is read: units are appended whole or not at all. Coordinates are kept
 *  as integers of 1e-7 degree while every one read divides back to exactly itself (the packing the
 *  session would make of them, core/packed-outlines.ts), as Float64 from the first that does not. */
class Builder {
  quantised: Grow<Int32Array> | null = new Grow(new Int32Array(1 << 16), (n) => new Int32Array(n));
  xy = new Grow(new Float64Array(0), (n) => new Float64Array(n));
  /** numbers of coordinates read */
  get values(): number {
    return this.quantised ? this.quantised.n : this.xy.n;
  }
  /** appends the position in XY */
  push(): void {
    const q = this.quantised;
    if (q) {
      if (quantises(XY[0]) && quantises(XY[1])) {
        if (q.n + 2 > q.a.length) q.reserve(2);
        q.a[q.n++] = Math.round(XY[0] * QUANTUM);
        q.a[q.n++] = Math.round(XY[1] * QUANTUM);
        return;
      }
      // from here on Float64: the values so far divide back exactly
      this.xy = new Grow(new Float64Array(Math.max(q.a.length, 1 << 16)), (n) => new Float64Array(n));
      for (let k = 0; k < q.n; k++) this.xy.a[k] = q.a[k] / QUANTUM;
      this.xy.n = q.n;
      this.quantised = null;
    }
    this.xy.push(XY[0]);
    this.xy.push(XY[1]);
  }
  ringVertices = new Grow(new Uint32Array(1 << 12), (n) => new Uint32Array(n));
  polyRings = new Grow(new Uint32Array(1 << 10), (n) => new Uint32Array(n));
  unitPolys = new Grow(new Uint32Array(1 << 10), (n) => new Uint32Array(n));
  kind = new Grow(new Uint8Array(1 << 10), (n) => new Uint8Array(n));
  box = new Grow(new Float64Array(1 << 12), (n) => new Float64Array(n));
  /** the lengths before the unit being read, to drop it */
  mark(): number[] {
    return [this.values, this.ringVertices.n, this.polyRings.n];
  }
  drop([xy, rv, pr]: number[]): void {
    if (this.quantised) this.quantised.n = xy;
    else this.xy.n = xy;
    this.ringVertices.n = rv;
    this.polyRings.n = pr;
  }
  packed(): PackedOutlines {
    const units = this.kind.n;
    const unitPolys = new Uint32Array(units + 1);
    unitPolys.set(this.unitPolys.a.subarray(0, units));
    unitPolys[units] = this.polyRings.n;
    const polyRings = new Uint32Array(this.polyRings.n + 1);
    polyRings.set(this.polyRings.a.subarray(0, this.polyRings.n));
    polyRings[this.polyRings.n] = this.ringVertices.n;
    const ringVertices = new Uint32Array(this.ringVertices.n + 1);
    ringVertices.set(this.ringVertices.a.subarray(0, this.ringVertices.n));
    ringVertices[this.ringVertices.n] = this.values / 2;
    return {
      kind: this.kind.done(),
      unitPolys,
      polyRings,
      ringVertices,
      xy: this.quantised ? this.quantised.done() : this.xy.done(),
      div: this.quantised ? QUANTUM : 1,
      box: this.box.done(),
      label: new Float64Array(units * 2).fill(Number.NaN),
    };
  }
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const BRACE = 0x7b;
const UNBRACE = 0x7d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

const isSpace = (c: number) => c === SPACE || c === LF || c === CR || c === TAB;

/** the position readNumber read last, x then y (a typed array: a double returned from a call or
 *  passed to one is boxed, and 4 M positions made 16 M heap numbers of garbage) */
const XY = new Float64Array(2);

/** Reads the JSON number at `from`, exactly as JSON.parse reads it, into XY[slot]; the index after
 *  it, or -1 if there is none there. */
function readNumber(s: Uint8Array, from: number, slot: number): number {
  let i = from;
  let neg = false;
  let c = s[i];
  if (c === MINUS) {
    neg = true;
    c = s[++i];
  }
  let m = 0;
  let digits = 0;
  if (c === ZERO) {
    c = s[++i];
    digits++;
  } else if (c > ZERO && c <= NINE) {
    do {
      m = m * 10 + (c - ZERO);
      digits++;
      c = s[++i];
    } while (c >= ZERO && c <= NINE);
  } else return -1;
  let frac = 0;
  if (c === DOT) {
    c = s[++i];
    if (!(c >= ZERO && c <= NINE)) return -1;
    do {
      m = m * 10 + (c - ZERO);
      digits++;
      frac++;
      c = s[++i];
    } while (c >= ZERO && c <= NINE);
  }
  let exp = 0;
  if (c === 0x65 || c === 0x45) {
    c = s[++i];
    let expNeg = false;
    if (c === MINUS || c === PLUS) {
      expNeg = c === MINUS;
      c = s[++i];
    }
    if (!(c >= ZERO && c <= NINE)) return -1;
    do {
      if (exp < 100_000) exp = exp * 10 + (c - ZERO);
      c = s[++i];
    } while (c >= ZERO && c <= NINE);
    if (expNeg) exp = -exp;
  }
  const e = exp - frac;
  // an exact mantissa and an exact power of ten: one correctly rounded operation
  if (digits <= 15 && e >= -22 && e <= 22) {
    const v = e < 0 ? m / POW10[-e] : m * POW10[e];
    XY[slot] = neg ? -v : v;
    return i;
  }
  // a spelling this long is left to JSON.parse (a spread of its bytes would overflow the stack)
  if (i - from > 400) return -1;
  XY[slot] = Number(String.fromCharCode(...s.subarray(from, i)));
  return Number.isNaN(XY[slot]) ? -1 : i;
}

/** Reads one coordinates value (the text at `start` is '[') of nesting 3 (a Polygon's) or 4 (a
 *  MultiPolygon's) of [x, y] positions, none empty, into `b`; the index after it, or -1 (nothing
 *  appended). */
function readCoordinates(s: Uint8Array, start: number, b: Builder): number {
  // the nesting: '[' runs before the first number
  let depth = 0;
  let i = start;
  for (let c = s[i]; c === OPEN || isSpace(c); c = s[++i]) if (c === OPEN) depth++;
  if (depth !== 3 && depth !== 4) return -1;
  const mark = b.mark();
  const polys = b.polyRings.n;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const fail = () => {
    b.drop(mark);
    return -1;
  };
  // i is at the first number; every '[' before it opened a polygon (and the list of them), a ring, a position
  b.polyRings.push(b.ringVertices.n);
  b.ringVertices.push(b.values / 2);
  let c = 0;
  for (;;) {
    // a position's numbers, then its ']'
    i = readNumber(s, i, 0);
    if (i < 0) return fail();
    while (isSpace((c = s[i]))) i++;
    if (c !== COMMA) return fail();
    i++;
    while (isSpace((c = s[i]))) i++;
    i = readNumber(s, i, 1);
    if (i < 0) return fail();
    while (isSpace((c = s[i]))) i++;
    if (c !== CLOSE) return fail();
    i++;
    b.push();
    const x = XY[0];
    const y = XY[1];
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
    // what follows: ']' closing the ring, polygon, list of polygons (`closed` of them), then a
    // comma before the next position, ring or polygon, or the end
    let closed = 0;
    for (;;) {
      while (isSpace((c = s[i]))) i++;
      i++;
      if (c === CLOSE) {
        if (++closed === depth - 1) break;
        continue;
      }
      if (c !== COMMA) return fail();
      break;
    }
    if (closed === depth - 1) break;
    // a comma after `closed` arrays closed: open as many again, then a position's '['
    if (closed >= 2) b.polyRings.push(b.ringVertices.n);
    if (closed >= 1) b.ringVertices.push(b.values / 2);
    for (let k = 0; k <= closed; k++) {
      while (isSpace((c = s[i]))) i++;
      if (c !== OPEN) return fail();
      i++;
    }
    while (isSpace(s[i])) i++;
  }
  b.unitPolys.push(polys);
  b.kind.push(depth === 3 ? PACKED_KIND.POLYGON : PACKED_KIND.MULTI);
  b.box.push(west);
  b.box.push(south);
  b.box.push(east);
  b.box.push(north);
  return i;
}

// where in the file the scanner is, as far as the outlines are concerned
const OTHER = 0;
const ROOT = 1;
/** communities or streets (the layer in `layer`) */
const LAYER = 2;
const FEATURES = 3;
const FEATURE = 4;
const GEOMETRY = 5;

/** The file's text (its UTF-8 bytes) with the outlines it read replaced by their index, and the
 *  packings: null when it read none or the text is one it does not follow (JSON.parse reads it all
 *  then). Every byte the scanner looks at is ASCII; a multi-byte character's bytes are all ≥ 0x80. */
function scan(s: Uint8Array): { text: string; refs: { layer: Scanned; i: number }[]; packed: Record<Scanned, PackedOutlines> } | null {
  const builders: Record<Scanned, Builder> = { communities: new Builder(), streets: new Builder() };
  const refs: { layer: Scanned; i: number }[] = [];
  /** what is kept of the text: [from, to) runs, each followed by the index that replaces what comes after it */
  const runs: number[] = [];
  let cut = 0;
  /** per open container: its place (OTHER …) and, for an object, whether a key comes next */
  const place: number[] = [];
  const isObject: boolean[] = [];
  let keyNext = false;
  /** the place the value after the last key opens (an object's key decides it) */
  let valuePlace = OTHER;
  let layer: Scanned = 'communities';
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s[i];
    if (c === QUOTE) {
      const j = stringEnd(s, i);
      if (j < 0) return null;
      const top = place.length - 1;
      if (keyNext && top >= 0) {
        keyNext = false;
        const at = place[top];
        valuePlace = OTHER;
        if (at === ROOT || at === LAYER || at === FEATURE || at === GEOMETRY) {
          const key = keyOf(s, i, j);
          if (key === null) return null;
          if (at === ROOT && (key === 'communities' || key === 'streets')) {
            valuePlace = LAYER;
            layer = key;
          } else if (at === LAYER && key === 'features') valuePlace = FEATURES;
          else if (at === FEATURE && key === 'geometry') valuePlace = GEOMETRY;
          else if (at === GEOMETRY && key === 'coordinates') {
            const v = arrayAfter(s, j);
            if (v < 0) return null;
            const end = readCoordinates(s, v, builders[layer]);
            if (end >= 0) {
              runs.push(cut, v);
              refs.push({ layer, i: builders[layer].kind.n - 1 });
              cut = end;
              i = end;
              continue;
            }
          }
        }
      }
      i = j + 1;
      continue;
    }
    if (c === BRACE || c === OPEN) {
      const top = place.length - 1;
      if (top < 0 && c !== BRACE) return null;
      place.push(top < 0 ? ROOT : placeOf(c === BRACE, place[top], isObject[top], valuePlace));
      isObject.push(c === BRACE);
      keyNext = c === BRACE;
      valuePlace = OTHER;
      i++;
      continue;
    }
    if (c === UNBRACE || c === CLOSE) {
      if (place.length === 0) return null;
      place.pop();
      isObject.pop();
      keyNext = false;
      valuePlace = OTHER;
      i++;
      if (place.length === 0) break;
      continue;
    }
    if (c === COMMA) keyNext = place.length > 0 && isObject[place.length - 1];
    i++;
  }
  if (refs.length === 0) return null;
  runs.push(cut, n);
  return { text: keptText(s, runs), refs, packed: { communities: builders.communities.packed(), streets: builders.streets.packed() } };
}

/** where a container opened in `parent` is (an object or an array; `valuePlace`: what the key before
 *  it, in an object, made of its value) */
function placeOf(object: boolean, parent: number, inObject: boolean, valuePlace: number): number {
  if (inObject) return object === (valuePlace !== FEATURES) ? valuePlace : OTHER;
  return object && parent === FEATURES ? FEATURE : OTHER;
}

/** The index of the '[' that opens the value after the key whose closing quote is at `j`; -1 for
 *  any other value (a number there would read as an index: such a file goes to JSON.parse whole). */
function arrayAfter(s: Uint8Array, j: number): number {
  let v = j + 1;
  while (isSpace(s[v])) v++;
  if (s[v] !== COLON) return -1;
  v++;
  while (isSpace(s[v])) v++;
  return s[v] === OPEN ? v : -1;
}

/** the index of the quote closing the string that opens at `from` (one not escaped), or -1 */
function stringEnd(s: Uint8Array, from: number): number {
  let j = s.indexOf(QUOTE, from + 1);
  while (j >= 0) {
    let k = j - 1;
    while (s[k] === BACKSLASH) k--;
    if ((j - 1 - k) % 2 === 0) return j;
    j = s.indexOf(QUOTE, j + 1);
  }
  return -1;
}

/** The kept runs [from, to) of the text, the k-th followed by the index k (but the last), in one
 *  buffer decoded once (runs end at ASCII bytes: no character is cut in two). */
function keptText(s: Uint8Array, runs: number[]): string {
  const count = runs.length / 2;
  const marks = Array.from({ length: count - 1 }, (_, k) => String(k));
  let size = 0;
  for (let k = 0; k < count; k++) size += runs[2 * k + 1] - runs[2 * k] + (marks[k]?.length ?? 0);
  const out = new Uint8Array(size);
  let o = 0;
  for (let k = 0; k < count; k++) {
    out.set(s.subarray(runs[2 * k], runs[2 * k + 1]), o);
    o += runs[2 * k + 1] - runs[2 * k];
    const mark = marks[k] ?? '';
    for (let m = 0; m < mark.length; m++) out[o++] = mark.charCodeAt(m);
  }
  return UTF8.decode(out);
}

/** UTF-8 decoded as it stands: a byte-order mark is dropped only where the caller says (withoutMarks) */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** the bytes without up to `n` leading UTF-8 byte-order marks (EF BB BF) */
export function withoutMarks(b: Uint8Array, n: number): Uint8Array {
  let i = 0;
  while (n-- > 0 && b[i] === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf) i += 3;
  return i === 0 ? b : b.subarray(i);
}

/** the names the scanner looks for, as bytes */
const NAMES = ['communities', 'streets', 'features', 'geometry', 'coordinates'].map((name) => ({ name, bytes: Uint8Array.from(name, (ch) => ch.charCodeAt(0)) }));

/** a key's text as far as the scanner compares it with its ASCII names: the name it spells ('' for
 *  any other key), compared byte by byte (making a string of every key of 30 000 features was ≈
 *  100 MB of iterator garbage); decoded when it holds an escape; null if JSON would refuse it */
function keyOf(s: Uint8Array, from: number, to: number): string | null {
  const n = to - from - 1;
  let escaped = false;
  for (let k = from + 1; k < to; k++) if (s[k] === BACKSLASH) escaped = true;
  if (!escaped) {
    for (const { name, bytes } of NAMES) {
      if (bytes.length !== n) continue;
      let k = 0;
      while (k < n && s[from + 1 + k] === bytes[k]) k++;
      if (k === n) return name;
    }
    return '';
  }
  try {
    return JSON.parse(new TextDecoder().decode(s.subarray(from, to + 1))) as string;
  } catch {
    return null;
  }
}

/**
 * The file's text (or its UTF-8 bytes, as a File or a fetch gives them: no 100 MB string is made of
 * the outlines) as JSON.parse reads it, with the communities' and streets' outlines read into packed
 * arrays: each such geometry's `coordinates` is a getter over the packing (readInto; readAt tells
 * where). Throws JSON.parse's own error for a broken file.
 */
export function parseScanned(input: string | Uint8Array): unknown {
  // bytes lose one byte-order mark, as a decoder drops it; text keeps what it has (JSON.parse refuses it)
  const bytes = typeof input === 'string' ? null : withoutMarks(input, 1);
  const text = () => (bytes ? UTF8.decode(bytes) : (input as string));
  const r = scan(bytes ?? new TextEncoder().encode(input as string));
  if (!r) return JSON.parse(text());
  let raw: unknown;
  try {
    raw = JSON.parse(r.text);
  } catch {
    // the message and position of the file as it is
    return JSON.parse(text());
  }
  // every number at a layer's features[i].geometry.coordinates is an index put there by scan()
  const root = raw as Record<string, unknown>;
  for (const name of SCANNED_LAYERS) {
    const features = asRecord(root[name])?.features;
    if (!Array.isArray(features)) continue;
    for (const f of features) {
      const g = asRecord(asRecord(f)?.geometry);
      const ref = g && typeof g.coordinates === 'number' ? r.refs[g.coordinates] : undefined;
      if (g && ref) readInto(g, { packed: r.packed[ref.layer], i: ref.i });
    }
  }
  return raw;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
