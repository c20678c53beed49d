// Coverage drawn as areas: a walk area's small holes (blocks ringed by walkable streets) filled,
// large ones kept; the hatching of the outside communities. Shapes and sizes worked by hand.
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { coverageAreas, FILLED_HOLE_M2 } from '../../src/core/coverage-areas';
import { hatchImage } from '../../src/map/theme';
import { metreSquare } from '../core/scenario/fixtures';

describe('coverage areas', () => {
  // a 3 km square walk area with a 300 m block (0.09 km²) and a 1 km field (1 km²) inside
  const walk: FeatureCollection<Polygon, { facility: string }> = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { facility: '*' },
        geometry: { type: 'Polygon', coordinates: [metreSquare(108.9, 34, 3000), metreSquare(108.91, 34.005, 300), metreSquare(108.92, 34.01, 1000)] },
      },
    ],
  };

  it('fills the block (0.09 km² < 0.5 km²) and keeps the field (1 km²) as a hole', () => {
    expect(FILLED_HOLE_M2).toBe(500_000);
    const out = coverageAreas(walk).features[0].geometry as Polygon;
    expect(out.coordinates.length).toBe(2);
    expect(out.coordinates[1]).toEqual(metreSquare(108.92, 34.01, 1000));
    expect(out.coordinates[0]).toEqual(walk.features[0].geometry.coordinates[0]);
  });

  it('leaves a circle (no holes) and its properties as they are', () => {
    const circle: FeatureCollection<Polygon, { facility: string }> = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { facility: 'F1' }, geometry: { type: 'Polygon', coordinates: [metreSquare(108.9, 34, 500)] } }],
    };
    expect(coverageAreas(circle)).toEqual(circle);
  });
});

describe('outside hatching', () => {
  it('an 8 px tile with 2 px diagonal stripes in the outside colour (#ff7f00), transparent between', () => {
    const img = hatchImage(8);
    expect([img.width, img.height, img.data.length]).toEqual([8, 8, 256]);
    const px = (x: number, y: number) => [...img.data.slice((y * 8 + x) * 4, (y * 8 + x) * 4 + 4)];
    expect(px(0, 0)).toEqual([255, 127, 0, 230]); // x + y = 0: on a stripe
    expect(px(7, 1)).toEqual([255, 127, 0, 230]); // x + y = 8 ≡ 0: the stripe wraps, so tiles join
    expect(px(3, 3)).toEqual([0, 0, 0, 0]); // x + y = 6: between stripes
    // 2 of every 8 diagonals are striped: a quarter of the tile
    let on = 0;
    for (let i = 3; i < img.data.length; i += 4) if (img.data[i] > 0) on++;
    expect(on).toBe(16);
  });
});
