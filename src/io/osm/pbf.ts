// Reader for .osm.pbf (https://wiki.openstreetmap.org/wiki/PBF_Format): a sequence of
// [4-byte big-endian length][BlobHeader][Blob]; each Blob holds a zlib-compressed (or raw)
// OSMHeader or PrimitiveBlock protobuf message. Protobuf fields are decoded with `pbf`,
// zlib with `fflate`. Dense nodes, plain nodes, ways and relations (tags and members) are read.
import { unzlibSync } from 'fflate';
import { PbfReader } from 'pbf';
import { IoError } from '../errors';
import { OsmData, type Tags } from './data';
import { errorMessage } from '../../core/errors';

/** features a reader must understand to read a file; anything else listed there we cannot read
 *  (HistoricalInformation among them: a history file holds every old version of every object) */
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);

export function readOsmPbf(bytes: Uint8Array, file: string): OsmData {
  const data = new OsmData();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  let blobIndex = 0;
  while (pos < bytes.length) {
    if (pos + 4 > bytes.length) throw new IoError('osm.err.pbfTruncated', { file, offset: pos });
    const headerLen = view.getUint32(pos);
    pos += 4;
    if (headerLen > 64 * 1024 || pos + headerLen > bytes.length) throw new IoError('osm.err.pbfCorrupt', { file, offset: pos, detail: `BlobHeader length ${headerLen}` });
    const header = new PbfReader(bytes.subarray(pos, pos + headerLen)).readFields(
      (tag, h: { type: string; size: number }, p) => {
        if (tag === 1) h.type = p.readString();
        else if (tag === 3) h.size = p.readVarint();
      },
      { type: '', size: -1 },
    );
    pos += headerLen;
    if (header.size < 0 || pos + header.size > bytes.length) throw new IoError('osm.err.pbfTruncated', { file, offset: pos });
    const block = unpackBlob(bytes.subarray(pos, pos + header.size), file, pos);
    pos += header.size;
    if (header.type === 'OSMHeader') checkHeader(block, file);
    else if (header.type === 'OSMData') readPrimitiveBlock(block, data);
    // other blob types are allowed by the format and skipped
    blobIndex++;
  }
  if (blobIndex === 0) throw new IoError('osm.err.pbfEmpty', { file });
  return data;
}

function unpackBlob(blob: Uint8Array, file: string, offset: number): Uint8Array {
  const b = new PbfReader(blob).readFields((tag, r: { raw?: Uint8Array; zlib?: Uint8Array; other?: number }, p) => {
    if (tag === 1) r.raw = p.readBytes();
    else if (tag === 3) r.zlib = p.readBytes();
    else if (tag === 4 || tag === 5 || tag === 6 || tag === 7) r.other = tag;
  }, {});
  if (b.raw) return b.raw;
  if (b.zlib) {
    try {
      return unzlibSync(b.zlib);
    } catch (e) {
      throw new IoError('osm.err.pbfCorrupt', { file, offset, detail: `zlib: ${errorMessage(e)}` });
    }
  }
  const names: Record<number, string> = { 4: 'lzma', 5: 'bzip2', 6: 'lz4', 7: 'zstd' };
  throw new IoError('osm.err.pbfCompression', { file, compression: names[b.other ?? 0] ?? 'unknown' });
}

function checkHeader(block: Uint8Array, file: string): void {
  const required: string[] = [];
  new PbfReader(block).readFields((tag, r: string[], p) => {
    if (tag === 4) r.push(p.readString());
  }, required);
  const unknown = required.filter((f) => !SUPPORTED_FEATURES.has(f));
  if (unknown.length > 0) throw new IoError('osm.err.pbfFeatures', { file, features: unknown.join(', ') });
}

interface Block {
  strings: string[];
  groups: [number, number][];
  granularity: number;
  latOffset: number;
  lonOffset: number;
}

