// The demo app in a real Chromium, from the built files, offline.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';
import { unitKey } from '../../src/core/model';
import { arraySource } from '../../src/core/report/result-columns';
import { outsideSet, verdictsByUnit } from '../../src/core/report/verdicts';
import { createAnalysisSession } from '../../src/service/session';

const demoCommunities = (JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as { communities: { features: { properties: { id: string } }[] } }).communities.features.map(
  (f) => f.properties.id,
);

// Known facts of the demo area, planted by its generator and listed in data/demo/gaps.json:
// G1: new estate 610116001006 has ≈3 childcare places per 1000 (10 required: wy.places.new / ak.new.places)
const FAILING_COMMUNITY = '610116001006';
// G11: the whole area has 4.65 places per 1000 — passes 万源 (wy.city.places, 4.5), fails 长安 (ca.city.places, 4.8)

describe('the demo app in Chromium', () => {
  const driver = new AppDriver(inject('appUrl'));
  beforeAll(async () => {
    await driver.start();
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('loads the demo and the map reaches idle with Chinese labels', async () => {
    expect(await driver.then.text('h1')).toBe('一老一小设施规划');
    expect(await driver.then.cjkLabelsOnceLoaded()).toBeGreaterThan(0);
    await driver.screenshot('1-loaded-zh');
    expect(driver.pageErrors).toEqual([]);
    expect(driver.cspViolations).toEqual([]);
  });

  it('clicking a known failing community on the map shows its verdicts and citation', async () => {
    // given the map zoomed to it (table row), with the panel closed again
    await driver.when.rowClicked('community', FAILING_COMMUNITY);
    await driver.when.detailClosed();
    // when the planner clicks it on the map
    await driver.when.mapCentreClicked();
    // then the panel lists its rules; the places rule fails with the document's own words
    const items = await driver.then.detailShows('community', FAILING_COMMUNITY);
    const places = items.find((i) => ['wy.places.new', 'ak.new.places'].includes(i.rule) && i.view === 'onsite');
    expect(places?.status).toBe('fail');
    expect(places?.text).toContain('不少于10个托位');
    expect(places?.text).toMatch(/条款/);
    await driver.screenshot('2-failing-community');
  });

  it('given a failing community, the legend is on the map, the chosen rule comes first and the community’s own figures are in the panel and on hover', async () => {
    // the legend sits on the map, in view, and names what the colours mean
    expect(await driver.then.inView('[data-testid=map-legend]')).toBe(true);
    expect(await driver.then.text('[data-testid=map-legend]')).toContain('不达标');
    // when the map is coloured by the places rule, the panel lists that rule first
    await driver.when.ruleChosen('ak.new.places');
    await driver.when.rowClicked('community', FAILING_COMMUNITY);
    const items = await driver.then.detailShows('community', FAILING_COMMUNITY);
    expect(items[0].rule).toBe('ak.new.places');
    expect(await driver.then.text('[data-testid=map-legend]')).toContain('新建小区托位');
    // its own figures, as data/demo/project.json has them: 13 685 residents, 5 222 households,
    // 2 209 aged 60+, 446 aged 0–3, a new estate built in 2013
    const own = { population: '13,685 人', households: '5,222 户', elderly: '2,209 人', infants: '446 人', type: '新建居住区', builtYear: '2013 年' };
    expect(await driver.then.communityFigures('[data-testid=detail]')).toEqual(own);
    await driver.screenshot('2c-chosen-rule-first');
    // and on hover over the map (the row click centred it)
    await driver.when.detailClosed();
    await driver.when.mapCentreHovered();
    expect(await driver.then.communityFigures('[data-testid=hover-card]')).toEqual(own);
    await driver.screenshot('2d-hover-card');
    await driver.page.click('[data-testid=summary] tbody tr:first-child button'); // back to the overall colours
  });

  it('the results table draws only the rows in view, and scrolling it reaches every community', async () => {
    const ids = await driver.then.tableRowIds('community');
    expect(Number(await driver.then.attribute('[data-testid=table-count]', 'data-n'))).toBe(demoCommunities.length);
    // every community of the file, once (the table read by scrolling its pane through)
    expect([...ids].sort()).toEqual([...demoCommunities].sort());
    // at the bottom now: a window of rows is drawn, the rows above stand in as one empty row of their height
    const drawn = await driver.page.$$eval('[data-testid=results-table] tbody tr[data-id]', (trs) => trs.length);
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(100);
    const table = () =>
      driver.page.$eval('[data-testid=results-table]', (t) => ({
        gap: (t.querySelector('tbody tr.gap') as HTMLElement | null)?.getBoundingClientRect().height ?? 0,
        rows: [...t.querySelectorAll('tbody tr[data-id]')].map((r) => r.getBoundingClientRect().height),
        first: Number(t.getAttribute('data-first')),
        // what a screen reader is told: the rows there are, each drawn row's place, no spacer rows
        rowCount: t.getAttribute('aria-rowcount'),
        rowIndex: [...t.querySelectorAll('tbody tr[data-id]')].map((r) => Number(r.getAttribute('aria-rowindex'))),
        gapsHidden: [...t.querySelectorAll('tbody tr.gap')].every((r) => r.getAttribute('aria-hidden') === 'true'),
        columns: [...t.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect().width),
      }));
    const bottom = await table();
    const { gap, rows, first } = bottom;
    expect(first).toBe(demoCommunities.length - drawn);
    // every row one line of one height, which the empty row stands in for
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThan(0.1);
    expect(gap).toBeCloseTo(first * rows[0], 0);
    expect(bottom.rowCount).toBe(String(demoCommunities.length + 1)); // the header is row 1
    expect(bottom.rowIndex).toEqual(rows.map((_, k) => first + k + 2));
    expect(bottom.gapsHidden).toBe(true);
    await driver.page.$eval('[data-testid=results-table]', (t) => t.parentElement?.scrollTo(0, 0));
    await driver.page.waitForSelector('[data-testid=results-table][data-first="0"]');
    // the columns keep their widths whichever rows are drawn (fixed layout, not the drawn rows' text)
    expect((await table()).columns).toEqual(bottom.columns);
  });

  it('the keyboard walks the rows with ↑/↓ and keeps its row when the pane scrolls away; a unit chosen in the search box is scrolled into the table', async () => {
    const ids = await driver.then.tableRowIds('community'); // in the table's order
    const pane = '[data-testid=results-table]';
    await driver.page.$eval(pane, (t) => t.parentElement?.scrollTo(0, 0));
    await driver.page.waitForSelector(`${pane}[data-first="0"]`);
    await driver.page.$eval(`${pane} tbody tr[data-id]`, (tr) => (tr as HTMLElement).focus());
    for (let k = 0; k < 60; k++) await driver.page.keyboard.press('ArrowDown');
    const focused = () =>
      driver.page.evaluate(() => {
        const tr = document.activeElement?.closest('tr[data-id]');
        return tr ? { id: tr.getAttribute('data-id'), index: Number(tr.getAttribute('aria-rowindex')) } : null;
      });
    expect(await focused()).toEqual({ id: ids[60], index: 62 }); // the header is row 1
    // scrolled to the bottom, far past the window the focused row was drawn in: it keeps the focus
    await driver.page.$eval(pane, (t) => t.parentElement?.scrollTo(0, t.parentElement.scrollHeight));
    await driver.page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute('data-first')) > 100, pane);
    expect(await focused()).toEqual({ id: ids[60], index: 62 });
    await driver.page.keyboard.press('ArrowDown');
    expect(await focused()).toEqual({ id: ids[61], index: 63 });
    // a community chosen in the search box, far from the rows in view, is scrolled into the table
    const far = ids[Math.floor(ids.length * 0.3)];
    await driver.page.fill('[data-testid=search-input]', far);
    await driver.page.waitForSelector(`[data-testid=search-results] [role=option][data-id="${far}"]`);
    await driver.page.click(`[data-testid=search-results] [role=option][data-id="${far}"]`);
    await driver.page.waitForSelector(`[data-testid=detail][data-level=community][data-id="${far}"]`);
    const shown = await driver.page.waitForFunction(
      ({ sel, id }) => {
        const row = document.querySelector(`${sel} tbody tr[data-id="${id}"]`);
        const scroller = document.querySelector(sel)?.parentElement;
        const head = document.querySelector(`${sel} thead`);
        if (!row || !scroller || !head) return false;
        const r = row.getBoundingClientRect();
        const p = scroller.getBoundingClientRect();
        return r.top >= head.getBoundingClientRect().bottom - 0.5 && r.bottom <= p.bottom + 0.5 && row.classList.contains('chosen');
      },
      { sel: pane, id: far },
      { timeout: 5_000 },
    );
    expect(await shown.jsonValue()).toBe(true);
    await driver.when.detailClosed();
  });

  it('communities outside the 15-minute elderly circle are highlighted, and the switch hides them', async () => {
    // G5: 610116010008 lies outside every 810 m elderly-care circle (no day-care centre in its street)
    await driver.when.rowClicked('community', '610116010008');
    expect(await driver.then.outsideCommunitiesOnMap()).toBeGreaterThan(0);
    await driver.screenshot('2b-outside-circle');
    await driver.when.layerToggled('outside');
    expect(await driver.then.outsideCommunitiesOnMap()).toBe(0);
    await driver.when.layerToggled('outside');
  });

  it('switching the profile changes a known verdict', async () => {
    await driver.when.profileSwitched('wy');
    await driver.when.rowClicked('area', 'area');
    const wy = await driver.then.detailShows('area', 'area');
    expect(wy.find((i) => i.rule === 'wy.city.places')?.status).toBe('pass');
    await driver.screenshot('3-profile-wy');
    await driver.when.profileSwitched('ca');
    const ca = await driver.then.detailShows('area', 'area');
    expect(ca.find((i) => i.rule === 'ca.city.places')?.status).toBe('fail');
    expect(ca.some((i) => i.rule.startsWith('wy.'))).toBe(false);
    await driver.screenshot('4-profile-ca');
  });

  it('a profile change sets the state of exactly the communities whose verdict changed, and the map holds each one’s new verdict', async () => {
    // the verdicts worked out apart, in Node (the worker's session over the same file), each
    // community as a letter in the file's order: f fail, p pass, n na, x none; upper case when outside
    const session = createAnalysisSession();
    const loaded = session.load(readFileSync('data/demo/project.json', 'utf8'), 'project.json');
    if (!loaded.ok) throw new Error('the demo did not load');
    const letters = (profile: string): string => {
      const a = session.analyse({ profile, params: loaded.project.params });
      const v = verdictsByUnit(arraySource(a.evaluation.results), null, ['community']);
      const out = outsideSet(a.evaluation.coverage, ['elderly', 'childcare']);
      return demoCommunities
        .map((id) => {
          const l = ({ fail: 'f', pass: 'p', na: 'n' } as Record<string, string>)[v.get(unitKey('community', id)) ?? ''] ?? 'x';
          return out.has(id) ? l.toUpperCase() : l;
        })
        .join('');
    };
    const held = async () => {
      await driver.mapProbed();
      return (await driver.then.attribute('[data-testid=map]', 'data-community-states')) ?? '';
    };
    const [wy, ca] = [letters('wy'), letters('ca')];
    const changed = [...wy].filter((l, k) => l !== ca[k]).length;
    expect(changed).toBeGreaterThan(10); // the two documents judge many communities differently
    await driver.when.profileSwitched('wy');
    expect(await held()).toBe(wy);
    await driver.when.profileSwitched('ca');
    expect(await held()).toBe(ca);
    // no community kept its old colour (above), and none whose verdict stayed was set again
    expect(Number(await driver.then.attribute('[data-testid=map]', 'data-states-set'))).toBe(changed);
  });

  it('walks along the street network by default (the demo has roads); straight lines on request, and back', async () => {
    // given the demo as opened: reach 'auto' with roads loaded
    expect(await driver.then.attribute('[data-testid=analysis-time]', 'data-reach')).toBe('network');
    expect(await driver.then.text('[data-testid=analysis-time]')).toContain('沿路网步行');
    await driver.screenshot('4b-network');
    await driver.when.reachSwitched('straight');
    expect(await driver.then.text('[data-testid=analysis-time]')).toContain('直线距离');
    await driver.when.reachSwitched('auto', 'network');
    expect(await driver.then.text('[data-testid=analysis-time]')).toContain('沿路网步行');
  });

  it('switching to English changes the UI text', async () => {
    await driver.when.languageSwitched('en');
    expect(await driver.then.text('h1')).toBe('Elderly care & childcare facility planning');
    expect(await driver.then.text('[role=tab][data-level=community]')).toBe('Communities');
    await driver.screenshot('5-english');
    await driver.when.languageSwitched('zh');
    expect(await driver.then.text('h1')).toBe('一老一小设施规划');
  });

  it('takes a .pmtiles base map by URL and remembers the choice', async () => {
    // the demo archive under its served address stands in for a user's own archive
    const archive = driver.requests.find((u) => /basemap-[^/]*\.pmtiles$/.test(u));
    expect(archive).toBeDefined();
    await driver.when.basemapChosen('pmtiles-url', archive);
    expect(await driver.then.errorBanner()).toBeNull();
    expect(await driver.then.cjkLabelsOnMap()).toBeGreaterThan(0);
    await driver.when.reloaded();
    expect(await driver.then.basemapKind()).toBe('pmtiles-url');
    expect(await driver.then.cjkLabelsOnMap()).toBeGreaterThan(0);
    // a file from disk (kept in IndexedDB): the committed demo archive as the user's file
    await driver.when.basemapFilePicked('data/demo/basemap.pmtiles');
    expect(await driver.then.errorBanner()).toBeNull();
    expect(await driver.then.cjkLabelsOnMap()).toBeGreaterThan(0);
    await driver.when.reloaded();
    expect(await driver.then.basemapKind()).toBe('pmtiles-file');
    expect(await driver.then.cjkLabelsOnMap()).toBeGreaterThan(0);
    await driver.when.basemapChosen('none');
    expect(await driver.then.cjkLabelsOnMap()).toBe(0); // no base map: no place labels at all
    await driver.screenshot('7-no-basemap');
    await driver.when.basemapChosen('demo');
    expect(await driver.then.cjkLabelsOnMap()).toBeGreaterThan(0);
  });

  it('made no request outside localhost', () => {
    expect(driver.requests.length).toBeGreaterThan(3); // the check saw the traffic: page, scripts, data, tiles
    expect(driver.then.requestsLeavingLocalhost()).toEqual([]);
  });
});

describe('on a projector (1920×1080)', () => {
  const driver = new AppDriver(inject('appUrl'));
  beforeAll(() => driver.start({ width: 1920, height: 1080 }));
  afterAll(() => driver.stop());

  it('shows map, summary and table without errors', async () => {
    await driver.given.appOpened();
    expect(await driver.then.cjkLabelsOnMap()).toBeGreaterThan(0);
    await driver.screenshot('6-projector-1920');
    expect(driver.pageErrors).toEqual([]);
  });
});
