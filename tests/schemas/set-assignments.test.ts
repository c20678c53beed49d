// `--set` refuses what would change nothing and echoes what was typed.
import { describe, expect, it } from 'vitest';
import { listProfiles } from '../../src/core/evaluate';
import { closestFirst, editDistance, thresholdKeys } from '../../src/core/rules/threshold-keys';
import { tm } from '../../src/i18n';
import { applyAssignments, parseAssignment } from '../../src/schemas';

describe('--set name=value', () => {
  it('a multi-part rule without its part is refused, its parts listed first', () => {
    const r = parseAssignment('threshold.ca.community.min=350', {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.msg.key).toBe('params.unknownThreshold');
    expect(String(r.msg.args?.known).split(', ').slice(0, 2)).toEqual(['ca.community.min:childcare', 'ca.community.min:elderly']);
    expect(tm('en', r.msg)).toContain('There is no rule key ca.community.min');
  });
  it('a misspelt key lists the nearest first: ca.househols → ca.households (one letter missing)', () => {
    const r = parseAssignment('threshold.ca.househols=25', {});
    expect(r.ok || String(r.msg.args?.known).split(', ')[0]).toBe('ca.households');
  });
  it('every rule key of every profile, and the share of a presence rule, are accepted', () => {
    const keys = new Set(listProfiles().flatMap((p) => p.rules.map((r) => r.key ?? r.id)));
    for (const k of keys) expect(thresholdKeys()).toContain(k);
    const r = applyAssignments({}, ['threshold.ca.community.min:elderly=350', 'threshold.ca.coverage.town:share=0.8']);
    expect(r).toEqual({ ok: true, params: { thresholds: { 'ca.community.min:elderly': 350, 'ca.coverage.town:share': 0.8 } } });
  });
  it('a bad value is echoed as typed: walkSpeed=abc says "abc", not null', () => {
    const r = parseAssignment('walkSpeed=abc', {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.msg.args?.value).toBe('abc');
      expect(tm('zh', r.msg)).toContain('abc');
    }
  });
  it('an unknown parameter lists the known ones, closest first', () => {
    const r = parseAssignment('walkSped=1', {});
    expect(r.ok || String(r.msg.args?.known).split(', ')[0]).toBe('walkSpeed');
  });
  it('edit distance by hand: kitten → sitting = 3; closest first, ties alphabetical', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closestFirst('ab', ['abd:x', 'zz', 'ac', 'b'])).toEqual(['abd:x', 'ac', 'b', 'zz']);
  });
});
