// A failing circle names the nearest facility of the kinds, its distance and the limit; "none in
// the project" only when there is none; the table's 现状值 shows metres. Layouts in metres
// (tests/core/fixtures.ts): Pythagoras is within 0.05 % of the engine's geodesic distances.
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/core/evaluate';
import type { Road } from '../../../src/core/model';
import { resultRow } from '../../../src/i18n/report-rows';
import { at, community, facility, layers, point, rect } from '../fixtures';

const line = (id: string, ...pts: [number, number][]): Road => ({ id, geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => at(x, y)) } as LineString });
// a 20 × 20 m estate around (0, 0); its residents are counted at its middle
const estate = community('C', { type: 'built', population: 1000, geometry: rect(-10, -10, 10, 10) });
const circle = (data: ReturnType<typeof layers>, reach: 'straight' | 'network') =>
  evaluate(data, { profile: 'ca', params: { reach } }).results.find((r) => r.rule === 'ca.circle' && r.part === 'elderly' && r.unit.id === 'C');

describe('circle results name the nearest facility', () => {
  it('straight: a day-care centre 1,200 m east fails, named, "outside 810 m", value 1,200 m in the table', () => {
    const data = layers({
      communities: [estate],
      facilities: [facility('D', 'elderly_daycare', { name: '东日照', geometry: point(1200, 0) }), facility('K', 'childcare_centre', { geometry: point(100, 0) })],
    });
    const r = circle(data, 'straight');
    expect(r?.status).toBe('fail');
    expect(r?.nearest).toEqual({ id: 'D', name: '东日照', distance: expect.closeTo(1200, -0.5), via: 'straight' });
    expect(r?.value).toBeCloseTo(1200, -0.5);
    expect(r?.shortfall).toBe(1000);
    const zh = resultRow(r!, 'zh');
    expect(zh.note).toMatch(/^最近的是 东日照：直线距离 1200 米，在 810 米服务圈外$/);
    expect(zh.value).toBe('1,200');
    expect(zh.measure).toBe('米');
    expect(resultRow(r!, 'en').note).toBe('nearest: 东日照, 1200 m in a straight line, outside the 810 m circle');
  });

  it('a walk just beyond the limit is rounded up, never shown as the limit itself', () => {
    // 810.3 m east: shown 810.4 m (up to 0.1 m) and "811 米" in the words, threshold 810
    const data = layers({ communities: [estate], facilities: [facility('D', 'elderly_daycare', { geometry: point(810.3, 0) })] });
    const r = circle(data, 'straight')!;
    expect(r.status).toBe('fail');
    expect(r.value).toBeGreaterThan(810);
    expect(resultRow(r, 'zh').note).toContain('直线距离 811 米');
  });

  it('network: the nearest along the streets, with the walk spelled out', () => {
    // a street along y = −100 from x = −500 to 2000; the estate's middle (0,0) leaves by its
    // south-east corner (10,−10): √(10² + 10²) = 14.14 m inside, 90 m down to the street, 1,490 m
    // east, 50 m up to D at (1500, −50): 1,644.14 m (leaving at (0,−10) would be 10 + 90 + 1500 +
    // 50 = 1,650 m; along the bottom edge the walk shrinks towards the corner)
    const roads = [line('s', [-500, -100], [0, -100], [1500, -100], [2000, -100])];
    const data = layers({ roads, communities: [estate], facilities: [facility('D', 'elderly_daycare', { name: '路东日照', geometry: point(1500, -50) })] });
    const r = circle(data, 'network')!;
    expect(r.status).toBe('fail');
    expect(r.nearest?.via).toBe('streets');
    expect(r.nearest?.distance).toBeCloseTo(1644.14, -0.5);
    expect(resultRow(r, 'zh').note).toMatch(/^最近的是 路东日照：沿道路步行 164[45] 米，在 810 米服务圈外$/);
  });

  it('"no facility of these kinds in the project" only when there is none', () => {
    const data = layers({ communities: [estate], facilities: [facility('K', 'childcare_centre', { geometry: point(100, 0) })] });
    const r = circle(data, 'straight')!;
    expect(r.status).toBe('fail');
    expect(r.value).toBeNull();
    expect(r.nearest).toBeUndefined();
    expect(resultRow(r, 'zh').note).toBe('本项目中没有 日间照料中心、社区养老服务综合体、养老机构、乡镇区域性养老服务中心/敬老院 设施');
  });

  it('a pass names the facility and how it is reached: inside the community → 0 m', () => {
    const data = layers({ communities: [estate], facilities: [facility('D', 'elderly_daycare', { name: '院内日照', geometry: point(5, 5) })] });
    for (const reach of ['straight', 'network'] as const) {
      const r = circle({ ...data, roads: [line('s', [-500, -100], [2000, -100])] }, reach)!;
      expect(r).toMatchObject({ status: 'pass', value: 0, nearest: { id: 'D', distance: 0, via: 'site' } });
      expect(resultRow(r, 'zh').note).toBe('院内日照 在小区内');
    }
  });
});