function readPrimitiveBlock(buf: Uint8Array, data: OsmData): void {
  const p = new PbfReader(buf);
  const block = p.readFields(
    (tag, b: Block, r) => {
      if (tag === 1) {
        const end = r.readVarint() + r.pos;
        r.readFields(
          (t, s: string[], rr) => {
            if (t === 1) s.push(rr.readString());
          },
          b.strings,
          end,
        );
      } else if (tag === 2) {
        const len = r.readVarint();
        b.groups.push([r.pos, r.pos + len]);
        r.pos += len;
      } else if (tag === 17) b.granularity = r.readVarint();
      else if (tag === 19) b.latOffset = r.readVarint(true);
      else if (tag === 20) b.lonOffset = r.readVarint(true);
    },
    { strings: [], groups: [], granularity: 100, latOffset: 0, lonOffset: 0 },
  );
  // coordinates: offset + granularity × value, in nanodegrees
  const lonOf = (v: number): number => (block.lonOffset + block.granularity * v) / 1e9;
  const latOf = (v: number): number => (block.latOffset + block.granularity * v) / 1e9;
  const s = block.strings;
  const tagsOf = (keys: number[], vals: number[]): Tags => {
    const t: Tags = {};
    for (let i = 0; i < keys.length; i++) t[s[keys[i]]] = s[vals[i]];
    return t;
  };
  for (const [start, end] of block.groups) {
    new PbfReader(buf.subarray(start, end)).readFields((tag, _: null, r) => {
      if (tag === 1) {
        const n = r.readMessage(
          (t, o: { id: number; keys: number[]; vals: number[]; lat: number; lon: number }, rr) => {
            if (t === 1) o.id = rr.readSVarint();
            else if (t === 2) rr.readPackedVarint(o.keys);
            else if (t === 3) rr.readPackedVarint(o.vals);
            else if (t === 8) o.lat = rr.readSVarint();
            else if (t === 9) o.lon = rr.readSVarint();
          },
          { id: 0, keys: [], vals: [], lat: 0, lon: 0 },
        );
        data.addNode(n.id, lonOf(n.lon), latOf(n.lat), tagsOf(n.keys, n.vals));
      } else if (tag === 2) readDense(r, data, s, lonOf, latOf);
      else if (tag === 3) {
        const w = r.readMessage(
          (t, o: { id: number; keys: number[]; vals: number[]; refs: number[] }, rr) => {
            if (t === 1) o.id = rr.readVarint();
            else if (t === 2) rr.readPackedVarint(o.keys);
            else if (t === 3) rr.readPackedVarint(o.vals);
            else if (t === 8) rr.readPackedSVarint(o.refs);
          },
          { id: 0, keys: [], vals: [], refs: [] },
        );
        for (let i = 1; i < w.refs.length; i++) w.refs[i] += w.refs[i - 1]; // delta-coded
        data.ways.push({ id: w.id, refs: w.refs, tags: tagsOf(w.keys, w.vals) });
      } else if (tag === 4) {
        const rel = r.readMessage(
          (t, o: { id: number; keys: number[]; vals: number[]; roles: number[]; ids: number[]; types: number[] }, rr) => {
            if (t === 1) o.id = rr.readVarint();
            else if (t === 2) rr.readPackedVarint(o.keys);
            else if (t === 3) rr.readPackedVarint(o.vals);
            else if (t === 8) rr.readPackedVarint(o.roles);
            else if (t === 9) rr.readPackedSVarint(o.ids);
            else if (t === 10) rr.readPackedVarint(o.types);
          },
          { id: 0, keys: [], vals: [], roles: [], ids: [], types: [] },
        );
        const TYPES = ['node', 'way', 'relation'] as const;
        let ref = 0;
        const members = rel.ids.map((delta, i) => {
          ref += delta; // delta-coded
          return { type: TYPES[rel.types[i]] ?? 'node', ref, role: s[rel.roles[i]] ?? '' };
        });
        data.relations.push({ id: rel.id, tags: tagsOf(rel.keys, rel.vals), members });
      }
    }, null);
  }
}

function readDense(r: PbfReader, data: OsmData, s: string[], lonOf: (v: number) => number, latOf: (v: number) => number): void {
  const d = r.readMessage(
    (t, o: { ids: number[]; lats: number[]; lons: number[]; kv: number[] }, rr) => {
      if (t === 1) rr.readPackedSVarint(o.ids);
      else if (t === 8) rr.readPackedSVarint(o.lats);
      else if (t === 9) rr.readPackedSVarint(o.lons);
      else if (t === 10) rr.readPackedVarint(o.kv);
    },
    { ids: [], lats: [], lons: [], kv: [] },
  );
  let id = 0;
  let lat = 0;
  let lon = 0;
  let k = 0;
  for (let i = 0; i < d.ids.length; i++) {
    id += d.ids[i];
    lat += d.lats[i];
    lon += d.lons[i];
    // keys_vals: k, v, k, v, …, 0 per node (empty when no node in the block has tags)
    let tags: Tags | null = null;
    if (d.kv.length > 0) {
      while (k < d.kv.length && d.kv[k] !== 0) {
        (tags ??= {})[s[d.kv[k]]] = s[d.kv[k + 1]];
        k += 2;
      }
      k++;
    }
    data.addNode(id, lonOf(lon), latOf(lat), tags);
  }
}
