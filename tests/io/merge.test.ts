// How an import joins a layer that has data: merge by id, then by name within 100 m, never
// removing; replace lists what it removes. Distances are chosen by hand: 0.0005° of latitude is
// 55.6 m on the sphere used (6 371 008.8 m · π/180 · 0.0005), 0.001° is 111.2 m.
import { describe, expect, it } from 'vitest';
import type { Facility } from '../../src/core/model';
import { acceptImport, mergeLayer } from '../../src/io';

const f = (id: string, name: string, lat: number, beds?: number): Facility =>
  ({ id, name, kind: 'elderly_institution', beds, geometry: { type: 'Point', coordinates: [108.9, lat] } }) as Facility;

const A = f('A', '松柏养老院', 34.1, 50);
const B = f('B', '夕阳红日间照料中心', 34.2, 0);
const C = f('C', '康乐院', 34.3, 20);
const existing = [A, B, C];

describe('merge (the default)', () => {
  it('an id already in the layer updates that record, a new one is added, nothing is removed', () => {
    const incoming = [f('A', '松柏养老院', 34.1, 80), f('N', '新院', 34.4, 10)];
    const { items, plan } = mergeLayer(existing, incoming, 'merge');
    expect(items.map((x) => [x.id, x.beds])).toEqual([
      ['A', 80],
      ['B', 0],
      ['C', 20],
      ['N', 10],
    ]);
    expect(plan).toMatchObject({ added: 1, updated: 1, unchanged: 0, matchedByName: 0, removed: [], before: 3, after: 4 });
    expect(items[1]).toBe(B); // untouched records are the same objects
  });

  it('without a matching id, the same name 55.6 m away is the same place (keeps its id); 111 m away is not', () => {
    const near = { ...f('row-2', '康乐院', 34.3005, 25) };
    const far = { ...f('row-3', '松柏养老院', 34.101, 60) };
    const { items, plan } = mergeLayer(existing, [near, far], 'merge');
    expect(items.map((x) => [x.id, x.beds])).toEqual([
      ['A', 50],
      ['B', 0],
      ['C', 25],
      ['row-3', 60],
    ]);
    expect(items[2].geometry).toEqual({ type: 'Point', coordinates: [108.9, 34.3005] });
    expect(plan).toMatchObject({ added: 1, updated: 1, matchedByName: 1, removed: [] });
  });

  it('a row identical to its record counts as unchanged', () => {
    const { items, plan } = mergeLayer(existing, [{ ...A }], 'merge');
    expect(items[0]).toBe(A);
    expect(plan).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
  });

  it('one record is matched by one row at most: a second row of the same id is added', () => {
    const { plan } = mergeLayer(existing, [f('A', 'x', 34.1, 1), f('A', 'y', 34.1, 2)], 'merge');
    expect(plan).toMatchObject({ added: 1, updated: 1 });
  });
});

describe('replace', () => {
  it('keeps only the file’s rows and lists, by id and name, every record it removes', () => {
    const { items, plan } = mergeLayer(existing, [f('B', '夕阳红日间照料中心', 34.2, 5)], 'replace');
    expect(items.map((x) => x.id)).toEqual(['B']);
    expect(plan.removed).toEqual([
      { id: 'A', name: '松柏养老院' },
      { id: 'C', name: '康乐院' },
    ]);
    expect(plan).toMatchObject({ added: 0, updated: 1, before: 3, after: 1 });
  });
});

describe('acceptImport', () => {
  it('merges into the layer by default and leaves the other layers as they were', () => {
    const layers = { communities: [], facilities: existing, streets: [], roads: [] };
    const good = [f('C', '康乐院', 34.3, 30)];
    const after = acceptImport(layers, { kind: 'facilities', good, report: {} as never }, 'good');
    expect(after.facilities.map((x) => [x.id, x.beds])).toEqual([
      ['A', 50],
      ['B', 0],
      ['C', 30],
    ]);
    expect(after.communities).toBe(layers.communities);
    expect(layers.facilities).toBe(existing);
  });
});
