import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Community, Facility } from '../../src/core/model';
import { capacityOf, communityDots, communityFeatures, facilityFeatures, stateChanges, stateOf, streetFeatures, unitStates } from '../../src/map/features';
import { outsideSet } from '../../src/core/report/verdicts';

// An L-shaped facility site whose centroid (≈ the inner corner) lies outside the L
const L = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [10, 0],
      [10, 1],
      [1, 1],
      [1, 10],
      [0, 10],
      [0, 0],
    ],
  ],
};

describe('map features', () => {
  it('units carry id and name only; their states carry verdict and outside flag', () => {
    const cs: Community[] = [
      { id: 'a', name: '甲', type: 'new', geometry: { type: 'Point', coordinates: [1, 1] }, extra: {} },
      { id: 'b', name: '乙', type: 'built', geometry: { type: 'Point', coordinates: [2, 2] }, extra: {} },
    ];
    expect(communityFeatures(cs).features.map((f) => f.properties)).toEqual([
      { id: 'a', name: '甲' },
      { id: 'b', name: '乙' },
    ]);
    const st = unitStates(
      ['a', 'b'],
      'community',
      new Map([
        ['community:a', 'fail'],
        ['street:b', 'pass'],
      ]),
      new Set(['b']),
    );
    expect(st.ids.map((id, k) => [id, stateOf(st.codes[k])])).toEqual([
      ['a', { verdict: 'fail', outside: false }],
      // the street verdict of an id "b" is not the community's; every unit gets a state, so old verdicts are cleared
      ['b', { verdict: 'none', outside: true }],
    ]);
    expect(streetFeatures([{ id: 's', name: 'S', type: 'street', geometry: L, extra: {} }]).features[0].geometry).toBe(L);
  });

  it('community dots lie on their community (the centroid of the L would not)', () => {
    const dots = communityDots([
      { id: 'l', name: 'L', type: 'new', geometry: L, extra: {} },
      { id: 'p', name: 'P', type: 'rural', geometry: { type: 'Point', coordinates: [7, 7] }, extra: {} },
    ]);
    expect(booleanPointInPolygon([2.5, 2.5], L)).toBe(false); // the L's area centroid is (2.87, 2.87): outside it
    expect(booleanPointInPolygon(dots.features[0].geometry.coordinates, L)).toBe(true);
    expect(dots.features[1].geometry.coordinates).toEqual([7, 7]);
    expect(dots.features.map((f) => f.properties.id)).toEqual(['l', 'p']);
  });

  it('facilities become points on themselves, with kind glyph by language and capacity by group', () => {
    const fs: Facility[] = [
      { id: 'i', name: '院', kind: 'elderly_institution', beds: 120, places: 9, geometry: L, extra: {} },
      { id: 'k', name: '园', kind: 'kindergarten_nursery', places: 40, geometry: { type: 'Point', coordinates: [3, 3] }, extra: {} },
      { id: 'h', name: '医', kind: 'health_centre', beds: 10, geometry: { type: 'Point', coordinates: [4, 4] }, extra: {} },
    ];
    const zh = facilityFeatures(fs, 'zh');
    expect(booleanPointInPolygon(zh.features[0].geometry.coordinates, L)).toBe(true);
    expect(zh.features.map((f) => [f.properties.glyph, f.properties.capacity])).toEqual([
      ['院', 120], // elderly care is sized by beds
      ['幼', 40], // childcare by places
      ['医', undefined], // health centres by nothing: smallest marker, not a made-up zero
    ]);
    expect(facilityFeatures(fs, 'en').features.map((f) => f.properties.glyph)).toEqual(['I', 'K', 'H']);
    expect(capacityOf({ ...fs[0], beds: undefined })).toBeUndefined();
  });

  it('outside = outside all circles of any group shown', () => {
    const cov = [
      { circle: 'elderly', outside: ['a', 'b'] },
      { circle: 'childcare', outside: ['b', 'c'] },
    ];
    expect([...outsideSet(cov, ['elderly', 'childcare'])].sort()).toEqual(['a', 'b', 'c']);
    expect([...outsideSet(cov, ['elderly'])]).toEqual(['a', 'b']);
    expect([...outsideSet(cov, ['childcare'])]).toEqual(['b', 'c']);
    expect(outsideSet(cov, []).size).toBe(0);
  });
});

describe('the states the map is told', () => {
  // codes: verdict rank (0 none, 1 na, 2 pass, 3 fail) | 4 when outside every circle
  it('sets no state of nothing (code 0) on a source that holds none: a unit without one is drawn so', () => {
    const states = { ids: ['a', 'b', 'c', 'd'], codes: Uint8Array.from([0, 2, 0, 3 | 4]) };
    expect(stateChanges(states)).toEqual({ set: [1, 3], remove: [] });
  });

  it('sets the changed places of the same units, code 0 included where another was held', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const before = { ids, codes: Uint8Array.from([2, 2, 0, 0]) };
    expect(stateChanges({ ids, codes: Uint8Array.from([2, 0, 0, 1]) }, before)).toEqual({ set: [1, 3], remove: [] });
  });

  it('compares other units by id, and removes the state of those gone that hold one', () => {
    const before = { ids: ['a', 'b', 'c', 'e'], codes: Uint8Array.from([3, 0, 2, 0]) };
    // b: 0 → 0; c: 2 → 1; d: new, 0; a (fail) is gone and loses it; e held nothing
    expect(stateChanges({ ids: ['b', 'c', 'd'], codes: Uint8Array.from([0, 1, 0]) }, before)).toEqual({ set: [1], remove: ['a'] });
  });
});
