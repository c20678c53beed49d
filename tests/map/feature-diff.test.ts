import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureDiff } from '../../src/map/feature-diff';
import { facilityFeatures } from '../../src/map/features';
import type { Facility } from '../../src/core/model';

const pt = (id: string | number | undefined, x = 0): Feature<Point> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [x, 0] },
  properties: id === undefined ? {} : { id },
});
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('featureDiff', () => {
  const many = Array.from({ length: 100 }, (_, k) => pt(`f${k}`, k));

  it('sends the features that are new objects and the ids gone', () => {
    const moved = pt('f3', 99);
    const added = pt('new');
    const after = [...many.slice(0, 3), moved, ...many.slice(4, 50), ...many.slice(51), added];
    // f3 replaced by a new object, f50 gone, "new" added; the 97 others are the same objects
    expect(featureDiff(fc(many), fc(after))).toEqual({ remove: ['f50'], add: [moved, added] });
  });

  it('gives an empty diff for the same features', () => {
    expect(featureDiff(fc(many), fc([...many]))).toEqual({ remove: [], add: [] });
  });

  it('sends the whole collection when most features are new (a language switch) or many are gone', () => {
    expect(featureDiff(fc(many), fc(many.map((f) => pt(f.properties?.id as string, 1))))).toBeNull();
    expect(featureDiff(fc(many), fc(many.slice(0, 60)))).toBeNull();
    // 26 of 100 new objects: more than a quarter
    expect(featureDiff(fc(many), fc([...many.slice(0, 74), ...many.slice(74).map((f) => pt(f.properties?.id as string, 1))]))).toBeNull();
  });

  it('sends the whole collection when an id is missing or repeated (a diff by id could not say which)', () => {
    expect(featureDiff(fc(many), fc([...many, pt('f1', 5)]))).toBeNull();
    expect(featureDiff(fc([...many, pt(undefined)]), fc(many))).toBeNull();
    expect(featureDiff(fc([pt('a'), pt('a', 1)]), fc([pt('a')]))).toBeNull();
  });
});

describe('facilityFeatures keeps an unchanged record’s feature', () => {
  const f = (id: string, x: number): Facility =>
    ({ id, name: id, kind: 'kindergarten_nursery', places: 90, extra: {}, geometry: { type: 'Point', coordinates: [x, 34] } }) as Facility;
  it('so that an edit of one record is a diff of one feature', () => {
    const before = [f('a', 108.9), f('b', 108.91), f('c', 108.92)];
    const after = [before[0], f('b', 108.95), before[2]];
    const diff = featureDiff(facilityFeatures(before, 'zh'), facilityFeatures(after, 'zh'), 0.5);
    expect(diff?.remove).toEqual([]);
    expect(diff?.add.map((x) => [x.properties?.id, (x.geometry as Point).coordinates[0]])).toEqual([['b', 108.95]]);
    // the other language's features are its own (glyphs differ)
    expect(facilityFeatures(before, 'en').features[0]).not.toBe(facilityFeatures(before, 'zh').features[0]);
  });
});
