import { describe, expect, it } from 'vitest';
import { dataCredits } from '../../src/core/credits';
import { OSM_ATTRIBUTION } from '../../src/io/osm';
import { community, facility } from './fixtures';

describe('data credits', () => {
  it('collects the OSM licence from roads and facilities once, and ignores plain source columns', () => {
    const credits = dataCredits({
      roads: [
        {
          id: 'r1',
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
          source: OSM_ATTRIBUTION,
        },
        {
          id: 'r2',
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
          source: OSM_ATTRIBUTION,
        },
      ],
      facilities: [facility('f1', 'health_centre', { extra: { source: OSM_ATTRIBUTION } }), facility('f2', 'health_centre', { extra: { source: '区卫健委 2025 年台账' } })],
      communities: [community('c1', { extra: { source: '民政局' } })],
    });
    expect(credits).toEqual([OSM_ATTRIBUTION]);
  });
  it('no credit for data without a licence text', () => {
    expect(dataCredits({ communities: [community('c1')], facilities: [] })).toEqual([]);
  });
});
