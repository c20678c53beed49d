// The corpus of broken and hostile files (issue 14), made here — large ones too — so nothing big is
// committed. Each case is a file as a planner would drop it: a name and its bytes, and the layer
// it is imported as.
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';

export interface Case {
  name: string;
  kind: 'communities' | 'facilities' | 'streets' | 'roads';
  bytes: () => Uint8Array;
}

const enc = (s: string) => new TextEncoder().encode(s);
const fixture = (n: string) => new Uint8Array(readFileSync(`tests/fixtures/io/${n}`));
const square = [
  [
    [108.9, 34.1],
    [108.91, 34.1],
    [108.91, 34.11],
    [108.9, 34.11],
    [108.9, 34.1],
  ],
];
const community = (props: Record<string, unknown>, geometry: unknown = { type: 'Polygon', coordinates: square }) => ({
  type: 'Feature',
  properties: { id: 'c1', name: '甲', type: 'built', population: 1000, households: 400, ...props },
  geometry,
});
const facility = (props: Record<string, unknown>, geometry: unknown = { type: 'Point', coordinates: [108.9, 34.1] }) => ({
  type: 'Feature',
  properties: { id: 'f1', name: '乙', kind: '养老院', beds: 100, ...props },
  geometry,
});
const fc = (...features: unknown[]) => enc(JSON.stringify({ type: 'FeatureCollection', features }));

function nested(depth: number): string {
  return `${'['.repeat(depth)}108.9,34.1${']'.repeat(depth)}`;
}

function ring(n: number, wobble = 0.05): number[][] {
  const r: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const rad = 0.05 * (1 + wobble * Math.sin(37 * a));
    r.push([108.9 + rad * Math.cos(a), 34.1 + rad * Math.sin(a)]);
  }
  r.push(r[0]);
  return r;
}

/** A zip whose central directory (and local headers) declare `declared` bytes per entry. */
export function lyingZip(files: Record<string, Uint8Array>, declared: number): Uint8Array {
  const z = zipSync(files, { level: 9 });
  const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
  for (let i = 0; i + 4 <= z.length; i++) {
    if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, declared, true);
    if (dv.getUint32(i, true) === 0x04034b50) dv.setUint32(i + 22, declared, true);
  }
  return z;
}

function xlsx(rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'S');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const NUMBERS_C = ['population', 'households', 'elderly', 'infants', 'builtYear'];
const NUMBERS_F = ['beds', 'nursingBeds', 'places', 'floorArea', 'landArea', 'socialWorkers'];
const BAD_VALUES: [string, unknown][] = [
  ['1e400', '1e400'],
  ['1e300', 1e300],
  ['neg', -5],
  ['text', '十二'],
];

