// Import speed for the 50 000-feature case of issue 7, as ratios against baselines measured in the
// same process: plain JSON.parse of the same GeoJSON (the least any reader must do) and a bare CSV
// tokenise. The rows show where the time goes (read vs. mapping + validation).
import { importLayer, readFile } from '../../src/io';
import { parseCsv } from '../../src/io/readers/csv';
import type { BenchRow } from './run';
import { loadavg } from 'node:os';
import { median, medianWithCpu } from './median';

const N = 50_000;

function csvBytes(): Uint8Array {
  const rows = ['编号,名称,类型,床位,护理型床位,经度,纬度'];
  for (let i = 0; i < N; i++)
    rows.push(`F${i},设施${i},日间照料中心,${i % 50},${i % 10},${(108.8 + (i % 300) * 0.001).toFixed(4)},${(34 + Math.floor(i / 300) * 0.001).toFixed(4)}`);
  return new TextEncoder().encode(rows.join('\n'));
}

function geojsonBytes(): Uint8Array {
  const features = [];
  for (let i = 0; i < N; i++) {
    const x = 108.8 + (i % 300) * 0.001;
    const y = 34 + Math.floor(i / 300) * 0.001;
    features.push({
      type: 'Feature',
      properties: { id: `C${i}`, type: '新建', 人口: 1000 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.0008, y],
            [x + 0.0008, y + 0.0008],
            [x + 0.0004, y + 0.001],
            [x, y + 0.0008],
            [x, y],
          ],
        ],
      },
    });
  }
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

export default async function bench(): Promise<BenchRow[]> {
  const csv = csvBytes();
  const gj = geojsonBytes();
  const csvText = new TextDecoder().decode(csv);
  const gjText = new TextDecoder().decode(gj);
  const tokenise = { name: `parseCsv only, ${N} rows`, ms: await median(() => parseCsv(csvText), 5) };
  const jsonParse = { name: `JSON.parse only, ${N} polygons`, ms: await median(() => JSON.parse(gjText), 5) };
  const readCsv = await median(() => readFile('f.csv', csv), 5);
  const importCsv = await medianWithCpu(() => {
    const r = readFile('f.csv', csv);
    if (r.ok) importLayer(r.layers[0], { kind: 'facilities', file: 'f.csv' });
  }, 5);
  const goal = (ms: number) => (ms <= 1000 ? 'met' : `missed by ${(ms - 1000).toFixed(0)} ms`);
  const readGj = await median(() => readFile('c.geojson', gj), 5);
  const importGj = await median(() => {
    const r = readFile('c.geojson', gj);
    if (r.ok) importLayer(r.layers[0], { kind: 'communities', file: 'c.geojson' });
  }, 3);
  return [
    tokenise,
    { name: `readFile CSV (encoding, header, points), ${N} rows`, ms: readCsv, baseline: tokenise },
    {
      name: `readFile + importLayer CSV → facilities, ${N} rows`,
      ms: importCsv.ms,
      baseline: tokenise,
      note: `mapping, schema checks, duplicates, bbox; CPU ${importCsv.cpu.toFixed(0)} ms per run; issue-15 goal ≤ 1 s: wall ${goal(importCsv.ms)}, CPU ${goal(importCsv.cpu)} (load average ${loadavg()[0].toFixed(1)})`,
    },
    jsonParse,
    { name: `readFile GeoJSON, ${N} polygons`, ms: readGj, baseline: jsonParse },
    { name: `readFile + importLayer GeoJSON → communities, ${N} polygons`, ms: importGj, baseline: jsonParse, note: 'incl. self-intersection test per polygon' },
  ];
}
