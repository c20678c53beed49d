// Hostile records through the readers and the importer: each is refused with a message naming
// the feature and the field, never a thrown exception.
import { describe, expect, it } from 'vitest';
import { importLayer, readFile } from '../../src/io';

const enc = (s: string) => new TextEncoder().encode(s);

function importOne(name: string, text: string, kind: 'communities' | 'facilities' = 'communities') {
  const r = readFile(name, enc(text));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return importLayer(r.layers[0], { kind, file: name });
}

describe('numbers that overflow', () => {
  it('"population": "1e400" and "beds": "1e999" are errors with the plausible range, not crashes', () => {
    const c = importOne('c.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a","name":"x","type":"built","population":"1e400"},"geometry":{"type":"Point","coordinates":[108.9,34.1]}}]}');
    expect(c.report.problems.map((p) => [p.number, p.id, p.field, p.severity, p.code, p.msg.key, p.msg.args?.max])).toEqual([[1, 'a', 'population', 'error', 'implausible', 'io.issue.implausible', 1_000_000]]);
    const f = importOne('f.csv', 'id,名称,类型,床位,经度,纬度\nf1,甲,养老院,1e999,108.9,34.1\nf2,乙,养老院,120,108.9,34.1\n', 'facilities');
    expect(f.report.problems.map((p) => [p.number, p.id, p.field, p.code])).toEqual([[2, 'f1', 'beds', 'implausible']]);
    expect(f.good.map((x) => [x.id, 'beds' in x ? x.beds : undefined])).toEqual([['f2', 120]]);
  });
});

describe('structure that would overflow the stack', () => {
  it('coordinates nested 100 000 deep and GeometryCollections nested 10 000 deep are refused per feature', () => {
    let c = '[108.9,34.1]';
    for (let i = 0; i < 100_000; i++) c = `[${c}]`;
    let g = '{"type":"Point","coordinates":[108.9,34.1]}';
    for (let i = 0; i < 10_000; i++) g = `{"type":"GeometryCollection","geometries":[${g}]}`;
    const feat = (id: string, geom: string) => `{"type":"Feature","properties":{"id":"${id}","name":"x","type":"built"},"geometry":${geom}}`;
    const out = importOne('deep.geojson', `{"type":"FeatureCollection","features":[${feat('p', `{"type":"Polygon","coordinates":${c}}`)},${feat('g', g)}]}`);
    expect(out.report.problems.map((p) => [p.number, p.id, p.field, p.code, p.msg.key])).toEqual([
      [1, 'p', 'geometry', 'bad_geometry', 'io.note.badShape'],
      [2, 'g', 'geometry', 'bad_geometry', 'io.note.badShape'],
    ]);
    expect(String(out.report.problems[1].msg.args?.detail)).toContain('nested more than 8');
  });
});

describe('unknown columns named like Object internals', () => {
  it('a CSV with __proto__, constructor and prototype columns keeps them as data', () => {
    const out = importOne('p.csv', 'id,名称,类型,床位,经度,纬度,__proto__,constructor,prototype\nf1,甲,养老院,10,108.9,34.1,{"polluted":1},c,p\n', 'facilities');
    expect(out.report.problems).toEqual([]);
    const extra = out.good[0].extra;
    expect(Object.keys(extra).sort()).toEqual(['__proto__', 'constructor', 'prototype']);
    expect([extra.__proto__, extra.constructor, extra.prototype]).toEqual(['{"polluted":1}', 'c', 'p']);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
