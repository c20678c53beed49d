// Reader for .osm XML (OSM API 0.6 / JOSM / osmium output). A small scanner over the text rather
// than a DOM: extracts of a district run to hundreds of MB, and OSM XML uses a fixed, flat set of
// elements (node, way, nd, tag, relation, member) with attributes only.
import { IoError } from '../errors';
import { OsmData, type OsmMember, type Tags } from './data';

// attribute values may hold a literal '>' (XML allows it), so quoted strings are matched whole
const ELEMENT = /<(\/?)(osm|node|way|relation|nd|tag|member)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ATTR = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function readOsmXml(text: string, file: string): OsmData {
  if (!/<osm[\s>]/.test(text.slice(0, 4096))) {
    throw new IoError('osm.err.notOsmXml', { file, start: text.slice(0, 60).replace(/\s+/g, ' ') });
  }
  const data = new OsmData();
  type Open =
    | { kind: 'node'; id: number; lon: number; lat: number; tags: Tags }
    | { kind: 'way'; id: number; refs: number[]; tags: Tags }
    | { kind: 'relation'; id: number; tags: Tags; members: OsmMember[] };
  let open: Open | null = null;
  let m: RegExpExecArray | null;
  ELEMENT.lastIndex = 0;
  while ((m = ELEMENT.exec(text))) {
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (open && name === open.kind) finish(open);
      if (name === 'node' || name === 'way' || name === 'relation') open = null;
      continue;
    }
    if (name === 'osm') continue;
    const a = attrs(attrText);
    if (name === 'member') {
      if (open?.kind === 'relation' && (a.type === 'node' || a.type === 'way' || a.type === 'relation'))
        open.members.push({ type: a.type, ref: Number(a.ref), role: a.role ?? '' });
      continue;
    }
    if (name === 'tag') {
      if (open && a.k !== undefined) open.tags[a.k] = a.v ?? '';
      continue;
    }
    if (name === 'nd') {
      if (open?.kind === 'way') open.refs.push(Number(a.ref));
      continue;
    }
    // a new node, way or relation; skip ones the file marks deleted (JOSM) or not visible
    const deleted = a.action === 'delete' || a.visible === 'false';
    const id = Number(a.id);
    if (!Number.isSafeInteger(id)) throw new IoError('osm.err.badId', { file, element: name, id: String(a.id), offset: m.index });
    if (name === 'node') {
      const lon = Number(a.lon);
      const lat = Number(a.lat);
      if (!deleted && !(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
        throw new IoError('osm.err.badCoord', { file, id, lon: String(a.lon), lat: String(a.lat) });
      }
      open = deleted ? null : { kind: 'node', id, lon, lat, tags: {} };
    } else if (name === 'way') open = deleted ? null : { kind: 'way', id, refs: [], tags: {} };
    else open = deleted ? null : { kind: 'relation', id, tags: {}, members: [] };
    if (selfClosing && open) {
      finish(open);
      open = null;
    }
  }
  return data;

  function finish(o: Open): void {
    if (o.kind === 'node') data.addNode(o.id, o.lon, o.lat, o.tags);
    else if (o.kind === 'way') data.ways.push({ id: o.id, refs: o.refs, tags: o.tags });
    else data.relations.push({ id: o.id, tags: o.tags, members: o.members });
  }
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  let m: RegExpExecArray | null;
  ATTR.lastIndex = 0;
  while ((m = ATTR.exec(s))) out[m[1]] = decode(m[2] ?? m[3] ?? '');
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|\w+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}
