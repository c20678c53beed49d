// KML and KMZ (zipped KML). KML coordinates are WGS84 lon/lat by definition; files exported
// from Chinese map apps may still carry GCJ-02, which opts.coords converts.
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Geometry } from 'geojson';
import { crsFromUser } from '../crs';
import { fail } from '../errors';
import type { ReadOptions, SourceFeature, SourceLayer } from '../types';
import { columnsOf, progressEvery, reproject } from './common';
import { unzip } from './zip';
import { decodeText } from '../bytes';
import { coordsFromNames } from '../webmap';
import { errorMessage } from '../../core/errors';

export function readKmz(file: string, b: Uint8Array, opts: ReadOptions): SourceLayer {
  const entries = unzip(file, b, (n) => n.toLowerCase().endsWith('.kml'));
  const names = Object.keys(entries).filter((n) => n.toLowerCase().endsWith('.kml'));
  // the main document is doc.kml by convention, else the first .kml at the top level
  const main = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names.sort((a, c) => a.split('/').length - c.split('/').length)[0];
  if (!main) fail('io.err.kmzNoKml', { file });
  const layer = readKml(file, decodeText(entries[main]).text, opts);
  return { ...layer, format: 'kmz' };
}

export function readKml(file: string, text: string, opts: ReadOptions): SourceLayer {
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    return fail('io.err.xmlSyntax', { file, detail: errorMessage(e).split('\n')[0] });
  }
  if (doc.documentElement?.nodeName !== 'kml') fail('io.err.notKml', { file, found: doc.documentElement?.nodeName ?? '—' });
  const fc = kml(doc);
  const crs = opts.crs ? crsFromUser(opts.crs) : { code: 'EPSG:4326', source: 'format' as const };
  const coords = opts.coords ?? 'wgs84';
  const tick = progressEvery(fc.features.length, opts.onProgress);
  const features = fc.features.map((f, i): SourceFeature => {
    tick(i);
    const props: Record<string, unknown> = { ...(f.properties ?? {}) };
    // styling that togeojson lifts into properties is not data
    for (const k of Object.keys(props))
      if (/^(styleUrl|styleHash|styleMapHash|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|icon-.*|label-.*|visibility)$/.test(k)) delete props[k];
    const g = f.geometry as Geometry | null;
    return g
      ? { number: i + 1, geometry: reproject(g, crs, coords), properties: props }
      : { number: i + 1, geometry: null, properties: props, geometryNote: { key: 'io.note.nullGeometry' } };
  });
  const hinted = !opts.coords ? coordsFromNames([file]) : undefined;
  return {
    name: file.replace(/\.km[lz]$/i, ''),
    format: 'kml',
    numbering: 'feature',
    crs,
    coords,
    columns: columnsOf(features),
    features,
    notes: hinted ? [{ key: 'io.note.webCoordsNamed', args: { coords: hinted } }] : [],
  };
}
