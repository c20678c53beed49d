import { describe, expect, it } from 'vitest';
import { acceptImport, createImportSession } from '../../src/io';
import type { Facility, Layers } from '../../src/core/model';
import { bytes } from './helpers';

const EMPTY: Layers = { communities: [], facilities: [], streets: [], roads: [] };

describe('import session (what the worker keeps between the dialogue steps)', () => {
  it('read → summaries with a guessed mapping → check with the user’s mapping → accept', () => {
    const s = createImportSession();
    const progress: number[] = [];
    const read = s.read('facilities-3857-utf8.zip', bytes('facilities-3857-utf8.zip'), { kind: 'facilities' }, (f) => progress.push(f));
    if (!read.ok) throw new Error('read failed');
    expect(progress.at(-1)).toBe(1);
    expect(read.layers[0].mapping.nursingBeds).toBeUndefined(); // "护理" is not an alias
    const report = s.check(0, 'facilities', { ...read.layers[0].mapping, nursingBeds: '护理' });
    expect([report.good, report.withErrors]).toEqual([3, 0]);
    const out = s.accept();
    expect(out && acceptImport(EMPTY, out, 'good').facilities.map((f) => [f.id, f.nursingBeds])).toEqual([
      ['F001', 8],
      ['F002', 180],
      ['F003', undefined],
    ]);
    // the file is forgotten after accept
    expect(() => s.check(0, 'facilities', {})).toThrow(/read a file first/);
  });
  it('the mapping is used exactly: a field the user removed is not guessed back', () => {
    const s = createImportSession();
    const read = s.read('facilities-3857-utf8.zip', bytes('facilities-3857-utf8.zip'), { kind: 'facilities' });
    if (!read.ok) throw new Error('read failed');
    const { floorArea: _dropped, ...rest } = read.layers[0].mapping;
    expect(_dropped).toBe('面积');
    s.check(0, 'facilities', rest);
    const good = (s.accept()?.good ?? []) as Facility[];
    expect(good).toHaveLength(3);
    expect(good.every((f) => f.floorArea === undefined && f.extra.面积 !== undefined)).toBe(true);
  });
  it('cancel forgets the file; a failed read leaves nothing behind', () => {
    const s = createImportSession();
    s.read('facilities-3857-utf8.zip', bytes('facilities-3857-utf8.zip'), { kind: 'facilities' });
    s.cancel();
    expect(s.accept()).toBeUndefined();
    expect(s.read('bad.zip', new Uint8Array([0x50, 0x4b, 3, 4, 0]), { kind: 'facilities' })).toMatchObject({ ok: false, error: { key: 'io.err.zipCorrupt' } });
    expect(() => s.check(0, 'facilities', {})).toThrow(RangeError);
  });
});
