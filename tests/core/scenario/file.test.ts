import { describe, expect, it } from 'vitest';
import type { Layers } from '../../../src/core/model';
import { baselineNotice, importScenario, scenarioFile, scenarioFileText } from '../../../src/core/scenario/file';
import { parseScenarioFile } from '../../../src/schemas/scenario';
import { commit, EMPTY_HISTORY } from '../../../src/core/scenario/history';
import { addFacilities, addFacility, deleteCommunity, moveFacility, putCommunity, setCapacity, setCommunity, updateFacility, type OpResult } from '../../../src/core/scenario/ops';
import { replay } from '../../../src/core/scenario/replay';
import { withHistory, type Scenario } from '../../../src/core/scenario/scenarios';
import type { Edit } from '../../../src/core/scenario/edit';
import { baseLayers, community, deepFreeze, facility, square } from './fixtures';

function ok(r: OpResult): Edit {
  if (!r.ok) throw new Error(r.reason.key);
  return r.edit;
}

function madeScenario(): { scenario: Scenario; layers: Layers } {
  let s = { layers: baseLayers() as Layers, history: EMPTY_HISTORY };
  s = commit(s, ok(addFacility(s.layers, { facility: facility('n1', { name: '阳光托育', places: 40, inclusive: true, extra: { buildMode: 'new' } }) }, 'e1')));
  s = commit(s, ok(moveFacility(s.layers, { id: 'f2', to: [108.93, 34.105] }, 'e2')));
  s = commit(s, ok(setCapacity(s.layers, { id: 'f1', capacity: { places: 60, floorArea: null } }, 'e3')));
  s = commit(
    s,
    ok(putCommunity(s.layers, { community: community('c9', { type: 'new', geometry: { type: 'MultiPolygon', coordinates: [square(108.96, 34.1).coordinates] } }) }, 'e4')),
  );
  return { scenario: withHistory({ id: 'sc1', name: '方案一：加托位', edits: [] }, s.history), layers: s.layers };
}

describe('scenario file', () => {
  it('round-trips: write, read, replay gives the same layers', () => {
    const { scenario, layers } = madeScenario();
    const text = scenarioFileText(scenarioFile(scenario, baseLayers(), '长安区'));
    const r = parseScenarioFile(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.file.scenario).toStrictEqual(JSON.parse(JSON.stringify(scenario)));
    expect(baselineNotice(r.file, baseLayers())).toBeNull();
    const back = replay(baseLayers(), r.file.scenario);
    expect(back.skipped).toEqual([]);
    expect(back.layers).toEqual(layers);
  });

  it('every kind of edit operation survives the file', () => {
    let s = { layers: baseLayers() as Layers, history: EMPTY_HISTORY };
    s = commit(s, ok(addFacilities(s.layers, { facilities: [facility('s1'), facility('s2', { kind: 'family_childcare', places: 5 })] }, 'x1')));
    s = commit(s, ok(updateFacility(s.layers, { id: 'f1', props: { ownership: 'public_private', inclusive: true } }, 'x2')));
    s = commit(s, ok(setCommunity(s.layers, { id: 'c2', fields: { type: 'new', households: null } }, 'x3')));
    s = commit(s, ok(deleteCommunity(s.layers, { id: 'c3' }, 'x4')));
    const scenario = withHistory({ id: 'sc', name: 'n', edits: [] }, s.history);
    const r = parseScenarioFile(scenarioFileText(scenarioFile(scenario, baseLayers(), 'x')));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.file.scenario.edits.map((e) => e.op?.type)).toEqual(['addFacilities', 'updateFacility', 'setCommunity', 'deleteCommunity']);
    expect(replay(baseLayers(), r.file.scenario).layers).toEqual(s.layers);
  });

  it('says when it was made on other baseline data', () => {
    const { scenario } = madeScenario();
    const file = scenarioFile(scenario, baseLayers(), '长安区 2024');
    const b = baseLayers();
    const changed = deepFreeze({ ...b, facilities: b.facilities.slice(1) });
    expect(baselineNotice(file, changed)).toEqual({ key: 'scenario.file.otherBaseline', args: { name: '长安区 2024' } });
  });

  it('explains broken JSON', () => {
    const r = parseScenarioFile('{"type": "yilao-scenario", "version": 1, "scen');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].key).toBe('scenario.file.notJson');
  });

  it('explains a file that is not a scenario (e.g. a project file)', () => {
    expect(parseScenarioFile('{"version": 1, "communities": {}}')).toEqual({ ok: false, problems: [{ key: 'scenario.file.notScenario' }] });
    expect(parseScenarioFile('[1,2]')).toEqual({ ok: false, problems: [{ key: 'scenario.file.notScenario' }] });
  });

  it('explains a newer version and a bad version', () => {
    expect(parseScenarioFile({ type: 'yilao-scenario', version: 7 })).toEqual({ ok: false, problems: [{ key: 'scenario.file.newer', args: { version: 7, supported: 1 } }] });
    expect(parseScenarioFile({ type: 'yilao-scenario', version: '1' })).toEqual({ ok: false, problems: [{ key: 'scenario.file.badVersion', args: { version: '"1"' } }] });
    expect(parseScenarioFile({ type: 'yilao-scenario' })).toEqual({ ok: false, problems: [{ key: 'scenario.file.badVersion', args: { version: 'undefined' } }] });
  });

  it('names the path of a wrong field', () => {
    const { scenario } = madeScenario();
    const file = JSON.parse(scenarioFileText(scenarioFile(scenario, baseLayers(), 'x'))) as { scenario: { edits: { op: { to: unknown } }[] } };
    file.scenario.edits[1].op.to = [108.93, 'north'];
    const r = parseScenarioFile(file);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0].key).toBe('scenario.file.invalid');
      expect(r.problems[0].args?.path).toBe('scenario.edits[1].op.to[1]');
    }
  });

  it('import keeps what is there: a taken id gets a new one, a taken name a number', () => {
    const { scenario } = madeScenario();
    const file = scenarioFile(scenario, baseLayers(), 'x');
    const mine: Scenario[] = [{ id: 'sc1', name: '方案一：加托位', edits: [] }];
    const r = importScenario(mine, file, 'fresh');
    if (!r.ok) throw new Error();
    expect(r.scenarios[0]).toBe(mine[0]);
    expect([r.scenario.id, r.scenario.name, r.scenario.edits.length]).toEqual(['fresh', '方案一：加托位 (2)', 4]);
    const again = importScenario(r.scenarios, file, 'fresh2');
    if (!again.ok) throw new Error();
    expect(again.scenario.name).toBe('方案一：加托位 (3)');
  });
});
