// A small PMTiles v3 writer (spec: github.com/protomaps/PMTiles, spec/v3/spec.md).
// No npm package writes PMTiles, so the build script packs its MVT tiles with this.
// Layout: header (127 B) | root directory | JSON metadata | leaf directories | tile data.
// Tile data is clustered (ordered by Hilbert tile id); identical tiles are stored once.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const HEADER_BYTES = 127;
/** Spec: header + root directory must fit in the first 16 KiB, so clients can fetch both at once. */
export const ROOT_LIMIT_BYTES = 16384;
/** Highest zoom whose tile ids stay below 2^53 (exact in a JS number). */
export const MAX_ZOOM = 26;

/** Header enum values (spec §3). */
export const Compression = { unknown: 0, none: 1, gzip: 2 } as const;
export const TileType = { unknown: 0, mvt: 1, png: 2, jpeg: 3, webp: 4, avif: 5 } as const;
export type TileTypeName = keyof typeof TileType;

export interface TileInput {
  z: number;
  x: number;
  y: number;
  /** Uncompressed tile bytes (e.g. an MVT protobuf). The writer compresses them. */
  data: Uint8Array;
}

export interface WriteOptions {
  tileType: TileTypeName;
  /** gzip (default) or none; MVT should be gzip so browsers and servers agree on Content-Encoding. */
  tileCompression?: 'gzip' | 'none';
  /** JSON metadata; for MVT it should hold vector_layers (TileJSON 3.0) and attribution. */
  metadata: Record<string, unknown>;
  /** [minLon, minLat, maxLon, maxLat] in WGS84 degrees. */
  bounds: [number, number, number, number];
  /** [lon, lat, zoom]; defaults to the middle of bounds at the lowest zoom. */
  center?: [number, number, number];
  /**
   * Tests only: force leaf directories of this many entries even when the root would fit,
   * so the leaf path can be checked on a small archive.
   */
  forceLeafSize?: number;
}

export interface DirectoryEntry {
  tileId: number;
  offset: number;
  length: number;
  /** ≥ 1: this many consecutive tile ids share the blob; 0: the entry points to a leaf directory. */
  runLength: number;
}

export interface WriteStats {
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  leafDirectories: number;
  rootDirectoryBytes: number;
  bytes: number;
}

/**
 * Hilbert tile id (spec §4.1): tiles of lower zooms come first ((4^z − 1) / 3 of them),
 * then the position of (x, y) along the Hilbert curve of order z.
 * Written from the textbook xy→d algorithm; tests compare it with the pmtiles reader's own.
 */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM) {
    throw new RangeError(`zoom ${z} is not an integer in 0..${MAX_ZOOM}`);
  }
  const n = 2 ** z;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) {
    throw new RangeError(`tile ${z}/${x}/${y}: x and y must be integers in 0..${n - 1}`);
  }
  const before = (4 ** z - 1) / 3;
  let d = 0;
  let tx = x;
  let ty = y;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (tx & s) > 0 ? 1 : 0;
    const ry = (ty & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    // rotate the quadrant so the lower bits follow the curve's orientation
    if (ry === 0) {
      if (rx === 1) {
        tx = n - 1 - tx;
        ty = n - 1 - ty;
      }
      [tx, ty] = [ty, tx];
    }
  }
  return before + d;
}

