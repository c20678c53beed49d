// What the compare maps colour: each community's verdict from A to B as better / worse / same,
// for one rule or overall, checked on hand-made sides; the layers through MapLibre's validator.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { Community } from '../../src/core/model';
import { BLANK_BASE, composeStyle } from '../../src/map/style';
import { changeCounts, changes, type ChangeSide } from '../../src/core/report/change';
import { CHANGE_LAYERS, CHANGE_SOURCE, changeFeatures } from '../../src/map/change-layer';

const side = (rows: [string, string, 'pass' | 'fail' | 'na'][]): ChangeSide => ({ communityRules: rows });
// c1: places fail → pass, area fail both sides: better on places, the same overall (still fails)
// c2: places pass → fail: worse on places and overall
// c3: only judged by area, na → pass: better overall, left out for places
// c4: judged on B only (a new residential area) and failing: worse than "no rule"
const a = side([
  ['c1', 'places', 'fail'],
  ['c1', 'area', 'fail'],
  ['c2', 'places', 'pass'],
  ['c3', 'area', 'na'],
]);
const b = side([
  ['c1', 'places', 'pass'],
  ['c1', 'area', 'fail'],
  ['c2', 'places', 'fail'],
  ['c3', 'area', 'pass'],
  ['c4', 'places', 'fail'],
]);

describe('change per community', () => {
  it('for one rule: only the communities it judges, by their verdict on that rule', () => {
    const ch = changes(a, b, 'places');
    expect(Object.fromEntries(ch)).toEqual({ c1: 'better', c2: 'worse', c4: 'worse' });
    expect(changeCounts(ch)).toEqual({ better: 1, worse: 2, same: 0 });
  });

  it('overall: the worst verdict of every rule on each side', () => {
    expect(Object.fromEntries(changes(a, b, null))).toEqual({ c1: 'same', c2: 'worse', c3: 'better', c4: 'worse' });
  });

  it('A against itself is all the same', () => {
    expect(changeCounts(changes(a, a, null))).toEqual({ better: 0, worse: 0, same: 3 });
  });
});

describe('change layers', () => {
  const square: Community = {
    id: 'c1',
    name: '一号',
    type: 'new',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [108.9, 34.1],
          [108.91, 34.1],
          [108.91, 34.11],
          [108.9, 34.1],
        ],
      ],
    },
    extra: {},
  };

  it('a polygon community gives its area and one dot, both with the change', () => {
    const fc = changeFeatures([square], new Map([['c1', 'better']]));
    expect(fc.features.map((f) => [f.geometry.type, f.properties.change, f.properties.dot])).toEqual([
      ['Polygon', 'better', false],
      ['Point', 'better', true],
    ]);
  });

  it('validate with zero errors', () => {
    const style = composeStyle(BLANK_BASE, { [CHANGE_SOURCE]: { type: 'geojson', data: changeFeatures([square], new Map([['c1', 'worse']])) } }, CHANGE_LAYERS);
    expect(validateStyleMin(style)).toEqual([]);
  });
});
