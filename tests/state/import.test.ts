// The import wizard's state machine against the real readers, checks and fixtures, with the
// worker's import api run in-process on a parsed project. Expected values are read from the
// fixtures' WGS84 sources (tests/fixtures/io/src) and from CSVs written here, not from the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Layers } from '../../src/core/model';
import type { MappingStore } from '../../src/io/mapping-memory';
import { createImportActions, createImportState, type ImportFile } from '../../src/state/import-wizard';
import { localImporter } from '../../src/worker/import-client';
import { parseProject } from '../../src/schemas';
import { parseGood, projectWithImport } from '../../src/state/import-apply';
import type { LoadedProject } from '../../src/service/session';
import { createImportApi, guessKind, type ImportApplied } from '../../src/service/import-export';

const FIX = 'tests/fixtures/io';

function fileOf(name: string, bytes: Uint8Array): ImportFile {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}
const fixture = (name: string) => fileOf(name, new Uint8Array(readFileSync(`${FIX}/${name}`)));

function sampleLayers(): Layers {
  const r = parseProject(JSON.parse(readFileSync('data/sample/project.json', 'utf8')), 'project.json');
  if (!r.ok) throw new Error('sample project does not load');
  const p = r.project;
  return { communities: p.communities, facilities: p.facilities, streets: p.streets, roads: p.roads };
}

function sampleProject(): LoadedProject {
  const r = parseProject(JSON.parse(readFileSync('data/sample/project.json', 'utf8')), 'project.json');
  if (!r.ok) throw new Error('sample project does not load');
  const { roads, ...p } = r.project;
  return {
    ...p,
    issues: r.issues,
    other: r.other,
    roadCount: roads.length,
    credits: [],
    scenarioPart: { scenarios: [], views: [], activeScenario: 'baseline' },
    scenarioNotes: [],
  };
}

function memoryStore(): MappingStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return { map, get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v) };
}

function setup(store = memoryStore()) {
  let baseline = sampleLayers();
  const start = baseline;
  const applied: ImportApplied[] = [];
  const api = createImportApi({ baseline: () => baseline, current: () => baseline, setBaseline: (l) => (baseline = l), projectText: (l) => JSON.stringify(l) });
  const s = createImportState();
  const progress: number[] = [];
  const a = createImportActions(s, {
    importer: {
      ...localImporter(api),
      read: async (req, onProgress) =>
        api.importRead(req, (f) => {
          progress.push(f);
          onProgress(f);
        }),
    },
    store,
    apply: async (x) => void applied.push(x),
  });
  return { s, a, store, applied, progress, start, baseline: () => baseline };
}

const ENC = new TextEncoder();