/** Unsigned LEB128 varint; arithmetic instead of bit shifts so values up to 2^53 stay exact. */
export function writeVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint ${value} is not a non-negative safe integer`);
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Directory bytes before compression (spec §4.2): count, then columns of ids, run lengths, lengths, offsets. */
export function serializeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId); // delta-encoded, entries are sorted
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    // 0 means "right after the previous blob", otherwise offset + 1
    writeVarint(out, i > 0 && prev !== undefined && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

function gzip(bytes: Uint8Array): Uint8Array {
  // level 9: the archive is built once and committed; mtime in the gzip header is 0, so output is reproducible
  return new Uint8Array(gzipSync(bytes, { level: 9 }));
}

interface Directories {
  root: Uint8Array;
  leaves: Uint8Array;
  leafCount: number;
}

function buildRootAndLeaves(entries: readonly DirectoryEntry[], leafSize: number): Directories {
  const rootEntries: DirectoryEntry[] = [];
  const leafChunks: Uint8Array[] = [];
  let leafOffset = 0;
  for (let i = 0; i < entries.length; i += leafSize) {
    const chunk = entries.slice(i, i + leafSize);
    const bytes = gzip(serializeDirectory(chunk));
    rootEntries.push({ tileId: chunk[0]!.tileId, offset: leafOffset, length: bytes.length, runLength: 0 });
    leafChunks.push(bytes);
    leafOffset += bytes.length;
  }
  return { root: gzip(serializeDirectory(rootEntries)), leaves: concat(leafChunks), leafCount: leafChunks.length };
}

/** Root only when it fits; otherwise leaves, growing their size until the root fits (as go-pmtiles does). */
function buildDirectories(entries: readonly DirectoryEntry[], forceLeafSize?: number): Directories {
  const rootBudget = ROOT_LIMIT_BYTES - HEADER_BYTES;
  if (forceLeafSize !== undefined) {
    if (!Number.isInteger(forceLeafSize) || forceLeafSize < 1) throw new RangeError(`forceLeafSize ${forceLeafSize} must be a positive integer`);
    return buildRootAndLeaves(entries, forceLeafSize);
  }
  // Above 16384 entries go straight to leaves even if gzip would squeeze them: a client parses the
  // whole root on first load, and a bounded root keeps that cheap.
  if (entries.length < 16384) {
    const root = gzip(serializeDirectory(entries));
    if (root.length <= rootBudget) return { root, leaves: new Uint8Array(0), leafCount: 0 };
  }
  let leafSize = Math.max(4096, Math.ceil(entries.length / 3500));
  for (;;) {
    const dirs = buildRootAndLeaves(entries, leafSize);
    if (dirs.root.length <= rootBudget) return dirs;
    leafSize = Math.ceil(leafSize * 1.2);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function checkBounds(b: readonly number[]): void {
  const [w, s, e, n] = b;
  const ok = b.length === 4 && b.every(Number.isFinite) && w! >= -180 && e! <= 180 && s! >= -90 && n! <= 90 && w! <= e! && s! <= n!;
  if (!ok) throw new RangeError(`bounds [${b.join(', ')}] must be [minLon, minLat, maxLon, maxLat] in WGS84 degrees`);
}

/** Packs tiles into a PMTiles v3 archive. Throws a RangeError naming the tile when the input is wrong. */
export function writePmtiles(tiles: readonly TileInput[], options: WriteOptions): { bytes: Uint8Array; stats: WriteStats } {
  if (tiles.length === 0) throw new RangeError('no tiles to write: a PMTiles directory must not be empty');
  checkBounds(options.bounds);
  const tileCompression = options.tileCompression ?? 'gzip';

  const byId = new Map<number, TileInput>();
  for (const [i, t] of tiles.entries()) {
    const id = zxyToTileId(t.z, t.x, t.y);
    if (t.data.length === 0) throw new RangeError(`tile #${i} ${t.z}/${t.x}/${t.y} is empty: leave empty tiles out instead`);
    if (byId.has(id)) throw new RangeError(`tile #${i} ${t.z}/${t.x}/${t.y} appears twice`);
    byId.set(id, t);
  }
  const ids = [...byId.keys()].sort((a, b) => a - b);

  // Tile data in tile-id order; a blob seen before is referenced, not stored again.
  const blobs: Uint8Array[] = [];
  const seen = new Map<string, { offset: number; length: number }>();
  const entries: DirectoryEntry[] = [];
  let dataLength = 0;
  let minZoom = MAX_ZOOM;
  let maxZoom = 0;
  for (const id of ids) {
    const tile = byId.get(id)!;
    minZoom = Math.min(minZoom, tile.z);
    maxZoom = Math.max(maxZoom, tile.z);
    const hash = createHash('sha256').update(tile.data).digest('hex');
    let blob = seen.get(hash);
    if (!blob) {
      const stored = tileCompression === 'gzip' ? gzip(tile.data) : tile.data;
      blob = { offset: dataLength, length: stored.length };
      seen.set(hash, blob);
      blobs.push(stored);
      dataLength += stored.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === blob.offset && last.tileId + last.runLength === id) {
      last.runLength += 1; // run of identical consecutive tiles (e.g. all-land interior tiles)
    } else {
      entries.push({ tileId: id, offset: blob.offset, length: blob.length, runLength: 1 });
    }
  }

  const dirs = buildDirectories(entries, options.forceLeafSize);
  const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + dirs.root.length;
  const leafOffset = metadataOffset + metadata.length;
  const dataOffset = leafOffset + dirs.leaves.length;
  const [minLon, minLat, maxLon, maxLat] = options.bounds;
  const center = options.center ?? [(minLon + maxLon) / 2, (minLat + maxLat) / 2, minZoom];

  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  header[7] = 3; // spec version
  const u64 = (at: number, v: number): void => view.setBigUint64(at, BigInt(v), true);
  const e7 = (at: number, deg: number): void => view.setInt32(at, Math.round(deg * 1e7), true);
  u64(8, rootOffset);
  u64(16, dirs.root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, leafOffset);
  u64(48, dirs.leaves.length);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(72, ids.length); // addressed tiles = sum of run lengths
  u64(80, entries.length);
  u64(88, blobs.length);
  header[96] = 1; // clustered
  header[97] = Compression.gzip; // internal (directories, metadata)
  header[98] = tileCompression === 'gzip' ? Compression.gzip : Compression.none;
  header[99] = TileType[options.tileType];
  header[100] = minZoom;
  header[101] = maxZoom;
  e7(102, minLon);
  e7(106, minLat);
  e7(110, maxLon);
  e7(114, maxLat);
  header[118] = center[2];
  e7(119, center[0]);
  e7(123, center[1]);

  const bytes = concat([header, dirs.root, metadata, dirs.leaves, ...blobs]);
  return {
    bytes,
    stats: {
      addressedTiles: ids.length,
      tileEntries: entries.length,
      tileContents: blobs.length,
      leafDirectories: dirs.leafCount,
      rootDirectoryBytes: dirs.root.length,
      bytes: bytes.length,
    },
  };
}
