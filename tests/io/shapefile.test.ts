import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { importLayer, readFile } from '../../src/io';
import { readDbf } from '../../src/io/readers/dbf';
import iconv from 'iconv-lite';
import { bytes, maxDiff, readOk, sourceJson } from './helpers';

const communities = sourceJson('communities-short.geojson');
const facilities = sourceJson('facilities-short.geojson');

describe('zipped Shapefile made by GDAL in CGCS2000 Gauss-Krüger zone 36, GBK attributes', () => {
  const [layer] = readOk('communities-gk36-gbk.zip', bytes('communities-gk36-gbk.zip'));

  it('takes the CRS from the .prj and the encoding from the .cpg', () => {
    expect(layer.crs).toMatchObject({ code: 'EPSG:4524', source: 'prj' });
    expect(layer.encoding).toEqual({ name: 'gb18030', source: 'cpg' });
  });
  it('Chinese field names and values come through without mojibake', () => {
    expect(layer.columns).toEqual(['编号', '名称', '街道', '类型', '人口', '户数', '老年人口', '婴幼儿']);
    expect(layer.features.map((f) => f.properties.名称)).toEqual(communities.features.map((f) => f.properties.名称));
    expect(layer.features[2].properties.类型).toBe('村');
  });
  it('numbers stay numbers; polygons with a hole come back at the source lon/lat within 1e-7°', () => {
    expect(layer.features[0].properties.人口).toBe(8650);
    layer.features.forEach((f, i) => {
      const g = f.geometry;
      expect(g?.type).toBe('Polygon');
      if (g?.type !== 'Polygon') return;
      // shapefile rings are clockwise (outer) and GDAL re-orients them; compare ring by ring as sets of points
      const src = communities.features[i].geometry.coordinates as number[][][];
      expect(g.coordinates.length).toBe(src.length);
      g.coordinates.forEach((ring, r) => {
        const key = (p: number[]) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;
        const sorted = (x: number[][]) => [...x].sort((a, b) => key(a).localeCompare(key(b)));
        expect(maxDiff(sorted(ring), sorted(src[r]))).toBeLessThan(1e-7);
      });
    });
  });
  it('imports as communities with the guessed mapping and the model values', () => {
    const out = importLayer(layer, { kind: 'communities', file: 'communities-gk36-gbk.zip' });
    expect(out.report.withErrors).toBe(0);
    expect(out.good.map((c) => [c.id, c.type, c.population, c.elderly, c.infants, c.street])).toEqual([
      ['610116001001', 'built', 8650, 1530, 210, '韦曲街道'],
      ['610116001002', 'new', 5200, 640, 150, '韦曲街道'],
      ['610116101201', 'rural', 2310, 520, 40, '郭杜街道'],
    ]);
  });
});

describe('other zones, Web Mercator, detection without .cpg', () => {
  it('CM 108°E without zone prefix (EPSG:4545) gives the same points', () => {
    const [layer] = readOk('facilities-cm108-gbk.zip', bytes('facilities-cm108-gbk.zip'));
    expect(layer.crs.code).toBe('EPSG:4545');
    layer.features.forEach((f, i) =>
      expect(maxDiff(f.geometry && f.geometry.type === 'Point' ? f.geometry.coordinates : null, facilities.features[i].geometry.coordinates)).toBeLessThan(1e-7),
    );
    expect(layer.features[1].properties.名称).toBe('长安区社会福利院');
    // a blank numeric cell is missing, not 0
    expect(layer.features[0].properties.托位).toBeNull();
  });
  it('Web Mercator with UTF-8 attributes', () => {
    const [layer] = readOk('facilities-3857-utf8.zip', bytes('facilities-3857-utf8.zip'));
    expect(layer.crs.code).toBe('EPSG:3857');
    expect(layer.encoding?.name).toBe('utf-8');
    expect(layer.features[2].properties.名称).toBe('郭杜小蜜蜂托育中心');
    layer.features.forEach((f, i) =>
      expect(maxDiff(f.geometry && f.geometry.type === 'Point' ? f.geometry.coordinates : null, facilities.features[i].geometry.coordinates)).toBeLessThan(1e-7),
    );
  });
  it('with no .cpg and no language-driver byte, GBK is detected from the bytes', () => {
    const files = unzipSync(bytes('communities-gk36-gbk.zip'));
    delete files['communities_gk36.cpg'];
    expect(files['communities_gk36.dbf'][29]).toBe(0); // GDAL leaves the language driver 0
    const [layer] = readOk('no-cpg.zip', zipSync(files));
    expect(layer.encoding).toEqual({ name: 'gb18030', source: 'detected' });
    expect(layer.features[0].properties.名称).toBe('韦曲街道北街社区');
    expect(layer.columns).toContain('老年人口');
  });
  it('the language-driver byte alone is enough when there is no .cpg', () => {
    const files = unzipSync(bytes('communities-gk36-gbk.zip'));
    delete files['communities_gk36.cpg'];
    const dbf = files['communities_gk36.dbf'].slice();
    expect(dbf[29]).toBe(0); // GDAL writes a .cpg and leaves the language driver 0
    dbf[29] = 0x4d; // what ArcGIS writes for code page 936 (GBK)
    files['communities_gk36.dbf'] = dbf;
    const [layer] = readOk('ldid.zip', zipSync(files));
    expect(layer.encoding).toEqual({ name: 'gb18030', source: 'ldid' });
  });
  it('a .shp dropped loose with its .dbf/.prj reads like the zip', () => {
    const files = unzipSync(bytes('facilities-cm108-gbk.zip'));
    const r = readFile(
      'facilities_cm108.shp',
      files['facilities_cm108.shp'],
      {},
      { dbf: files['facilities_cm108.dbf'], prj: files['facilities_cm108.prj'], cpg: files['facilities_cm108.cpg'] },
    );
    expect(r.ok && r.layers[0].features.length).toBe(3);
  });
  it('--crs overrides the .prj', () => {
    const [layer] = readOk('facilities-cm108-gbk.zip', bytes('facilities-cm108-gbk.zip'), { crs: 'EPSG:4545' });
    expect(layer.crs.source).toBe('user');
  });
});

