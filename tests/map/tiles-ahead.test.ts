// The tiles under a flat view, worked out by hand: x = (lon + 180) / 360 · 2^z, and
// y = (1/2 − ln((1 + sin φ) / (1 − sin φ)) / 4π) · 2^z.
import { describe, expect, it } from 'vitest';
import { tilesInView } from '../../src/map/tiles-ahead';

describe('the tiles under a view', () => {
  it('takes every tile the box touches at the zoom below the map’s', () => {
    // at zoom 8: x 204.80 … 205.87, y 101.75 (34.6° N) … 102.44 (33.8° N)
    expect(tilesInView([108, 33.8, 109.5, 34.6], 8.7, 15)).toEqual([
      [8, 204, 101],
      [8, 205, 101],
      [8, 204, 102],
      [8, 205, 102],
    ]);
  });

  it('leaves out a tile whose edge is the view’s edge, and stops at the source’s deepest zoom', () => {
    // 109.6875° E is the west edge of column 206 at zoom 8
    expect(tilesInView([108, 33.8, 109.6875, 34.6], 8, 15).map(([, x]) => x)).toEqual([204, 205, 204, 205]);
    // zoom 13.2 of a source cut down to 12: x 3282.49 (108.5° E), y 1632.79 (34.25° N)
    expect(tilesInView([108.5, 34.25, 108.5001, 34.2501], 13.2, 12)).toEqual([[12, 3282, 1632]]);
  });
});
