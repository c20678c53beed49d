// The project file's ledger field: entered values kept through save/open, an old bare list
// migrated, a broken or newer field explained (the file is not half-opened).
import { describe, expect, it } from 'vitest';
import { tm } from '../../src/i18n';
import { ledgerEntries, parseProject, projectToJson, withEntry } from '../../src/schemas';

const pt = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });
const layers = {
  communities: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'C1', type: 'new', population: 1000 }, geometry: pt(108.9, 34.1) }] },
  facilities: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'F1', kind: 'childcare_centre', places: 10 }, geometry: pt(108.9, 34.1) }] },
};
const e1 = { target: 'ak.talent.elderly', year: 2023, value: 1800, by: '市人社局 李明', at: '2023-12-20T08:00:00.000Z', note: '含线上培训' };
const e2 = { target: 'ak.site.old', year: 2024, done: false, by: '市住建局', at: '2024-03-01T00:00:00.000Z' };

describe('ledger field', () => {
  it('survives a save and an open, next to the scenarios', () => {
    const a = parseProject({ version: 1, profile: 'ak', ...layers, ledger: { version: 1, entries: [e1, e2] }, scenarios: [] }, 'p.json');
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(ledgerEntries(a.other)).toEqual([e1, e2]);
    const text = JSON.stringify(projectToJson(a.project, a.other));
    const b = parseProject(text, 'p.json');
    expect(b.ok && ledgerEntries(b.other)).toEqual([e1, e2]);
    expect(b.ok && b.other.scenarios).toEqual([]);
  });

  it('a bare list of entries (version 0) is migrated', () => {
    const r = parseProject({ version: 1, ...layers, ledger: [e1] }, 'p.json');
    expect(r.ok && r.other.ledger).toEqual({ version: 1, entries: [e1] });
  });

  it('a broken entry names the file, the field and the path; a newer ledger says so', () => {
    const r = parseProject({ version: 1, ...layers, ledger: { version: 1, entries: [{ ...e1, value: '1800' }] } }, 'p.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].field).toBe('ledger');
    expect(tm('zh', r.problems[0].msg)).toContain('entries.0.value');
    expect(tm('zh', r.problems[0].msg)).toContain('p.json');
    const n = parseProject({ version: 1, ...layers, ledger: { version: 7, entries: [] } }, 'p.json');
    expect(!n.ok && tm('en', n.problems[0].msg)).toContain('version 7');
  });

  it('an entry for the same target and year replaces the earlier one', () => {
    const f = withEntry(withEntry(undefined, e1), { ...e1, value: 2000, at: '2023-12-21T00:00:00.000Z' });
    expect(f.entries.map((e) => e.value)).toEqual([2000]);
    expect(withEntry(f, { ...e1, year: 2024 }).entries.length).toBe(2);
  });
});
