// OpenStreetMap extract (.osm XML or .osm.pbf) → walking network (Road[]) and facility points.
// Everything imported carries the ODbL attribution; the result also lists what was left out and
// why (ways not walkable by tag, care-related features no kind fits, ways cut by the extract).
import type { Facility, Msg, Road } from '../../core/model';
import { IoError } from '../errors';
import type { OsmData, Tags } from './data';
import { capacityField, isCareRelated, mapFacility, nameOf } from './facilities';
import { readOsmPbf } from './pbf';
import { notWalkable } from './walking';
import { readOsmXml } from './xml';

import { OSM_ATTRIBUTION } from './attribution';

export { OSM_ATTRIBUTION } from './attribution';

export interface UnmappedGroup {
  /** reason code; i18n key `osm.unmapped.<reason>` */
  reason: string;
  /** the tags that matter, e.g. "amenity=social_facility social_facility=outreach social_facility:for=senior" */
  tags: string;
  count: number;
  /** up to 5 OSM references like "node/123" */
  examples: string[];
}

export interface OsmIssue {
  /** "way/123" */
  ref: string;
  msg: Msg;
}

export interface OsmImport {
  roads: Road[];
  facilities: Facility[];
  unmapped: UnmappedGroup[];
  /** highway values left out of the walking network, with counts */
  skippedHighways: Record<string, number>;
  issues: OsmIssue[];
  attribution: string;
  stats: { nodes: number; ways: number; relations: number; roads: number; facilities: number };
}

/** Reads a whole file: PBF when the name ends .pbf or the bytes are not XML, else XML. */
export function importOsm(input: Uint8Array | string, file: string): OsmImport {
  const data = typeof input === 'string' ? readOsmXml(input, file) : looksLikeXml(input, file) ? readOsmXml(new TextDecoder('utf-8').decode(input), file) : readOsmPbf(input, file);
  return convertOsm(data);
}

function looksLikeXml(bytes: Uint8Array, file: string): boolean {
  if (/\.pbf$/i.test(file)) return false;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).trimStart();
  if (head.startsWith('<')) return true;
  if (/\.osm$/i.test(file)) throw new IoError('osm.err.notOsmXml', { file, start: head.slice(0, 60) });
  return false;
}

const KEY_TAGS = ['amenity', 'social_facility', 'social_facility:for', 'healthcare', 'min_age'];

export function convertOsm(data: OsmData): OsmImport {
  const roads: Road[] = [];
  const facilities: Facility[] = [];
  const issues: OsmIssue[] = [];
  const skippedHighways: Record<string, number> = {};
  const unmapped = new Map<string, UnmappedGroup>();

  const addFacility = (ref: string, osmType: 'node' | 'way' | 'relation', id: number, lon: number, lat: number, tags: Tags): void => {
    if (!isCareRelated(tags)) return;
    const m = mapFacility(tags);
    if ('unmapped' in m) {
      const key = KEY_TAGS.filter((k) => tags[k] !== undefined)
        .map((k) => `${k}=${tags[k]}`)
        .join(' ');
      const g = unmapped.get(`${m.unmapped}|${key}`) ?? { reason: m.unmapped, tags: key, count: 0, examples: [] };
      g.count++;
      if (g.examples.length < 5) g.examples.push(ref);
      unmapped.set(`${m.unmapped}|${key}`, g);
      return;
    }
    const f: Facility = {
      id: `osm-${osmType}-${id}`,
      name: nameOf(tags),
      kind: m.kind,
      geometry: { type: 'Point', coordinates: [lon, lat] },
      extra: { source: OSM_ATTRIBUTION, osm: ref, osm_tags: tags, kind_from: m.by },
    };
    const cap = Number(tags.capacity);
    const field = capacityField(m.kind);
    if (field && Number.isFinite(cap) && cap > 0) f[field] = cap;
    facilities.push(f);
  };

  for (const n of data.taggedNodes) addFacility(`node/${n.id}`, 'node', n.id, n.lon, n.lat, n.tags);

  for (const w of data.ways) {
    const ref = `way/${w.id}`;
    // coordinates in runs: a node missing from the extract breaks the line there
    const parts: [number, number][][] = [[]];
    let missing = 0;
    for (const r of w.refs) {
      const c = data.coord(r);
      if (c) parts[parts.length - 1].push(c);
      else {
        missing++;
        if (parts[parts.length - 1].length > 0) parts.push([]);
      }
    }
    const lines = parts.filter((p) => p.length >= 2);
    if (w.tags.highway) {
      const why = notWalkable(w.tags);
      if (why) skippedHighways[why] = (skippedHighways[why] ?? 0) + 1;
      else if (lines.length === 0) issues.push({ ref, msg: { key: 'osm.issue.wayNoNodes', args: { ref, refs: w.refs.length } } });
      else {
        if (missing > 0) issues.push({ ref, msg: { key: 'osm.issue.wayCut', args: { ref, missing, total: w.refs.length } } });
        roads.push({
          id: `osm-way-${w.id}`,
          highway: w.tags.highway,
          ...(nameOf(w.tags) ? { name: nameOf(w.tags) } : {}),
          geometry: lines.length === 1 ? { type: 'LineString', coordinates: lines[0] } : { type: 'MultiLineString', coordinates: lines },
          source: OSM_ATTRIBUTION,
        });
      }
    }
    if (isCareRelated(w.tags)) {
      // a building or grounds drawn as an area: the facility stands at the mean of its outline
      const pts = lines.flat();
      const ring = pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1] ? pts.slice(1) : pts;
      if (ring.length === 0) issues.push({ ref, msg: { key: 'osm.issue.facilityNoNodes', args: { ref } } });
      else addFacility(ref, 'way', w.id, ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length, w.tags);
    }
  }

  // a facility drawn as a multipolygon: at the mean of its outer ways' nodes (without closing repeats)
  const wayById = new Map(data.ways.map((w) => [w.id, w]));
  for (const r of data.relations) {
    if (!isCareRelated(r.tags)) continue;
    const ref = `relation/${r.id}`;
    const seen = new Set<number>();
    let lon = 0;
    let lat = 0;
    for (const m of r.members) {
      if (m.type !== 'way' || (m.role !== 'outer' && m.role !== '')) continue;
      for (const n of wayById.get(m.ref)?.refs ?? []) {
        const c = seen.has(n) ? undefined : data.coord(n);
        if (!c) continue;
        seen.add(n);
        lon += c[0];
        lat += c[1];
      }
    }
    if (seen.size === 0) issues.push({ ref, msg: { key: 'osm.issue.relationFacility', args: { ref, name: nameOf(r.tags) } } });
    else addFacility(ref, 'relation', r.id, lon / seen.size, lat / seen.size, r.tags);
  }

  return {
    roads,
    facilities,
    unmapped: [...unmapped.values()].sort((a, b) => b.count - a.count || a.tags.localeCompare(b.tags)),
    skippedHighways,
    issues,
    attribution: OSM_ATTRIBUTION,
    stats: { nodes: data.nodeCount, ways: data.ways.length, relations: data.relations.length, roads: roads.length, facilities: facilities.length },
  };
}
