// The OSM import in the shape the other importers return (SourceLayer), so the import pipeline
// (column matching, validation report, project layers) can take .osm / .osm.pbf files like any
// other: one "roads" layer and one "facilities" layer, properties named as the project's fields.
// What was left out (unmapped care features, cut ways) travels as the layers' notes, and the ODbL
// attribution as every feature's `source`. readFile (src/io/read.ts) sends *.osm and *.osm.pbf here.
import type { Msg } from '../../core/model';
import type { SourceFeature, SourceLayer } from '../types';
import { importOsm, type OsmImport } from './index';

export type OsmSourceLayer = SourceLayer & { format: 'osm' };

export function osmSourceLayers(file: string, input: Uint8Array | string): OsmSourceLayer[] {
  return toSourceLayers(file, importOsm(input, file));
}

export function toSourceLayers(file: string, r: OsmImport): OsmSourceLayer[] {
  const base = file.replace(/\.osm(\.pbf)?$/i, '').replace(/\.pbf$/i, '');
  const common = { numbering: 'feature' as const, crs: { code: 'EPSG:4326', source: 'format' as const }, coords: 'wgs84' as const };
  const attribution: Msg = { key: 'osm.attribution' };
  const roads: SourceFeature[] = r.roads.map((x, i) => ({
    number: i + 1,
    geometry: x.geometry,
    properties: { id: x.id, name: x.name ?? '', highway: x.highway ?? '', source: r.attribution },
  }));
  const facilities: SourceFeature[] = r.facilities.map((f, i) => ({
    number: i + 1,
    geometry: f.geometry,
    properties: {
      id: f.id,
      name: f.name,
      kind: f.kind,
      ...(f.beds !== undefined ? { beds: f.beds } : {}),
      ...(f.places !== undefined ? { places: f.places } : {}),
      source: r.attribution,
      osm: String(f.extra.osm ?? ''),
      kind_from: String(f.extra.kind_from ?? ''),
    },
  }));
  const skipped: Msg[] = Object.entries(r.skippedHighways).map(([why, count]) => ({ key: 'osm.note.skippedHighway', args: { why, count } }));
  const unmapped: Msg[] = r.unmapped.map((u) => ({ key: 'osm.note.unmapped', args: { reason: u.reason, tags: u.tags, count: u.count, examples: u.examples.join(', ') } }));
  return [
    {
      ...common,
      name: `${base} roads`,
      format: 'osm',
      columns: ['id', 'name', 'highway', 'source'],
      features: roads,
      notes: [attribution, ...skipped, ...r.issues.filter((i) => i.msg.key.startsWith('osm.issue.way')).map((i) => i.msg)],
    },
    {
      ...common,
      name: `${base} facilities`,
      format: 'osm',
      columns: ['id', 'name', 'kind', 'beds', 'places', 'source', 'osm', 'kind_from'],
      features: facilities,
      notes: [attribution, ...unmapped, ...r.issues.filter((i) => !i.msg.key.startsWith('osm.issue.way')).map((i) => i.msg)],
    },
  ];
}