describe('a .cpg that lies', () => {
  it('GBK bytes with a .cpg saying UTF-8 are read as GB18030, with a note', () => {
    const files = unzipSync(bytes('communities-gk36-gbk.zip'));
    files['communities_gk36.cpg'] = new TextEncoder().encode('UTF-8');
    const [layer] = readOk('liar.zip', zipSync(files));
    expect(layer.encoding).toEqual({ name: 'gb18030', source: 'detected' });
    expect(layer.features[0].properties.名称).toBe('韦曲街道北街社区');
    expect(layer.notes).toContainEqual({ key: 'io.note.cpgOverridden', args: { declared: 'UTF-8', used: 'gb18030' } });
  });
  it('UTF-8 bytes with a .cpg saying GBK are read as UTF-8', () => {
    const files = unzipSync(bytes('facilities-3857-utf8.zip'));
    files['facilities_3857.cpg'] = new TextEncoder().encode('GBK');
    const [layer] = readOk('liar2.zip', zipSync(files));
    expect(layer.encoding?.name).toBe('utf-8');
    expect(layer.features[0].properties.名称).toBe('长安区韦曲街道日间照料中心');
  });
  it('--encoding with an unknown name is refused by name', () => {
    expect(readFile('x.zip', bytes('facilities-3857-utf8.zip'), { encoding: 'klingon' })).toEqual({
      ok: false,
      error: { key: 'io.err.unknownEncoding', args: { encoding: 'klingon' } },
    });
  });
});

describe('dBASE field types', () => {
  it('character, numeric (blank = missing), logical, date and FoxPro binary integer/double, built byte by byte', () => {
    // header 32 bytes + 6 field descriptors × 32 + terminator; one record of 1+4+6+1+8+4+8 = 32 bytes
    const fields: [string, string, number][] = [
      ['名', 'C', 4],
      ['N1', 'N', 6],
      ['L1', 'L', 1],
      ['D1', 'D', 8],
      ['I1', 'I', 4],
      ['B1', 'B', 8],
    ];
    const headerLen = 32 + fields.length * 32 + 1;
    const recLen = 1 + fields.reduce((n, f) => n + f[2], 0);
    const b = new Uint8Array(headerLen + recLen);
    const dv = new DataView(b.buffer);
    b[0] = 3;
    dv.setUint32(4, 1, true);
    dv.setUint16(8, headerLen, true);
    dv.setUint16(10, recLen, true);
    b[29] = 0x4d; // code page 936
    fields.forEach(([name, type, len], i) => {
      const at = 32 + i * 32;
      const enc = iconv.encode(name, 'gbk'); // iconv-lite as the independent GBK encoder
      b.set(enc, at);
      b[at + 11] = type.charCodeAt(0);
      b[at + 16] = len;
    });
    b[headerLen - 1] = 0x0d;
    let at = headerLen;
    b[at++] = 0x20;
    b.set(iconv.encode('天  ', 'gbk'), at); // 2 bytes + 2 spaces of padding
    at += 4;
    b.set(new TextEncoder().encode('      '), at); // blank number
    at += 6;
    b[at++] = 'T'.charCodeAt(0);
    b.set(new TextEncoder().encode('20240131'), at);
    at += 8;
    dv.setInt32(at, -42, true);
    at += 4;
    dv.setFloat64(at, 650.5, true);
    const t = readDbf('t.dbf', b, undefined);
    expect(t.encoding).toEqual({ name: 'gb18030', source: 'ldid' });
    expect(t.columns).toEqual(['名', 'N1', 'L1', 'D1', 'I1', 'B1']);
    expect(t.rows).toEqual([{ 名: '天', N1: null, L1: true, D1: '2024-01-31', I1: -42, B1: 650.5 }]);
  });
});
