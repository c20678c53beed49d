// KML, KMZ, DXF and GeoJSON readers on files made by GDAL (see tests/fixtures/io/make-fixtures.sh).
import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { areaBox, importLayer, layerSummary, readFile, referencePositions } from '../../src/io';
import { bytes, maxDiff, readFails, readOk, sourceJson } from './helpers';

const communities = sourceJson('communities.geojson');

describe('KML and KMZ', () => {
  it('GDAL KML: names, extended data and polygons with holes', () => {
    const [layer] = readOk('communities.kml', bytes('communities.kml'));
    expect(layer.crs).toEqual({ code: 'EPSG:4326', source: 'format' });
    expect(layer.features.map((f) => f.properties.name)).toEqual(['韦曲街道北街社区', '韦曲街道南街社区', '郭杜街道西江村']);
    expect(layer.features[1].properties['60岁以上人口']).toBe(640);
    layer.features.forEach((f, i) =>
      expect(maxDiff(f.geometry?.type === 'Polygon' ? f.geometry.coordinates : null, communities.features[i].geometry.coordinates)).toBeLessThan(1e-9),
    );
  });
  it('KMZ (the same KML zipped as doc.kml) reads the same', () => {
    const kmz = zipSync({ 'doc.kml': bytes('communities.kml') });
    const [a] = readOk('c.kmz', kmz);
    const [b] = readOk('communities.kml', bytes('communities.kml'));
    expect(a.format).toBe('kmz');
    expect(a.features).toEqual(b.features);
  });
  it('imports as communities: the mapping finds 社区编号, 常住人口 … and the types', () => {
    const [layer] = readOk('communities.kml', bytes('communities.kml'));
    const out = importLayer(layer, { kind: 'communities', file: 'communities.kml' });
    expect(out.report.mapping).toMatchObject({ id: '社区编号', name: 'name', population: '常住人口', elderly: '60岁以上人口', infants: '婴幼儿人数' });
    expect(out.good.map((c) => c.type)).toEqual(['built', 'new', 'rural']);
  });
  it('truncated KML is an XML error naming the file', () => {
    const b = bytes('communities.kml');
    expect(readFails('communities.kml', b.subarray(0, 900)).key).toBe('io.err.xmlSyntax');
  });
});

describe('DXF (planning drawing in EPSG:4524)', () => {
  const layers = readOk('communities-gk36.dxf', bytes('communities-gk36.dxf'));
  it('one layer per DXF layer; closed polylines become polygons, names inside them become labels', () => {
    expect(layers.map((l) => l.name)).toEqual(['社区边界']);
    const [outline] = layers;
    expect(outline.crs).toMatchObject({ code: 'EPSG:4524', source: 'guessed' });
    const labelled = outline.features.filter((f) => f.properties.label);
    expect(labelled.map((f) => f.properties.label)).toEqual(['韦曲街道北街社区', '韦曲街道南街社区', '郭杜街道西江村']);
    // outer rings at the source coordinates (GDAL projected forward, we project back)
    labelled.forEach((f, i) =>
      expect(maxDiff(f.geometry?.type === 'Polygon' ? f.geometry.coordinates[0] : null, communities.features[i].geometry.coordinates[0])).toBeLessThan(1e-7),
    );
    // the hole of 南街社区 is a fourth closed polyline without a label
    expect(outline.features.length).toBe(4);
  });
  it('choosing a layer that is not there lists those that are', () => {
    expect(readFails('communities-gk36.dxf', bytes('communities-gk36.dxf'), { layers: ['道路'] })).toEqual({
      key: 'io.err.noSuchLayer',
      args: { file: 'communities-gk36.dxf', layers: '道路', available: '社区边界' },
    });
  });
});

describe('GeoJSON', () => {
  it('a legacy "crs" member naming EPSG:4524 is honoured', () => {
    const [layer] = readOk('communities-gk36.reference.geojson', bytes('communities-gk36.reference.geojson'));
    expect(layer.crs).toMatchObject({ code: 'EPSG:4524', source: 'format' });
  });
  it('a bare geometry and a single Feature are accepted', () => {
    const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
    expect(readOk('g.json', enc({ type: 'Point', coordinates: [108.9, 34.1] }))[0].features).toHaveLength(1);
    expect(readOk('f.geojson', enc({ type: 'Feature', id: 7, geometry: null, properties: null }))[0].features[0].properties).toEqual({ id: 7 });
  });
  it('an empty file and an unknown extension say so', () => {
    expect(readFile('a.geojson', new Uint8Array()).ok).toBe(false);
    expect(readFails('notes.docx', new Uint8Array([1, 2, 3])).key).toBe('io.err.unknownFormat');
  });
});

