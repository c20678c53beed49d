// Community entrances from users' files: a list of pairs (GeoJSON) or "lon,lat; lon,lat" text (a
// spreadsheet cell), under the planners' names 出入口 / 入口; anything else is reported, not fatal.
import { describe, expect, it } from 'vitest';
import { parseLayer } from '../../src/schemas/features';

const fc = (props: Record<string, unknown>) => ({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'c1', name: '甲', type: 'built', population: 100, households: 40, ...props }, geometry: { type: 'Point', coordinates: [108.9, 34.1] } },
  ],
});

describe('community entrances', () => {
  it('reads a list of pairs', () => {
    const r = parseLayer(
      'communities',
      fc({
        entrances: [
          [108.91, 34.11],
          [108.92, 34.12],
        ],
      }),
      'a.geojson',
    );
    expect(r.ok && r.items[0].entrances).toEqual([
      [108.91, 34.11],
      [108.92, 34.12],
    ]);
  });
  it('reads the text form under the Chinese name, with full-width separators', () => {
    const r = parseLayer('communities', fc({ 出入口: '108.91,34.11；108.92，34.12' }), 'a.geojson');
    expect(r.ok && r.items[0].entrances).toEqual([
      [108.91, 34.11],
      [108.92, 34.12],
    ]);
    expect(r.ok && 'entrances' in r.items[0].extra).toBe(false);
    expect(r.ok && '出入口' in r.items[0].extra).toBe(false);
  });
  it('a value that is not coordinates is reported by community id and column, and the community still loads', () => {
    const r = parseLayer('communities', fc({ 入口: '北门' }), 'a.geojson');
    if (!r.ok) throw new Error('refused');
    expect(r.items[0].entrances).toBeUndefined();
    expect(r.issues).toContainEqual(
      expect.objectContaining({ id: 'c1', field: 'entrances', msg: expect.objectContaining({ key: 'issue.badEntrances', args: expect.objectContaining({ key: '入口' }) }) }),
    );
  });
  it('latitude out of range is refused the same way', () => {
    const r = parseLayer('communities', fc({ entrances: [[34.1, 108.9]] }), 'a.geojson');
    expect(r.ok && r.items[0].entrances).toBeUndefined();
  });
});