describe('import wizard state', () => {
  it('a GBK shapefile in zone 36: guessed as communities with a guessed mapping, checked, imported', async () => {
    const t = setup();
    await t.a.open(fixture('communities-gk36-gbk.zip'));
    expect(t.s.step.value).toBe('layer');
    expect(t.s.mode.value).toBe('merge'); // nothing is removed unless the user says so
    t.a.setMode('replace');
    expect(t.progress.at(-1)).toBe(1); // the reader reported its progress up to the end
    const layer = t.s.layers.value[0];
    expect(layer.count).toBe(3);
    expect(t.s.kind.value).toBe('communities'); // polygons with 人口/户数
    expect(layer.crs).toMatchObject({ code: 'EPSG:4524', source: 'prj' });
    // field names as written into the .dbf in GBK (tests/fixtures/io/src/communities-short.fields.json)
    expect(t.s.mapping.value).toMatchObject({ id: '编号', name: '名称', population: '人口', households: '户数', elderly: '老年人口', infants: '婴幼儿' });
    expect(t.s.remembered.value).toBe(false);
    await t.a.next(); // → coordinates
    expect(t.s.step.value).toBe('coords');
    await t.a.next(); // → mapping
    await t.a.next(); // → the worker checks
    expect(t.s.step.value).toBe('report');
    expect(t.s.report.value).toMatchObject({ total: 3, good: 3, withErrors: 0 });
    // before accepting: the sample's communities (none in the file) would all go, and are listed
    const sampleIds = t.start.communities.map((c) => c.id);
    expect(t.s.plan.value).toMatchObject({ mode: 'replace', added: 3, updated: 0, before: sampleIds.length, after: 3 });
    expect(t.s.plan.value!.removed.map((x) => x.id)).toEqual(sampleIds);
    expect(t.applied).toHaveLength(0); // nothing changed before accept
    expect(t.baseline()).toBe(t.start);
    await t.a.accept();
    expect(t.s.step.value).toBe('done');
    expect(t.applied).toHaveLength(1);
    const src = JSON.parse(readFileSync(`${FIX}/src/communities-short.geojson`, 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    expect(t.baseline().communities.map((c) => c.id)).toEqual(src.features.map((f) => f.properties.编号));
    expect(t.baseline().communities[0].population).toBe(8650);
    expect(t.baseline().facilities).toBe(t.start.facilities); // other layers untouched
    const page = projectWithImport(sampleProject(), t.applied[0], await parseGood(t.applied[0].layerJson));
    expect(page.communities).toEqual(t.baseline().communities); // replaced on the page as in the worker
    expect(page.issues.some((i) => i.level === 'community')).toBe(false);
  });

  it('cancel at the report changes nothing and a later accept has nothing to apply', async () => {
    const t = setup();
    await t.a.open(fixture('communities-gk36-gbk.zip'));
    await t.a.next();
    await t.a.next();
    await t.a.next();
    expect(t.s.report.value?.good).toBe(3);
    await t.a.cancel();
    expect(t.s.step.value).toBe('idle');
    await t.a.accept();
    expect(t.applied).toHaveLength(0);
    expect(t.baseline()).toBe(t.start);
  });

  it('a truncated zip fails with its own message and changes nothing', async () => {
    const t = setup();
    const whole = readFileSync(`${FIX}/communities-gk36-gbk.zip`);
    await t.a.open(fileOf('broken.zip', new Uint8Array(whole.subarray(0, Math.floor(whole.length / 2)))));
    expect(t.s.step.value).toBe('failed');
    expect(t.s.error.value).toMatchObject({ key: 'io.err.zipCorrupt' });
    expect(t.baseline()).toBe(t.start);
  });

  it('a CSV with Chinese headers: bad rows named by spreadsheet row, the good ones added (merge, the default)', async () => {
    const t = setup();
    // row 1 header; row 2 good; row 3 护理型床位 > 床位; row 4 床位 not a number; row 5 good, no 护理 column value
    const csv = [
      '编号,名称,类型,床位,护理型床位,经度,纬度',
      'N1,新建日照中心,日间照料中心,20,8,108.905,34.156',
      'N2,错误养老院,养老院,20,50,108.906,34.157',
      'N3,约数养老院,养老院,约30,,108.907,34.158',
      'N4,新托育园,托育机构,,,108.908,34.159',
    ].join('\r\n');
    await t.a.open(fileOf('新设施.csv', ENC.encode(csv)));
    expect(t.s.kind.value).toBe('facilities'); // points with 类型/床位
    expect(t.s.mapping.value).toMatchObject({ id: '编号', name: '名称', kind: '类型', beds: '床位', nursingBeds: '护理型床位' });

    await t.a.next();
    await t.a.next();
    await t.a.next();
    const r = t.s.report.value!;
    expect(r).toMatchObject({ total: 4, good: 2, withErrors: 2 });
    const errs = r.problems.filter((p) => p.severity === 'error').map((p) => [p.number, p.id, p.code]);
    expect(errs).toEqual([
      [3, 'N2', 'nursing_gt_beds'],
      [4, 'N3', 'not_a_number'],
    ]);
    expect(t.s.plan.value).toMatchObject({ mode: 'merge', added: 2, updated: 0, removed: [] });
    await t.a.accept();
    const before = t.start.facilities.map((f) => f.id);
    expect(t.baseline().facilities.map((f) => f.id)).toEqual([...before, 'N1', 'N4']);
    expect(t.applied[0]).toMatchObject({ kind: 'facilities', mode: 'merge', imported: 2 });
    // the page's copy, rebuilt from the JSON the worker sends, equals the worker's baseline
    const page = projectWithImport(sampleProject(), t.applied[0], await parseGood(t.applied[0].layerJson));
    expect(page.facilities).toEqual(t.baseline().facilities);
    expect(page.communities).toEqual(t.start.communities);
  });

  it('a fixed column is remembered for the next file of the same layout', async () => {
    const store = memoryStore();
    const t = setup(store);
    await t.a.open(fixture('communities-gk36-gbk.zip'));
    expect(t.s.mapping.value.households).toBe('户数');
    t.a.setField('households', ''); // the user decides 户数 is not households
    t.a.setField('elderly', '婴幼儿'); // and moves a column (a plausible one: a 婴幼儿 count as 60+ is no error): it leaves infants
    expect(t.s.mapping.value.infants).toBeUndefined();
    await t.a.next();
    await t.a.next();
    await t.a.next();
    expect(t.s.report.value?.mapping.households).toBeUndefined();
    expect(t.s.report.value?.good).toBe(3);
    await t.a.accept();
    // merged: the file's three communities come after the sample's own
    expect(t.baseline().communities.at(-3)?.households).toBeUndefined();

    const again = setup(store);
    await again.a.open(fixture('communities-gk36-gbk.zip'));
    expect(again.s.remembered.value).toBe(true);
    expect(again.s.mapping.value.households).toBeUndefined();
    expect(again.s.mapping.value.elderly).toBe('婴幼儿');
    expect(again.s.mapping.value.population).toBe('人口');
  });

  it('an unknown CRS is refused on the coordinates step; a wrong one shows in the report; the file’s own reads again', async () => {
    const t = setup();
    await t.a.open(fixture('facilities-cm108-gbk.csv'));
    expect(t.s.step.value).toBe('layer');
    // metres without a zone prefix: the zone comes from the study area (CM 108°E = EPSG:4545)
    expect(t.s.layers.value[0].crs.code).toBe('EPSG:4545');
    await t.a.next();
    await t.a.setCrs('EPSG:99999');
    expect(t.s.step.value).toBe('coords');
    expect(t.s.error.value).toMatchObject({ key: 'io.err.crsUnknown' });
    await t.a.next(); // cannot go on without a readable layer
    expect(t.s.step.value).toBe('coords');
    // lon/lat forced on metres: read, but every point is refused in the report
    await t.a.setCrs('EPSG:4326');
    expect(t.s.error.value).toBeNull();
    await t.a.next();
    await t.a.next();
    expect(t.s.report.value).toMatchObject({ total: 3, good: 0, withErrors: 3 });
    await t.a.accept(); // nothing good: nothing happens
    expect(t.applied).toHaveLength(0);
    t.a.back();
    t.a.back();
    await t.a.setCrs('');
    expect(t.s.step.value).toBe('coords');
    await t.a.next();
    await t.a.next();
    expect(t.s.report.value).toMatchObject({ total: 3, good: 3 });
    expect(t.baseline()).toBe(t.start);
  });

  it('web-map coordinates: the choice is recorded in the report and moves the points', async () => {
    const t = setup();
    const csv = ['编号,名称,类型,床位,经度,纬度', 'G1,高德点,养老院,10,108.91,34.16'].join('\n');
    await t.a.open(fileOf('高德坐标.csv', ENC.encode(csv)));
    await t.a.next();
    await t.a.setCoords('gcj02');
    await t.a.next();
    await t.a.next();
    expect(t.s.report.value?.coords).toBe('gcj02');
    await t.a.accept();
    const g = t.baseline().facilities.find((f) => f.id === 'G1')!.geometry;
    if (g.type !== 'Point') throw new Error('point expected');
    // GCJ-02 → WGS84 moves west and south by a few hundred metres in Xi'an (offsets of order 0.005°/0.001°)
    expect(g.coordinates[0]).toBeLessThan(108.91);
    expect(108.91 - g.coordinates[0]).toBeGreaterThan(0.002);
    expect(108.91 - g.coordinates[0]).toBeLessThan(0.01);
  });
});

describe('OpenStreetMap files in the wizard', () => {
  it('an .osm extract gives a roads and a facilities layer; imported roads bring the ODbL credit', async () => {
    const t = setup();
    await t.a.open(fileOf('changan-small.osm', new Uint8Array(readFileSync('tests/fixtures/osm/changan-small.osm'))));
    expect(t.s.step.value).toBe('layer');
    const kinds = t.s.layers.value.map((l) => l.guessedKind);
    expect(kinds).toEqual(['roads', 'facilities']);
    await t.a.chooseLayer(0);
    expect(t.s.kind.value).toBe('roads');
    await t.a.next();
    await t.a.next();
    await t.a.next();
    const good = t.s.report.value!.good;
    expect(good).toBeGreaterThan(0);
    await t.a.accept();
    expect(t.applied[0]).toMatchObject({ kind: 'roads', imported: good, roadCount: good, layerJson: [] });
    expect(t.applied[0].credits.join(' ')).toMatch(/OpenStreetMap/);
    expect(t.baseline().roads).toHaveLength(good);
  });
});

describe('guessKind', () => {
  it('lines are roads, points with capacities facilities, polygons with population communities, polygons named 街道 streets', () => {
    expect(guessKind({ name: 'x', columns: ['name'] }, { LineString: 5 })).toBe('roads');
    expect(guessKind({ name: 'x', columns: ['名称', '床位'] }, { Point: 5 })).toBe('facilities');
    expect(guessKind({ name: 'x', columns: ['名称', '常住人口'] }, { Point: 5 })).toBe('communities');
    expect(guessKind({ name: 'x', columns: ['名称', '人口'] }, { Polygon: 5 })).toBe('communities');
    expect(guessKind({ name: '街道界线', columns: ['名称', '代码'] }, { Polygon: 5 })).toBe('streets');
  });
});

describe('import wizard: fixes a planner makes on screen', () => {
  it('columns the wrong way round: the wizard says so on the coordinates step and reads the file again swapped', async () => {
    const t = setup();
    // every row has latitude under 经度 and longitude under 纬度
    const csv = ['名称,类型,床位,经度,纬度', 'A,养老院,30,34.156,108.905', 'B,养老院,20,34.157,108.906'].join('\n');
    await t.a.open(fileOf('反了.csv', ENC.encode(csv)));
    expect(t.s.step.value).toBe('coords');
    expect(t.s.error.value).toMatchObject({ key: 'io.err.swappedColumns', args: { x: '经度', y: '纬度' } });
    await t.a.swapColumns('纬度', '经度');
    expect(t.s.step.value).toBe('coords');
    expect(t.s.error.value).toBeNull();
    expect(t.s.kind.value).toBe('facilities');
    await t.a.next();
    await t.a.next();
    expect(t.s.report.value).toMatchObject({ total: 2, good: 2, withErrors: 0 });
    await t.a.accept();
    const a = t.baseline().facilities.find((f) => f.name === 'A');
    expect(a?.geometry).toEqual({ type: 'Point', coordinates: [108.905, 34.156] });
  });

  it('a sheet with only 名称/经度/纬度/托位: every row lacks its kind until "all rows are 托育机构" is set', async () => {
    const t = setup();
    const csv = ['名称,经度,纬度,托位', '甲托育点,108.905,34.156,30', '乙托育点,108.906,34.157,40'].join('\n');
    await t.a.open(fileOf('托育点.csv', ENC.encode(csv)));
    expect(t.s.kind.value).toBe('facilities');
    await t.a.next();
    await t.a.next();
    expect(t.s.mapping.value.kind).toBeUndefined();
    await t.a.next();
    expect(t.s.report.value).toMatchObject({ total: 2, good: 0, withErrors: 2 });
    t.a.back();
    t.a.setDefault('kind', 'childcare_centre');
    await t.a.next();
    expect(t.s.report.value).toMatchObject({ total: 2, good: 2, withErrors: 0 });
    await t.a.accept();
    const added = t.baseline().facilities.filter((f) => f.name === '甲托育点' || f.name === '乙托育点');
    expect(added.map((f) => [f.kind, f.places])).toEqual([
      ['childcare_centre', 30],
      ['childcare_centre', 40],
    ]);
  });
});