describe('summary for the mapping step and reference data for the shift hint', () => {
  it('counts geometry types, keeps a few sample rows and the guessed mapping', () => {
    const [layer] = readOk('communities.kml', bytes('communities.kml'));
    const s = layerSummary(layer, 'communities', 2);
    expect([s.count, s.withoutGeometry, s.geometryTypes, s.sample.length, s.mapping.population]).toEqual([3, 0, { Polygon: 3 }, 2, '常住人口']);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s); // plain data: crosses a worker boundary unchanged
  });
  it('reference positions come from roads, communities and facilities, thinned evenly', () => {
    const layers = {
      roads: [
        {
          id: 'r',
          geometry: {
            type: 'LineString' as const,
            coordinates: [
              [0, 0],
              [1, 1],
              [2, 2],
            ],
          },
        },
      ],
      communities: [],
      facilities: [{ id: 'f', name: 'f', kind: 'elderly_daycare' as const, geometry: { type: 'Point' as const, coordinates: [3, 3] }, extra: {} }],
      streets: [],
    };
    expect(referencePositions(layers)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(referencePositions(layers, 2)).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });
});

describe('more layers and areas', () => {
  it('a zip with two shapefiles gives two layers; layers picks one', () => {
    const a = unzipSync(bytes('communities-gk36-gbk.zip'));
    const b = unzipSync(bytes('facilities-cm108-gbk.zip'));
    const both = zipSync({ ...a, ...b });
    expect(readOk('both.zip', both).map((l) => l.name)).toEqual(['communities_gk36', 'facilities_cm108']);
    expect(readOk('both.zip', both, { layers: ['facilities_cm108'] }).map((l) => l.features.length)).toEqual([3]);
  });
  it('a DXF whose areas are all hatches says that hatches cannot be read', () => {
    const dxf = '  0\nSECTION\n  2\nENTITIES\n  0\nHATCH\n  8\n0\n  0\nHATCH\n  8\n0\n  0\nENDSEC\n  0\nEOF\n';
    expect(readFails('h.dxf', new TextEncoder().encode(dxf))).toEqual({ key: 'io.err.dxfOnlyHatches', args: { file: 'h.dxf', hatches: 2 } });
  });
  it('the study-area box comes from the street outlines', () => {
    const sq = (x: number, y: number) => ({
      type: 'Polygon' as const,
      coordinates: [
        [
          [x, y],
          [x + 1, y],
          [x + 1, y + 1],
          [x, y + 1],
          [x, y],
        ],
      ],
    });
    const streets = [
      { id: 'a', name: 'a', type: 'street' as const, geometry: sq(108, 34), extra: {} },
      { id: 'b', name: 'b', type: 'town' as const, geometry: sq(109, 33), extra: {} },
    ];
    expect(areaBox({ streets, communities: [], facilities: [], roads: [] })).toEqual([108, 33, 110, 35]);
    expect(areaBox({ streets: [], communities: [], facilities: [], roads: [] })).toBeUndefined();
  });
});

describe('geometry shapes from KML and Shapefile', () => {
  it('KML MultiGeometry of two polygons becomes a MultiPolygon a community can have', () => {
    const ring = (x: number) => `${x},34 ${x + 0.01},34 ${x + 0.01},34.01 ${x},34 `;
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>两块社区</name><ExtendedData><Data name="类型"><value>新建</value></Data></ExtendedData><MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(108.9)}</coordinates></LinearRing></outerBoundaryIs></Polygon><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(108.95)}</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry></Placemark></Document></kml>`;
    const [layer] = readOk('multi.kml', new TextEncoder().encode(kml));
    expect(layer.features[0].geometry?.type).toBe('MultiPolygon');
    const out = importLayer(layer, { kind: 'communities', file: 'multi.kml' });
    expect(out.report.problems).toEqual([]);
    expect(out.good[0].geometry.type === 'MultiPolygon' && out.good[0].geometry.coordinates.length).toBe(2);
  });
  it('a one-point MultiPoint is a Point (facilities accept points, not multipoints)', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'F', kind: '养老院' }, geometry: { type: 'MultiPoint', coordinates: [[108.9, 34.1]] } }],
    };
    const [layer] = readOk('mp.geojson', new TextEncoder().encode(JSON.stringify(fc)));
    expect(layer.features[0].geometry).toEqual({ type: 'Point', coordinates: [108.9, 34.1] });
  });
});
