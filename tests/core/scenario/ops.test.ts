import { describe, expect, it } from 'vitest';
import type { Edit } from '../../../src/core/scenario/edit';
import { applyEdit } from '../../../src/core/scenario/edit';
import {
  addFacilities,
  addFacility,
  deleteCommunity,
  deleteFacility,
  moveFacility,
  putCommunity,
  setCapacity,
  setCommunity,
  updateFacility,
  type OpResult,
} from '../../../src/core/scenario/ops';
import { baseLayers, community, facility, square } from './fixtures';

function ok(r: OpResult): Edit {
  if (!r.ok) throw new Error(`expected ok, got ${r.reason.key}`);
  return r.edit;
}

describe('edit operations', () => {
  it('addFacility puts the new facility and records its intent', () => {
    const f = facility('new1', { name: '阳光托育', places: 40 });
    const e = ok(addFacility(baseLayers(), { facility: f }, 'e1'));
    expect(e).toEqual({
      id: 'e1',
      note: { key: 'scenario.edit.addFacility', args: { name: '阳光托育' } },
      put: [{ layer: 'facilities', feature: f }],
      op: { type: 'addFacility', facility: f },
    });
  });

  it('addFacility refuses a taken id, a bad kind, negative or fractional places, nursing > beds', () => {
    const L = baseLayers();
    expect(addFacility(L, { facility: facility('f1') })).toEqual({ ok: false, reason: { key: 'scenario.error.exists.facilities', args: { id: 'f1' } } });
    const badKind = facility('x', { kind: 'school' as never }); // deliberately not a FacilityKind;
    expect(addFacility(L, { facility: badKind })).toMatchObject({ ok: false, reason: { key: 'scenario.error.badKind' } });
    expect(addFacility(L, { facility: facility('x', { places: -1 }) })).toMatchObject({
      ok: false,
      reason: { key: 'scenario.error.badNumber', args: { id: 'x', field: 'places', value: '-1' } },
    });
    expect(addFacility(L, { facility: facility('x', { places: 2.5 }) })).toMatchObject({ ok: false, reason: { key: 'scenario.error.notWhole' } });
    expect(addFacility(L, { facility: facility('x', { beds: 10, nursingBeds: 11 }) })).toMatchObject({
      ok: false,
      reason: { key: 'scenario.error.nursingOverBeds', args: { nursingBeds: 11, beds: 10 } },
    });
    expect(addFacility(L, { facility: facility('x', { geometry: { type: 'Point', coordinates: [200, 34] } }) })).toMatchObject({
      ok: false,
      reason: { key: 'scenario.error.badPosition' },
    });
  });

  it('addFacilities adds several as one undoable step, all or nothing', () => {
    const L = baseLayers();
    const e = ok(addFacilities(L, { facilities: [facility('s1', { name: '候选一' }), facility('s2'), facility('s3')] }, 'e'));
    expect(e.note).toEqual({ key: 'scenario.edit.addFacilities', args: { count: 3, name: '候选一' } });
    const a = applyEdit(L, e);
    expect(a.layers.facilities.map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 's1', 's2', 's3']);
    expect(applyEdit(a.layers, a.inverse).layers).toStrictEqual(L);
    // one id taken (f2) or repeated (s1 twice): nothing is added, the reason names the id
    expect(addFacilities(L, { facilities: [facility('s1'), facility('f2')] })).toEqual({ ok: false, reason: { key: 'scenario.error.exists.facilities', args: { id: 'f2' } } });
    expect(addFacilities(L, { facilities: [facility('s1'), facility('s1')] })).toEqual({ ok: false, reason: { key: 'scenario.error.exists.facilities', args: { id: 's1' } } });
    expect(addFacilities(L, { facilities: [] })).toEqual({ ok: false, reason: { key: 'scenario.error.nothingToAdd' } });
  });

  it('moveFacility moves a point and reports the distance in metres', () => {
    // f1 at (108.905, 34.105) moved 0.01° north: haversine with R = 6,371,008.8 m (mean earth radius):
    // 0.01° = 0.01 × π/180 rad = 1.745329e-4 rad; × 6,371,008.8 = 1111.95 m → 1112
    const e = ok(moveFacility(baseLayers(), { id: 'f1', to: [108.905, 34.115] }, 'e1'));
    expect(e.note).toEqual({ key: 'scenario.edit.moveFacility', args: { name: '设施f1', metres: 1112 } });
    const { layers } = applyEdit(baseLayers(), e);
    expect(layers.facilities[0].geometry).toEqual({ type: 'Point', coordinates: [108.905, 34.115] });
    expect(layers.facilities[0].places).toBe(20);
  });

  it('moveFacility shifts a polygon site so its middle lands on the target', () => {
    // square 108.90..108.91 × 34.10..34.11: its representative point is the middle of the row across
    // its middle, (108.905, 34.105) (to 1e-9°); moving it to (108.915, 34.105) shifts every corner 0.01° east
    const L = { ...baseLayers(), facilities: [facility('p', { geometry: square(108.9, 34.1) })] };
    const e = ok(moveFacility(L, { id: 'p', to: [108.915, 34.105] }, 'e'));
    const g = applyEdit(L, e).layers.facilities[0].geometry;
    expect(g.type).toBe('Polygon');
    const ring = g.type === 'Polygon' ? g.coordinates[0] : [];
    expect(ring[0][0]).toBeCloseTo(108.91, 7);
    expect(ring[2][0]).toBeCloseTo(108.92, 7);
    expect(ring[2][1]).toBeCloseTo(34.11, 7);
  });

  it('moveFacility and deleteFacility refuse a missing facility', () => {
    const miss = { ok: false, reason: { key: 'scenario.error.missing.facilities', args: { id: 'gone' } } };
    expect(moveFacility(baseLayers(), { id: 'gone', to: [108.9, 34.1] })).toEqual(miss);
    expect(deleteFacility(baseLayers(), { id: 'gone' })).toEqual(miss);
  });

  it('setCapacity changes only the named fields; null makes a value unknown again', () => {
    const e = ok(setCapacity(baseLayers(), { id: 'f2', capacity: { beds: 30, nursingBeds: null } }, 'e'));
    const f2 = applyEdit(baseLayers(), e).layers.facilities[1];
    expect(f2.beds).toBe(30);
    expect('nursingBeds' in f2).toBe(false);
    expect(f2.kind).toBe('elderly_daycare');
    expect(e.note).toEqual({ key: 'scenario.edit.setCapacity', args: { name: '设施f2', count: 2 } });
  });

  it('setCapacity with one field names it, from and to', () => {
    const e = ok(setCapacity(baseLayers(), { id: 'f1', capacity: { places: 60 } }, 'e'));
    expect(e.note).toEqual({ key: 'scenario.edit.setCapacity.places', args: { name: '设施f1', from: 20, to: 60 } });
    const e2 = ok(setCapacity(baseLayers(), { id: 'f3', capacity: { floorArea: 120 } }, 'e'));
    expect(e2.note.args).toEqual({ name: '设施f3', from: '—', to: 120 });
  });

  it('setCapacity refuses nursing beds above beds after the change', () => {
    // f2 has beds 10, nursingBeds 4; lowering beds to 3 leaves 4 > 3
    expect(setCapacity(baseLayers(), { id: 'f2', capacity: { beds: 3 } })).toMatchObject({
      ok: false,
      reason: { key: 'scenario.error.nursingOverBeds', args: { id: 'f2', nursingBeds: 4, beds: 3 } },
    });
  });

  it('updateFacility changes kind and 普惠 and keeps capacities', () => {
    const e = ok(updateFacility(baseLayers(), { id: 'f1', props: { inclusive: true, name: '新名' } }, 'e'));
    const f1 = applyEdit(baseLayers(), e).layers.facilities[0];
    expect([f1.name, f1.inclusive, f1.places]).toEqual(['新名', true, 20]);
  });

  it('putCommunity adds a drawn area or replaces an existing one, and says which', () => {
    const L = baseLayers();
    const add = ok(putCommunity(L, { community: community('c9') }, 'e'));
    expect(add.note.key).toBe('scenario.edit.addCommunity');
    expect(add.op).toEqual({ type: 'putCommunity', community: community('c9'), replaces: false });
    const rep = ok(putCommunity(L, { community: community('c1', { households: 500 }) }, 'e'));
    expect(rep.note.key).toBe('scenario.edit.replaceCommunity');
    expect(putCommunity(L, { community: community('c9'), replaces: true })).toMatchObject({ ok: false, reason: { key: 'scenario.error.missing.communities' } });
  });

  it('putCommunity refuses an open ring and an unknown type', () => {
    const open = community('c9', {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [108.9, 34.1],
            [108.91, 34.1],
            [108.91, 34.11],
            [108.9, 34.11],
          ],
        ],
      },
    });
    expect(putCommunity(baseLayers(), { community: open })).toMatchObject({ ok: false, reason: { key: 'scenario.error.badRing', args: { id: 'c9' } } });
    expect(putCommunity(baseLayers(), { community: community('c9', { type: 'old' as never /* deliberately not a CommunityType */ }) })).toMatchObject({
      ok: false,
      reason: { key: 'scenario.error.badType' },
    });
  });

  it('setCommunity and deleteCommunity', () => {
    const e = ok(setCommunity(baseLayers(), { id: 'c2', fields: { type: 'new', households: 600, elderly: null } }, 'e'));
    const c2 = applyEdit(baseLayers(), e).layers.communities[1];
    expect([c2.type, c2.households, c2.population]).toEqual(['new', 600, 1000]);
    const d = ok(deleteCommunity(baseLayers(), { id: 'c3' }, 'd'));
    expect(applyEdit(baseLayers(), d).layers.communities.map((c) => c.id)).toEqual(['c1', 'c2']);
  });
});
