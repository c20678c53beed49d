// Random mutations of a valid GeoJSON layer, a CSV and a project file, thrown at the readers, the
// importer, the project schema and the rule engine: whatever the values, keys and geometries, the
// answer is a result or messages people can read — never an exception, never a polluted prototype.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate';
import type { Msg } from '../../src/core/model';
import { hasKey } from '../../src/i18n';
import '../i18n/all-catalogues'; // the parts' catalogues too (loaded on first use in the app)
import { importLayer, readFile } from '../../src/io';
import { parseProject } from '../../src/schemas';

const sample = JSON.parse(readFileSync('data/sample/project.json', 'utf8')) as { communities: { features: { properties: Record<string, unknown>; geometry: unknown }[] } } & Record<
  string,
  unknown
>;
const base = sample.communities.features;

const hostileNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom('1e400', '-1e400', '1e300', '-5', '１２０', '1,234', 'NaN', 'Infinity', '', '　', '＝1+1', '0x10'));
const hostileValue = fc.oneof(hostileNumber, fc.string(), fc.constant(null), fc.boolean(), fc.anything({ maxDepth: 3 }));
const key = fc.oneof(
  fc.constantFrom('人口', '户数', 'population', 'households', '60岁以上人口', '类型', 'type', '编号', 'id', '建成年份', '__proto__', 'constructor', 'prototype', 'extra'),
  fc.string(),
);
const position = fc.oneof(
  fc.tuple(fc.double({ min: 73, max: 136, noNaN: true }), fc.double({ min: 3, max: 54, noNaN: true })),
  fc.array(fc.oneof(fc.double(), fc.constant(null), fc.string()), { maxLength: 5 }),
);
const geometry = fc.oneof(
  fc.constant(undefined),
  position.map((p) => ({ type: 'Point', coordinates: p })),
  fc.array(position, { minLength: 0, maxLength: 12 }).map((r) => ({ type: 'Polygon', coordinates: [r.length ? [...r, r[0]] : r] })),
  fc.anything({ maxDepth: 4 }),
);
/** A layer: the sample's communities with some properties and geometries replaced. */
const layer = fc.array(fc.tuple(fc.nat(base.length - 1), fc.dictionary(key, hostileValue, { maxKeys: 4 }), geometry), { maxLength: 6 }).map((edits) => {
  const features = base.map((f) => ({ ...f, properties: { ...f.properties } }));
  for (const [i, props, g] of edits) {
    Object.assign(features[i].properties, props);
    if (g !== undefined) features[i].geometry = g;
  }
  return { type: 'FeatureCollection', features };
});

function readable(m: Msg) {
  expect(hasKey(m.key), m.key).toBe(true);
}

describe('random mutations (fast-check)', () => {
  it('GeoJSON layers: readFile + importLayer and parseProject + evaluate never throw', () => {
    fc.assert(
      fc.property(layer, (fcObj) => {
        const r = readFile('c.geojson', new TextEncoder().encode(JSON.stringify(fcObj)));
        if (r.ok) for (const l of r.layers) importLayer(l, { kind: 'communities', file: 'c.geojson' }).report.problems.forEach((p) => readable(p.msg));
        else readable(r.error);
        const p = parseProject({ ...sample, communities: fcObj }, 'p.json');
        if (p.ok) {
          p.issues.forEach((i) => readable(i.msg));
          evaluate(p.project, { profile: 'combined' });
        } else p.problems.forEach((q) => readable(q.msg));
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: 150, seed: 14 },
    );
  });
  it('CSV tables of random cells never throw the reader or the importer', () => {
    const cell = fc.oneof(fc.string(), hostileNumber.map(String), fc.constantFrom('"', '""', '\r\n', '\t', '=HYPERLINK("x")', '108.9', '34.1'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 8 }), (rows) => {
        const text = ['编号,名称,类型,床位,经度,纬度', ...rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\r\n');
        const r = readFile('f.csv', new TextEncoder().encode(text));
        if (r.ok) for (const l of r.layers) importLayer(l, { kind: 'facilities', file: 'f.csv' }).report.problems.forEach((p) => readable(p.msg));
        else readable(r.error);
      }),
      { numRuns: 300, seed: 14 },
    );
  });
  it('project files with random top-level values never throw the project schema', () => {
    const top = fc.dictionary(fc.constantFrom('version', 'area', 'profile', 'params', 'communities', 'facilities', 'streets', 'roads', '__proto__', 'scenarios'), hostileValue, {
      maxKeys: 3,
    });
    fc.assert(
      fc.property(top, (over) => {
        const p = parseProject(JSON.parse(JSON.stringify({ ...sample, ...over })), 'p.json');
        if (!p.ok) p.problems.forEach((q) => readable(q.msg));
      }),
      { numRuns: 300, seed: 14 },
    );
  });
});
