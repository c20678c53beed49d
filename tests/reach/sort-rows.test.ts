// Rows of the pairs CSR are sorted by distance, ties by facility index — checked against
// Array.prototype.sort on random rows of every length from 0 to 300, with many ties.
import { describe, expect, it } from 'vitest';
import { sortRows } from '../../src/core/reach/network/reach';
import { rng } from './reference';

describe('sortRows', () => {
  it('orders every row like a plain comparison sort', () => {
    const r = rng(42);
    const lengths = Array.from({ length: 301 }, (_, i) => i);
    const offsets = new Uint32Array(lengths.length + 1);
    lengths.forEach((n, i) => (offsets[i + 1] = offsets[i] + n));
    const total = offsets[lengths.length];
    const supply = Uint32Array.from({ length: total }, () => Math.floor(r() * 1000));
    const distance = Float64Array.from({ length: total }, () => Math.floor(r() * 50)); // many equal distances
    const want = lengths.map((_, i) =>
      Array.from({ length: offsets[i + 1] - offsets[i] }, (_, k) => [distance[offsets[i] + k], supply[offsets[i] + k]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    );
    sortRows(offsets, supply, distance);
    lengths.forEach((_, i) => {
      const got = Array.from({ length: offsets[i + 1] - offsets[i] }, (_, k) => [distance[offsets[i] + k], supply[offsets[i] + k]] as const);
      expect(got).toEqual(want[i]);
    });
  });
});
