// Bring your own data, in the built app in Chromium: drop a GBK Shapefile on the map, pick a CSV
// with Chinese headers, fix a column, read the report, import the good ones or cancel; export
// results and the map. Expected values come from the fixtures' WGS84 sources and from the CSVs
// written here (which rows are wrong and why is decided when writing them).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';
import { PresentSteps } from './present-steps';
import { ImportSteps, pngSize, wgs84ToGcj02 } from './import-steps';

const SHP = 'tests/fixtures/io/communities-gk36-gbk.zip';
const SHP_IDS = (JSON.parse(readFileSync('tests/fixtures/io/src/communities-short.geojson', 'utf8')) as { features: { properties: Record<string, string> }[] }).features.map(
  (f) => f.properties.编号,
);

// points inside the demo area: next to its first facilities
const demo = JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as { facilities: { features: { geometry: { coordinates: number[] } }[] } };
const [LON, LAT] = demo.facilities.features[0].geometry.coordinates;
const at = (i: number) => [(LON + 0.001 * i).toFixed(6), (LAT + 0.0005 * i).toFixed(6)];

/** row 1 header; 2 good; 3 护理型床位 50 > 床位 20; 4 good (places only in the column no alias knows); 5 no coordinates */
function facilitiesCsv(): Uint8Array {
  const rows = [
    ['机构编号', '机构名称', '设施类型', '床位数（张）', '护理型床位', '容纳幼儿', '经度', '纬度'],
    ['X1', '新建日间照料中心', '日间照料中心', '30', '10', '', ...at(1)],
    ['X2', '错误养老院', '养老院', '20', '50', '', ...at(2)],
    ['X3', '新建托育点', '托育机构', '', '', '40', ...at(3)],
    ['X4', '缺坐标养老院', '养老院', '10', '', '', '', ''],
  ];
  return new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n'));
}

/** the demo's first facility (CC0001 青年街托育中心, 127 places) with 150 places, and one new centre: a
 *  layout of its own, so the mapping remembered here is not offered to facilitiesCsv() */
function updateCsv(): Uint8Array {
  const rows = ['编号,名称,类型,托位,经度,纬度', 'CC0001,青年街托育中心,托育机构,150,108.933228,34.156505', `Y1,新建托育中心,托育机构,60,${at(4).join(',')}`];
  return new TextEncoder().encode(rows.join('\n'));
}

