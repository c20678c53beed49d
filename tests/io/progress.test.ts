// Large files: progress is reported while reading (the worker forwards it to the page) and
// 50 000 rows import completely. Speed is measured in tests/bench/io.bench.ts, not here.
import { describe, expect, it } from 'vitest';
import { importLayer, readFile } from '../../src/io';
import { bytes } from './helpers';

describe('50 000 rows with progress', () => {
  const N = 50_000;
  const rows = ['编号,名称,类型,托位,经度,纬度'];
  for (let i = 0; i < N; i++) rows.push(`T${i},托育点${i},家庭托育点,${(i % 9) + 1},${(108.8 + (i % 250) * 0.001).toFixed(3)},${(34 + Math.floor(i / 250) * 0.0005).toFixed(4)}`);
  const bytes = new TextEncoder().encode(rows.join('\n'));

  it('onProgress rises from 0 to 1 in about a hundred steps and every row arrives', () => {
    const seen: number[] = [];
    const r = readFile('big.csv', bytes, { onProgress: (f) => seen.push(f) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.length).toBeLessThan(250);
    const out = importLayer(r.layers[0], { kind: 'facilities', file: 'big.csv' });
    expect(out.good).toHaveLength(N);
    // places 1…9 repeating: 50 000 = 5 555 full cycles (sum 45 each) + 5 rows (1+2+3+4+5 = 15)
    expect(out.good.reduce((s, f) => s + (f.places ?? 0), 0)).toBe(5555 * 45 + 15);
  });
});

describe('progress from every reader', () => {
  it.each(['communities-gk36-gbk.zip', 'communities.kml', 'communities-gk36.dxf', 'communities-gk36.reference.geojson', 'communities-gk36-wkt.csv'])(
    '%s: starts at 0 or more, never goes back, ends at 1',
    (name) => {
      const seen: number[] = [];
      const r = readFile(name, bytes(name), { onProgress: (f) => seen.push(f) });
      expect(r.ok).toBe(true);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
      expect(seen.at(-1)).toBe(1);
    },
  );
});