export function corpus(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, kind: Case['kind'], bytes: () => Uint8Array) => cases.push({ name, kind, bytes });

  // numbers: every count and size with every kind of bad value (GeoJSON)
  for (const f of NUMBERS_C) for (const [tag, v] of BAD_VALUES) add(`c-${f}-${tag}.geojson`, 'communities', () => fc(community({ [f]: v })));
  for (const f of NUMBERS_F) for (const [tag, v] of BAD_VALUES) add(`f-${f}-${tag}.geojson`, 'facilities', () => fc(facility({ [f]: v })));

  // geometry
  const g = (name: string, geometry: unknown, kind: Case['kind'] = 'communities') =>
    add(name, kind, () => fc(kind === 'facilities' ? facility({}, geometry) : community({}, geometry)));
  add('deep-100k.geojson', 'communities', () =>
    enc(
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"d","name":"x","type":"built"},"geometry":{"type":"Polygon","coordinates":${nested(100_000)}}}]}`,
    ),
  );
  add('deep-collection.geojson', 'communities', () => {
    let s = '{"type":"Point","coordinates":[108.9,34.1]}';
    for (let i = 0; i < 10_000; i++) s = `{"type":"GeometryCollection","geometries":[${s}]}`;
    return enc(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"d","name":"x","type":"built"},"geometry":${s}}]}`);
  });
  add('deep-props.geojson', 'facilities', () =>
    enc(
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"f","name":"x","kind":"养老院","note":${nested(50_000)}},"geometry":{"type":"Point","coordinates":[108.9,34.1]}}]}`,
    ),
  );
  g('coords-null.geojson', { type: 'Point', coordinates: [null, 34.1] }, 'facilities');
  g('coords-strings.geojson', { type: 'Point', coordinates: ['108.9', '34.1'] }, 'facilities');
  g('coords-one.geojson', { type: 'Point', coordinates: [108.9] }, 'facilities');
  g('coords-five.geojson', { type: 'Point', coordinates: [108.9, 34.1, 1, 2, 3] }, 'facilities');
  add('coords-1e400.geojson', 'facilities', () =>
    enc('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"f","name":"x","kind":"养老院"},"geometry":{"type":"Point","coordinates":[1e400,34.1]}}]}'),
  );
  g('ring-open.geojson', {
    type: 'Polygon',
    coordinates: [
      [
        [108.9, 34.1],
        [108.91, 34.1],
        [108.91, 34.11],
        [108.9, 34.11],
      ],
    ],
  });
  g('ring-short.geojson', {
    type: 'Polygon',
    coordinates: [
      [
        [108.9, 34.1],
        [108.91, 34.1],
        [108.9, 34.1],
      ],
    ],
  });
  g('bowtie.geojson', {
    type: 'Polygon',
    coordinates: [
      [
        [108.9, 34.1],
        [108.92, 34.12],
        [108.92, 34.1],
        [108.9, 34.12],
        [108.9, 34.1],
      ],
    ],
  });
  g('new-york.geojson', { type: 'Point', coordinates: [-74.006, 40.7128] }, 'facilities');
  g('paris.geojson', { type: 'Point', coordinates: [2.3522, 48.8566] }, 'facilities');
  g('swapped.geojson', { type: 'Point', coordinates: [34.1, 108.9] }, 'facilities');
  g('projected.geojson', { type: 'Point', coordinates: [500000, 3800000] }, 'facilities');
  g('line-as-community.geojson', {
    type: 'LineString',
    coordinates: [
      [108.9, 34.1],
      [108.91, 34.1],
    ],
  });
  g('unknown-type.geojson', { type: 'Circle', coordinates: [108.9, 34.1] });
  g('geometry-string.geojson', 'POINT(108.9 34.1)' as unknown);
  add('polygon-40k.geojson', 'streets', () => fc({ type: 'Feature', properties: { id: 's', name: '韦曲街道' }, geometry: { type: 'Polygon', coordinates: [ring(40_000)] } }));
  add('polygon-600k.geojson', 'streets', () => fc({ type: 'Feature', properties: { id: 's', name: '韦曲街道' }, geometry: { type: 'Polygon', coordinates: [ring(600_000)] } }));

  // structure
  add('empty.geojson', 'facilities', () => new Uint8Array(0));
  add('not-json.geojson', 'facilities', () => enc('this is not json'));
  add('cut.geojson', 'facilities', () => fc(facility({})).subarray(0, 60));
  add('array.geojson', 'facilities', () => enc('[1,2,3]'));
  add('string.geojson', 'facilities', () => enc('"FeatureCollection"'));
  add('no-features.geojson', 'facilities', () => enc('{"type":"FeatureCollection"}'));
  add('features-object.geojson', 'facilities', () => enc('{"type":"FeatureCollection","features":{"a":1}}'));
  add('feature-null.geojson', 'facilities', () => enc('{"type":"FeatureCollection","features":[null,1,"x"]}'));
  add('properties-array.geojson', 'facilities', () =>
    enc('{"type":"FeatureCollection","features":[{"type":"Feature","properties":[1,2],"geometry":{"type":"Point","coordinates":[108.9,34.1]}}]}'),
  );
  add('proto-keys.geojson', 'facilities', () =>
    enc(
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"f","name":"x","kind":"养老院","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"prototype":1},"geometry":{"type":"Point","coordinates":[108.9,34.1]}}]}',
    ),
  );
  add('duplicate-ids.geojson', 'facilities', () => fc(facility({}), facility({})));
  add('missing-id.geojson', 'facilities', () => fc(facility({ id: null })));
  add('unknown-kind.geojson', 'facilities', () => fc(facility({ kind: '火星基地' })));
  add('nursing-over-beds.geojson', 'facilities', () => fc(facility({ beds: 10, nursingBeds: 50 })));
  add(
    'utf16.geojson',
    'facilities',
    () =>
      new Uint8Array([
        0xff,
        0xfe,
        ...new Uint8Array(new Uint16Array([...JSON.stringify({ type: 'FeatureCollection', features: [facility({})] })].map((c) => c.charCodeAt(0))).buffer),
      ]),
  );
  add('binary.geojson', 'facilities', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  add('long-string.geojson', 'facilities', () => fc(facility({ name: 'x'.repeat(5_000_000) })));
  add('many-features.geojson', 'facilities', () => fc(...Array.from({ length: 20_000 }, (_, i) => facility({ id: `f${i}`, beds: i % 3 === 0 ? '1e400' : i }))));

  // CSV
  const csv = (name: string, text: string) => add(name, 'facilities', () => enc(text));
  csv('empty.csv', '');
  csv('header-only.csv', 'id,名称,类型,床位,经度,纬度\n');
  csv('no-coords.csv', '名称,人口\n甲,100\n');
  csv('merged-header.csv', '名称,人口,床位,,经度,纬度\n,,总数,护理型,,\n甲,100,20,5,108.9,34.1\n');
  csv('beds-1e400.csv', 'id,名称,类型,床位,经度,纬度\nf1,甲,养老院,1e400,108.9,34.1\n');
  csv('swapped-columns.csv', 'id,名称,类型,经度,纬度\nf1,甲,养老院,34.1,108.9\n');
  csv('unbalanced-quote.csv', 'id,名称,类型,经度,纬度\nf1,"甲,养老院,108.9,34.1\n');
  csv('formula.csv', 'id,名称,类型,经度,纬度\nf1,=HYPERLINK("http://x"),养老院,108.9,34.1\n');
  csv('long-cell.csv', `id,名称,类型,经度,纬度\nf1,${'甲'.repeat(2_000_000)},养老院,108.9,34.1\n`);
  csv('wide.csv', `${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\n`);
  csv('proto-columns.csv', 'id,名称,类型,经度,纬度,__proto__,constructor\nf1,甲,养老院,108.9,34.1,{"polluted":1},x\n');
  csv('nan-coords.csv', 'id,名称,类型,经度,纬度\nf1,甲,养老院,NaN,Infinity\n');
  add('binary.csv', 'facilities', () => Uint8Array.from({ length: 8192 }, (_, i) => (i * 31337) % 256));

  // XLSX / ODS
  const xml = enc('<x/>');
  add('bomb.xlsx', 'facilities', () => lyingZip({ '[Content_Types].xml': xml, 'xl/workbook.xml': xml, 'xl/worksheets/sheet1.xml': xml }, 400 * 2 ** 20));
  add('lying.xlsx', 'facilities', () => lyingZip({ '[Content_Types].xml': xml, 'xl/worksheets/sheet1.xml': enc(`<worksheet>${'<row/>'.repeat(500_000)}</worksheet>`) }, 64));
  add('wide.xlsx', 'facilities', () => {
    const files = unzipSync(xlsx([['名称', '经度', '纬度']]));
    files['xl/worksheets/sheet1.xml'] = enc(
      new TextDecoder().decode(files['xl/worksheets/sheet1.xml']).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
    );
    return zipSync(files);
  });
  add('cut.xlsx', 'facilities', () =>
    xlsx([
      ['id', '名称', '类型', '经度', '纬度'],
      ['f1', '甲', '养老院', 108.9, 34.1],
    ]).subarray(0, 1500),
  );
  add('text-renamed.xlsx', 'facilities', () => enc('id,名称\nf1,甲\n'));
  add('empty-book.xlsx', 'facilities', () => xlsx([]));
  add('beds-1e300.xlsx', 'facilities', () =>
    xlsx([
      ['id', '名称', '类型', '床位', '经度', '纬度'],
      ['f1', '甲', '养老院', 1e300, 108.9, 34.1],
    ]),
  );
  add('bomb.ods', 'facilities', () => lyingZip({ 'content.xml': xml, mimetype: enc('application/vnd.oasis.opendocument.spreadsheet') }, 400 * 2 ** 20));

  // zipped Shapefile
  const shp = () => unzipSync(fixture('communities-gk36-gbk.zip'));
  add('shp-bomb.zip', 'communities', () => lyingZip({ 'a.shp': xml, 'a.dbf': xml, 'a.prj': xml }, 300 * 2 ** 20));
  add('shp-none.zip', 'communities', () => zipSync({ 'readme.txt': enc('hello') }));
  add('shp-no-dbf.zip', 'communities', () => {
    const z = shp();
    delete z['communities_gk36.dbf'];
    return zipSync(z);
  });
  add('shp-cut.zip', 'communities', () => {
    const z = shp();
    z['communities_gk36.shp'] = z['communities_gk36.shp'].subarray(0, 150);
    return zipSync(z);
  });
  add('shp-dbf-cut.zip', 'communities', () => {
    const z = shp();
    z['communities_gk36.dbf'] = z['communities_gk36.dbf'].subarray(0, 300);
    return zipSync(z);
  });
  add('shp-wrong-prj.zip', 'communities', () => {
    const z = shp();
    z['communities_gk36.prj'] = enc(
      'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
    );
    return zipSync(z);
  });
  add('shp-big5-declared.zip', 'communities', () => {
    const z = shp();
    z['communities_gk36.cpg'] = enc('BIG5');
    return zipSync(z);
  });
  add('shp-garbage-prj.zip', 'communities', () => {
    const z = shp();
    z['communities_gk36.prj'] = enc('\u0000\u0001garbage');
    return zipSync(z);
  });
  add('corrupt.zip', 'communities', () => {
    const z = fixture('communities-gk36-gbk.zip').slice();
    z.fill(0x41, 40, 400);
    return z;
  });
  add('not-a-zip.zip', 'communities', () => enc('PK but not really'));

  // KML / KMZ
  const kml = (name: string, text: string) => add(name, 'facilities', () => enc(text));
  kml('bad-xml.kml', '<kml><Document><Placemark>');
  kml('not-kml.kml', '<?xml version="1.0"?><gpx></gpx>');
  kml(
    'billion-laughs.kml',
    `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`).join('')}]><kml><Document><Placemark><name>&bbbbbbbbb;</name><Point><coordinates>108.9,34.1</coordinates></Point></Placemark></Document></kml>`,
  );
  kml(
    'xxe.kml',
    '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml><Document><Placemark><name>&x;</name><Point><coordinates>108.9,34.1</coordinates></Point></Placemark></Document></kml>',
  );
  kml('kml-bad-coords.kml', '<kml><Document><Placemark><name>a</name><Point><coordinates>abc,def</coordinates></Point></Placemark></Document></kml>');
  add('kmz-no-kml.kmz', 'facilities', () => zipSync({ 'photo.jpg': new Uint8Array(100) }));
  add('kmz-bomb.kmz', 'facilities', () => lyingZip({ 'doc.kml': xml }, 600 * 2 ** 20));

  // DXF and OSM
  add('garbage.dxf', 'communities', () => enc('0\nSECTION\n2\nENTITIES\n0\nLWPOLYLINE\n90\nabc\n'));
  add('empty.dxf', 'communities', () => enc('\n'));
  add('cut.dxf', 'communities', () => fixture('communities-gk36.dxf').subarray(0, 500));
  add('odd-codes.dxf', 'communities', () =>
    enc(['0', 'SECTION', '2', 'ENTITIES', ...Array.from({ length: 80 }, () => ['1234', 'x']).flat(), '0', 'ENDSEC', '0', 'EOF', ''].join('\n')),
  );
  add('garbage.osm', 'roads', () => enc('<osm><node id="1" lat="x" lon="y"/><way id="2"><nd ref="1"/></way>'));
  add('cut.osm.pbf', 'roads', () => new Uint8Array(readFileSync('tests/fixtures/osm/changan-small.osm.pbf')).subarray(0, 300));
  add('unknown.bin', 'facilities', () => Uint8Array.from({ length: 100 }, (_, i) => i));
  add('strToU8.geojson', 'facilities', () => strToU8('{"type":"Feature","properties":{"id":"f","kind":"养老院"},"geometry":{"type":"Point","coordinates":[108.9,34.1]}}'));
  return cases;
}