describe('import and export at 1366×768', () => {
  const driver = new AppDriver(inject('appUrl'));
  const imp = new ImportSteps(driver);
  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('cancel after the report leaves the project as it was', async () => {
    const before = await imp.then.tableIds('community');
    await imp.when.fixtureDroppedOnMap(SHP);
    expect(await imp.then.kind()).toBe('communities');
    await imp.when.toMapping();
    await imp.when.checked();
    expect((await imp.then.reportCounts()).good).toBe(3);
    await imp.when.cancelled();
    expect(await imp.then.tableIds('community')).toEqual(before);
    expect(driver.pageErrors).toEqual([]);
  });

  it('given the demo, when a facility file is imported as it comes, then its 658 facilities are all still there; restore brings back the data before', async () => {
    expect(await imp.then.tableCount('facility')).toBe(658); // data/demo/project.json
    await imp.when.filePicked('设施更新.csv', updateCsv());
    await imp.when.toMapping();
    await imp.when.checked();
    // before accepting: CC0001 matched by its id and updated, Y1 new, nothing removed
    const plan = await imp.then.plan();
    expect(plan).toMatchObject({ added: 1, updated: 1, removed: 0, removedIds: [] });
    expect(plan.text).toContain('新增 1 条');
    expect(plan.text).toContain('删除 0 条');
    await driver.screenshot('import-0-plan-1366');
    await imp.when.goodOnesImported();
    expect(await imp.then.tableCount('facility')).toBe(659);
    expect(await imp.then.tableIds('facility', 'Y1')).toEqual(['Y1']);
    expect(await imp.then.tableIds('facility', 'EI0001')).toEqual(['EI0001']);
    await imp.when.panelShown();
    await driver.screenshot('import-0-versions-1366');
    await imp.when.restoreClicked();
    expect(await imp.then.tableCount('facility')).toBe(658);
    expect(await imp.then.tableIds('facility', 'Y1')).toEqual([]);
    expect(driver.pageErrors).toEqual([]);
  });

  it('given the demo, when "replace all" is chosen, then the report lists every facility that would be removed before anything changes', async () => {
    await imp.when.filePicked('设施更新.csv', updateCsv());
    await imp.when.replaceChosen();
    await imp.when.toMapping();
    await imp.when.checked();
    const plan = await imp.then.plan();
    expect(plan).toMatchObject({ added: 1, updated: 1, removed: 657 });
    expect(plan.removedIds).toHaveLength(200); // the first 200 listed, the rest counted
    expect(plan.removedIds[0]).toBe('CC0002'); // the demo's second facility: the first is in the file
    expect(await driver.then.text('[data-testid=import-accept]')).toContain('删除 657 条');
    await imp.when.cancelled();
    expect(await imp.then.tableCount('facility')).toBe(658);
  });

  it('given a sheet with longitude and latitude the wrong way round, when the wizard offers to swap them, then the rows import', async () => {
    const rows = ['名称,类型,床位,经度,纬度', `反列养老院甲,养老院,30,${at(5)[1]},${at(5)[0]}`, `反列养老院乙,养老院,20,${at(6)[1]},${at(6)[0]}`];
    await imp.when.filePicked('反了.csv', new TextEncoder().encode(rows.join('\n')));
    expect(await imp.then.wizardStep()).toBe('coords');
    const said = await imp.then.errorText();
    expect(said).toContain('“经度”列里像是纬度');
    expect(said).not.toMatch(/--x|--crs|npm/);
    await driver.screenshot('import-6-swap-1366');
    await imp.when.columnsSwapped();
    await imp.when.nextClicked();
    await imp.when.checked();
    expect(await imp.then.reportCounts()).toEqual({ total: 2, good: 2, errors: 0 });
    await imp.when.cancelled();
  });

  it('given a sheet with only 名称/经度/纬度/托位, when "all rows are 托育机构" is chosen, then every row imports as a childcare centre', async () => {
    const rows = ['名称,经度,纬度,托位', `常数托育点甲,${at(7).join(',')},30`, `常数托育点乙,${at(8).join(',')},40`];
    await imp.when.filePicked('托育点.csv', new TextEncoder().encode(rows.join('\n')));
    await imp.when.toMapping();
    // kinds are offered by their names, never as codes like childcare_centre
    const options = await imp.then.constantOptions('kind');
    expect(options).toContain('托育机构');
    expect(options.join(' ')).not.toMatch(/[a-z]+_[a-z]+/);
    await imp.when.checked();
    expect(await imp.then.reportCounts()).toEqual({ total: 2, good: 0, errors: 2 });
    const missing = (await imp.then.reportRows())[0].text;
    expect(missing).toContain('托育机构');
    expect(missing).not.toMatch(/childcare_centre|elderly_institution/);
    await driver.page.click('[data-testid=import-back]');
    await imp.when.constantChosen('kind', 'childcare_centre');
    await driver.screenshot('import-7-constant-1366');
    await imp.when.checked();
    expect(await imp.then.reportCounts()).toEqual({ total: 2, good: 2, errors: 0 });
    await imp.when.cancelled();
  });

  it('a CSV with Chinese headers: mapping guessed, one column fixed, bad rows by number, the good ones added', async () => {
    expect(await imp.then.tableIds('facility', 'X1')).toEqual([]);
    await imp.when.filePicked('新增设施.csv', facilitiesCsv());
    expect(await imp.then.kind()).toBe('facilities');
    await driver.screenshot('import-1-layer-1366');
    await imp.when.toMapping();
    const guessed = await imp.then.mapping();
    expect(guessed).toMatchObject({ id: '机构编号', name: '机构名称', kind: '设施类型', beds: '床位数（张）', nursingBeds: '护理型床位' });
    expect(guessed.places).toBeUndefined(); // "容纳幼儿" is no alias of 托位
    await imp.when.columnMapped('places', '容纳幼儿');
    await driver.screenshot('import-2-mapping-1366');
    await imp.when.checked();
    expect(await imp.then.reportCounts()).toEqual({ total: 4, good: 2, errors: 2 });
    const rows = await imp.then.reportRows();
    expect(rows.map((r) => [r.number, r.id, r.code])).toEqual(
      expect.arrayContaining([
        [3, 'X2', 'nursing_gt_beds'],
        [5, 'X4', 'no_geometry'],
      ]),
    );
    expect(rows.find((r) => r.number === 3)?.text).toContain('第 3 行');
    await driver.screenshot('import-3-report-1366');
    await imp.when.goodOnesImported();
    expect(await imp.then.tableIds('facility', 'X1')).toEqual(['X1']);
    expect(await imp.then.tableIds('facility', 'X2')).toEqual([]);
    expect(await imp.then.tableIds('facility', 'EI0001')).toEqual(['EI0001']); // appended, not replaced
  });

  it('the fixed column is remembered (IndexedDB) for the next file with the same columns', async () => {
    await imp.when.filePicked('新增设施-第二批.csv', facilitiesCsv());
    await imp.when.toMapping();
    expect(await driver.page.getAttribute('[data-testid=import-mapping-source]', 'data-remembered')).toBe('true');
    expect((await imp.then.mapping()).places).toBe('容纳幼儿');
    await imp.when.cancelled();
  });

  it('a GBK Shapefile in CGCS2000 zone 36 dropped on the map replaces the communities', async () => {
    await imp.when.fixtureDroppedOnMap(SHP);
    expect(await imp.then.kind()).toBe('communities');
    await imp.when.replaceChosen();
    await imp.when.nextClicked();
    expect(await imp.then.crsDetected()).toContain('EPSG:4524');
    await imp.when.nextClicked();
    expect(await imp.then.mapping()).toMatchObject({ id: '编号', name: '名称', population: '人口', households: '户数' });
    await imp.when.checked();
    expect(await imp.then.reportCounts()).toEqual({ total: 3, good: 3, errors: 0 });
    await imp.when.goodOnesImported();
    expect((await imp.then.tableIds('community')).sort()).toEqual([...SHP_IDS].sort());
    await driver.screenshot('import-4-replaced-1366');
  });

  it('points copied from a Chinese web map: the shift is measured, GCJ-02 offered and chosen', async () => {
    // 20 demo facilities as 高德 would show them (WGS84 → GCJ-02), in a file that does not say so
    const rows = [
      '名称,类型,床位,lng,lat',
      ...demo.facilities.features
        .slice(0, 20)
        .map((f, i) => [`网图点${i}`, '养老院', '10', ...wgs84ToGcj02(f.geometry.coordinates[0], f.geometry.coordinates[1]).map((v) => v.toFixed(7))].join(',')),
    ];
    await imp.when.filePicked('拾取的点.csv', new TextEncoder().encode(rows.join('\n')));
    await imp.when.nextClicked();
    expect(await imp.then.shiftBest()).toBe('gcj02');
    await driver.screenshot('import-5-shift-hint-1366');
    await imp.when.shiftAccepted();
    expect(await imp.then.coordsChosen()).toBe('gcj02');
    await imp.when.cancelled();
  });

  it('an OpenStreetMap extract dropped on the map: its roads layer imported, with the ODbL credit on the map', async () => {
    const credits = async () => ((await driver.page.$('[data-testid=data-credits]')) ? await driver.then.text('[data-testid=data-credits]') : '');
    expect(await credits()).not.toContain('OpenStreetMap'); // the demo's roads are simulated
    await imp.when.fixtureDroppedOnMap('tests/fixtures/osm/changan-small.osm');
    expect(await imp.then.layerNames()).toEqual(['changan-small roads', 'changan-small facilities']);
    expect(await imp.then.kind()).toBe('roads');
    await imp.when.toMapping();
    await imp.when.checked();
    expect((await imp.then.reportCounts()).good).toBeGreaterThan(0);
    await imp.when.goodOnesImported();
    expect(await credits()).toContain('OpenStreetMap');
    // and on paper: the print sheet's data sources carry the ODbL credit too
    await new PresentSteps(driver).when.printPrepared('a4');
    expect(await driver.page.$eval('[data-testid=print-credits]', (e) => e.textContent ?? '')).toContain('ODbL');
  });

  it('Escape closes the wizard without importing', async () => {
    const before = await imp.then.tableIds('facility');
    const rows = [
      ['机构编号', '机构名称', '设施类型', '床位数（张）', '经度', '纬度'],
      ['ESC1', '按Esc不导入养老院', '养老院', '30', ...at(4)],
    ];
    await imp.when.filePicked('不导入.csv', new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n')));
    await driver.page.keyboard.press('Escape');
    await driver.page.waitForSelector('[data-testid=import-wizard]', { state: 'detached' });
    // the file's facility is nowhere and the table is as it was
    expect(await imp.then.tableIds('facility', 'ESC1')).toEqual([]);
    expect(await imp.then.tableIds('facility')).toEqual(before);
  });

  it('a file that cannot be read says why and changes nothing', async () => {
    const whole = readFileSync(SHP);
    await imp.when.fileDroppedOnMap('损坏.zip', new Uint8Array(whole.subarray(0, whole.length >> 1)));
    expect(await imp.then.wizardStep()).toBe('failed');
    expect(await imp.then.errorText()).toContain('损坏.zip');
    await imp.when.cancelled();
    expect((await imp.then.tableIds('community')).sort()).toEqual([...SHP_IDS].sort());
  });

  it('exports: CSV with a BOM and Chinese headers, XLSX, gaps GeoJSON, and a print-resolution PNG', async () => {
    const csv = await imp.when.exported('export-csv-community');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.subarray(3).toString('utf8');
    // the header block: the profile shown in the top bar, then the parameters
    const firstLine = text.split('\r\n')[0];
    expect(firstLine.startsWith('规则集,combined')).toBe(true);
    expect(firstLine).toContain(await driver.page.$eval('[data-testid=profile]', (el) => (el as HTMLSelectElement).selectedOptions[0].textContent ?? ''));
    expect(text).toMatch(/参数：/);
    expect(text).toContain('编号');
    expect(text).toContain('结论');
    for (const id of SHP_IDS) expect(text).toContain(id);
    expect(csv.name).toMatch(/\.csv$/);

    const xlsx = await imp.when.exported('export-xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    const gaps = await imp.when.exported('export-gaps');
    const fc = JSON.parse(gaps.bytes.toString('utf8')) as { type: string; features: { properties: { gap: string } }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.some((f) => f.properties.gap === 'service_area')).toBe(true);

    await imp.when.panelShown();
    await driver.screenshot('import-6-panel-1366');
    const css = await imp.then.mapCssSize();
    const png = await imp.when.exported('export-png');
    writeFileSync('tests/output/e2e/import-map-export.png', png.bytes);
    const size = pngSize(png.bytes);
    // 3× the map's CSS width, capped at 4096 px
    expect(Math.abs(size.width - Math.min(3 * css.width, 4096))).toBeLessThanOrEqual(1);
    const ratio = size.width / css.width;
    expect(size.height).toBeGreaterThan(css.height * ratio); // title band and legend around the map
    expect(driver.pageErrors).toEqual([]);
    expect(driver.cspViolations).toEqual([]);
  });

  // How long this takes and how long the page's thread is held meanwhile is measured in
  // `npm run bench -- import` (against the same import of 5 000 points), not asserted here.
  it('50 000 points import: all of them, drawn as clusters that open on a click', async () => {
    const n = 50_000;
    const lines = ['编号,名称,类型,床位,经度,纬度'];
    for (let i = 0; i < n; i++)
      lines.push(`B${i},测试点${i},日间照料中心,${10 + (i % 40)},${(LON + ((i % 250) - 125) * 0.0004).toFixed(6)},${(LAT + (Math.floor(i / 250) - 100) * 0.0004).toFixed(6)}`);
    mkdirSync('tests/output/e2e', { recursive: true });
    const path = 'tests/output/e2e/五万点.csv';
    writeFileSync(path, lines.join('\n'));
    await imp.when.filePathPicked(path);
    await imp.when.toMapping();
    await imp.when.checked();
    expect(await imp.then.reportCounts()).toEqual({ total: n, good: n, errors: 0 });
    await imp.when.goodOnesImported();
    expect(await imp.then.tableIds('facility', 'B0')).toEqual(['B0']);
    expect(driver.pageErrors).toEqual([]);
    expect(await imp.then.tableIds('facility', 'B49999')).toEqual(['B49999']);
    // 50 000 markers are drawn as counted clusters below street zoom; a click on one zooms in to where it splits
    expect(await driver.page.locator('[data-testid=legend-clusters]').count()).toBe(1);
    const map = '[data-testid=map]';
    await driver.mapProbed();
    await driver.page.waitForSelector(`${map}[data-idle=true][data-first-cluster]`, { timeout: 30_000 });
    const before = Number(await driver.page.getAttribute(map, 'data-zoom'));
    const [x, y] = ((await driver.page.getAttribute(map, 'data-first-cluster')) ?? '').split(',').map(Number);
    await driver.page.mouse.click((await driver.page.locator(map).boundingBox())!.x + x, (await driver.page.locator(map).boundingBox())!.y + y);
    await driver.page.waitForFunction(
      (z) =>
        Number(document.querySelector('[data-testid=map]')?.getAttribute('data-zoom')) > z + 0.5 &&
        document.querySelector('[data-testid=map]')?.getAttribute('data-idle') === 'true',
      before,
      { timeout: 30_000 },
    );
  });
});

describe('the wizard at 1920×1080', () => {
  const driver = new AppDriver(inject('appUrl'));
  const imp = new ImportSteps(driver);
  beforeAll(async () => {
    await driver.start({ width: 1920, height: 1080 });
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('reads well on a projector: mapping and report', async () => {
    await imp.when.filePicked('新增设施.csv', facilitiesCsv());
    await imp.when.toMapping();
    await driver.screenshot('import-2-mapping-1920');
    await imp.when.checked();
    expect((await imp.then.reportCounts()).errors).toBe(2);
    await driver.screenshot('import-3-report-1920');
    await imp.when.cancelled();
    expect(await imp.then.tableIds('facility', 'X1')).toEqual([]);
    // and in English
    await driver.when.languageSwitched('en');
    await imp.when.filePicked('new-facilities.csv', facilitiesCsv());
    await imp.when.toMapping();
    expect(await driver.then.text('[data-testid=import-check]')).toBe('Check the data');
    await imp.when.checked();
    expect(await driver.then.text('[data-testid=import-accept]')).toBe('Import the 2 good ones');
    expect((await imp.then.reportRows()).find((r) => r.number === 3)?.text).toContain('row 3');
    await driver.screenshot('import-3-report-en-1920');
    await imp.when.cancelled();
    await imp.when.panelShown();
    await driver.screenshot('import-6-panel-en-1920');
    expect(driver.pageErrors).toEqual([]);
  });
});
