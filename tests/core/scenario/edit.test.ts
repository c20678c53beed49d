import { describe, expect, it } from 'vitest';
import { applyEdit, checkEdit, EditError, type Edit } from '../../../src/core/scenario/edit';
import { baseLayers, community, deepFreeze, facility } from './fixtures';

const note = { key: 'test' };

describe('applyEdit', () => {
  it('adds, replaces and deletes without mutating the frozen input', () => {
    const before = baseLayers();
    const edit: Edit = {
      id: 'e1',
      note,
      put: [
        { layer: 'facilities', feature: facility('f9') },
        { layer: 'facilities', feature: facility('f1', { places: 60 }) },
      ],
      delete: [{ layer: 'communities', id: 'c2' }],
    };
    const { layers } = applyEdit(before, edit);
    expect(layers.facilities.map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 'f9']);
    expect(layers.facilities[0].places).toBe(60);
    expect(layers.communities.map((c) => c.id)).toEqual(['c1', 'c3']);
    expect(before.facilities[0].places).toBe(20);
    expect(before.communities).toHaveLength(3);
  });

  it('shares what it did not touch (Object.is)', () => {
    const before = baseLayers();
    const { layers } = applyEdit(before, { id: 'e', note, put: [{ layer: 'facilities', feature: facility('f1', { places: 60 }) }] });
    expect(Object.is(layers.communities, before.communities)).toBe(true);
    expect(Object.is(layers.streets, before.streets)).toBe(true);
    expect(Object.is(layers.roads, before.roads)).toBe(true);
    expect(Object.is(layers.facilities, before.facilities)).toBe(false);
    expect(Object.is(layers.facilities[1], before.facilities[1])).toBe(true);
    expect(Object.is(layers.facilities[2], before.facilities[2])).toBe(true);
    expect(Object.is(layers.facilities[0], before.facilities[0])).toBe(false);
  });

  it('in a layer holding an id twice, a put replaces the later one, for a few puts and for many', () => {
    const before = baseLayers();
    const twice = { ...before, facilities: [facility('f1'), facility('f2'), facility('f1', { places: 5 }), facility('f3')] };
    const one = applyEdit(twice, { id: 'e', note, put: [{ layer: 'facilities', feature: facility('f1', { places: 60 }) }] }).layers;
    expect(one.facilities.map((f) => [f.id, f.places])).toEqual([
      ['f1', 20],
      ['f2', 20],
      ['f1', 60],
      ['f3', 20],
    ]);
    // nine puts (more than a scan is used for): the same answer from the map of ids
    const extra = Array.from({ length: 8 }, (_, i) => ({ layer: 'facilities' as const, feature: facility(`n${i}`) }));
    const many = applyEdit(twice, { id: 'e', note, put: [{ layer: 'facilities', feature: facility('f1', { places: 60 }) }, ...extra] }).layers;
    expect(many.facilities.slice(0, 4).map((f) => [f.id, f.places])).toEqual([
      ['f1', 20],
      ['f2', 20],
      ['f1', 60],
      ['f3', 20],
    ]);
    expect(many.facilities.slice(4).map((f) => f.id)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']);
  });

  it('an empty edit returns the very same layers', () => {
    const before = baseLayers();
    expect(Object.is(applyEdit(before, { id: 'e', note }).layers, before)).toBe(true);
  });

  it('keeps fields outside the four layers (e.g. a project’s area)', () => {
    const project = deepFreeze({ ...baseLayers(), area: { name: '长安区' } });
    const { layers } = applyEdit(project, { id: 'e', note, delete: [{ layer: 'roads', id: 'r1' }] });
    expect(layers.area).toBe(project.area);
    expect(layers.roads).toEqual([]);
  });

  // Round trips: the inverse restores content AND order, including deletes in the middle.
  const roundTrips: [string, Edit][] = [
    ['insert', { id: 'e', note, put: [{ layer: 'facilities', feature: facility('f9') }] }],
    ['replace', { id: 'e', note, put: [{ layer: 'communities', feature: community('c2', { population: 5 }) }] }],
    [
      'delete first and middle',
      {
        id: 'e',
        note,
        delete: [
          { layer: 'facilities', id: 'f1' },
          { layer: 'facilities', id: 'f3' },
        ],
      },
    ],
    ['delete middle', { id: 'e', note, delete: [{ layer: 'communities', id: 'c2' }] }],
    [
      'mixed over layers',
      {
        id: 'e',
        note,
        put: [
          { layer: 'communities', feature: community('c9') },
          { layer: 'facilities', feature: facility('f2', { beds: 99 }) },
        ],
        delete: [
          { layer: 'communities', id: 'c1' },
          { layer: 'facilities', id: 'f3' },
          { layer: 'streets', id: 's1' },
        ],
      },
    ],
  ];
  for (const [name, edit] of roundTrips) {
    it(`apply then inverse gives the identical input: ${name}`, () => {
      const before = baseLayers();
      const a = applyEdit(before, edit);
      expect(a.layers).not.toEqual(before);
      const b = applyEdit(a.layers, a.inverse);
      expect(b.layers).toStrictEqual(before);
      // and the inverse of the inverse is the edit's effect again
      expect(applyEdit(b.layers, b.inverse).layers).toStrictEqual(a.layers);
    });
  }

  it('puts a positioned insert where `at` says', () => {
    const { layers } = applyEdit(baseLayers(), { id: 'e', note, put: [{ layer: 'facilities', feature: facility('f0'), at: 0 }] });
    expect(layers.facilities.map((f) => f.id)).toEqual(['f0', 'f1', 'f2', 'f3']);
  });

  it('refuses a delete of a missing id with a specific message', () => {
    const edit: Edit = { id: 'e', note, delete: [{ layer: 'facilities', id: 'nope' }] };
    expect(checkEdit(baseLayers(), edit)).toEqual({ key: 'scenario.error.missing.facilities', args: { id: 'nope' } });
    expect(() => applyEdit(baseLayers(), edit)).toThrow(EditError);
  });

  it('refuses an edit that touches one feature twice', () => {
    const edit: Edit = {
      id: 'e',
      note,
      put: [{ layer: 'facilities', feature: facility('f1') }],
      delete: [{ layer: 'facilities', id: 'f1' }],
    };
    expect(checkEdit(baseLayers(), edit)).toEqual({ key: 'scenario.error.twiceInEdit', args: { layer: 'facilities', id: 'f1' } });
  });
});
