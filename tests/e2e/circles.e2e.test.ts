// Circles and walk areas are drawn from vector tiles the analysis worker cuts from the areas it
// handed out (service/unit-tiles.ts), not from a GeoJSON copy the page gives MapLibre. On the demo:
// the network walk area of each group switched on is drawn, a group switched off is not, and with
// straight circles every facility of a group's kinds has its circle drawn (the facilities counted
// from an analysis session run here in Node on the same file). The page keeps its copy of the areas
// without their outlines (service-areas.ts ShownAreas); the gaps export takes them in the worker, as the session made them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAnalysisSession } from '../../src/service/session';
import { AppDriver } from './driver';
import { ImportSteps } from './import-steps';

describe('circles and walk areas drawn from the worker’s tiles', () => {
  const driver = new AppDriver(inject('appUrl'));
  const shown = async (): Promise<string> => {
    await driver.page.waitForSelector('[data-testid=map][data-areas=shown]', { timeout: 60_000 });
    await driver.mapIdle();
    await driver.mapProbed();
    return (await driver.page.getAttribute('[data-testid=map]', 'data-circles-shown')) ?? '';
  };
  const groupSwitched = async (group: string) => {
    await driver.page.click(`input[data-circle=${group}]`);
    await driver.mapIdle();
  };

  beforeAll(async () => {
    await driver.start();
    await driver.given.appOpened();
    await driver.when.basemapChosen('none');
  });
  afterAll(() => driver.stop());

  it('draws the walk area of each group switched on, and not of one switched off', async () => {
    expect(await driver.page.getAttribute('[data-testid=map]', 'data-units')).toBe('tiles');
    for (const group of ['elderly', 'childcare']) if (!(await driver.page.isChecked(`input[data-circle=${group}]`))) await groupSwitched(group);
    expect(await shown()).toBe('childcare:1 elderly:1'); // one merged walk area per group
    await groupSwitched('childcare');
    expect(await shown()).toBe('elderly:1');
    await groupSwitched('childcare');
    expect(await shown()).toBe('childcare:1 elderly:1');
    expect(driver.pageErrors).toEqual([]);
  });

  /** the service areas of the gaps export, as the page made it */
  const exportedAreas = async () => {
    const gaps = await new ImportSteps(driver).when.exported('export-gaps');
    const fc = JSON.parse(gaps.bytes.toString('utf8')) as { features: { geometry: unknown; properties: { gap: string; circle: string; facility: string | null } }[] };
    return fc.features.filter((f) => f.properties.gap === 'service_area').map((f) => ({ geometry: f.geometry, circle: f.properties.circle, facility: f.properties.facility }));
  };
  const session = createAnalysisSession();
  const loaded = session.load(readFileSync('data/demo/project.json', 'utf8'), 'project.json');
  if (!loaded.ok) throw new Error('the demo did not load');

  it('exports the walk areas exactly as the worker made them', async () => {
    const want = session.walkAreas({ profile: loaded.project.profile, params: loaded.project.params });
    expect(want.features.length).toBe(2);
    expect(await exportedAreas()).toEqual(want.features.map((f) => ({ geometry: f.geometry, circle: f.properties.circle, facility: null })));
  });

  it('draws every facility’s straight circle', async () => {
    const circles = session.analyse({ profile: loaded.project.profile, params: { ...loaded.project.params, reach: 'straight' } }).serviceAreas;
    const count = (group: string) => new Set(circles?.features.filter((f) => f.properties.circle === group).map((f) => f.properties.facility)).size;
    expect(count('elderly')).toBeGreaterThan(1);
    await driver.when.reachSwitched('straight');
    expect(await shown()).toBe(`childcare:${count('childcare')} elderly:${count('elderly')}`);
    expect(driver.pageErrors).toEqual([]);
  });
});
