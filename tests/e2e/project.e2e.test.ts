// A planner opens their own project file instead of the demo; a broken one is explained.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';

// the sample names its fields in Chinese, as planners' files do (编号 = id)
const sample = JSON.parse(readFileSync('data/sample/project.json', 'utf8')) as { communities: { features: { properties: Record<string, string> }[] } };

describe('opening a project file', () => {
  const driver = new AppDriver(inject('appUrl'));
  beforeAll(async () => {
    await driver.start();
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('shows the file’s communities, without the demo’s real-vs-simulated note', async () => {
    await driver.when.projectFilePicked('data/sample/project.json');
    expect(await driver.then.phase()).toBe('ready');
    const ids = sample.communities.features.map((f) => f.properties.编号).sort();
    expect((await driver.then.tableRowIds('community')).sort()).toEqual(ids);
    expect(await driver.page.$('[data-testid=info-note]')).toBeNull();
    expect(await driver.page.$('[data-testid=map-badge]')).toBeNull();
    await driver.screenshot('9-own-project');
  });

  it('a broken file: the banner names the file, the feature and the field; the open project stays', async () => {
    // tests/fixtures/app/broken-project.json = data/sample/project.json with facility #2 at latitude 134.2
    await driver.when.projectFilePicked('tests/fixtures/app/broken-project.json');
    const banner = await driver.then.errorBanner();
    expect(banner).toContain('broken-project.json');
    expect(banner).toContain('F3'); // facility #2 (the 3rd), id F3 in the file
    expect(banner).toContain('geometry');
    expect((await driver.then.tableRowIds('community')).length).toBe(sample.communities.features.length);
    await driver.screenshot('10-broken-project');
  });

  it('an outline that crosses itself is listed among the data issues once the verdicts are shown (the check runs after the first analysis)', async () => {
    // C1 as a figure-of-eight over [108.902, 108.906] × [34.152, 34.156]: its diagonals cross at the centre
    const crossed = JSON.parse(readFileSync('data/sample/project.json', 'utf8')) as { communities: { features: { geometry: unknown }[] } };
    crossed.communities.features[0].geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [108.902, 34.152],
          [108.906, 34.152],
          [108.902, 34.156],
          [108.906, 34.156],
          [108.902, 34.152],
        ],
      ],
    };
    mkdirSync('tests/output', { recursive: true });
    writeFileSync('tests/output/crossed-project.json', JSON.stringify(crossed));
    await driver.when.projectFilePicked('tests/output/crossed-project.json');
    expect(await driver.then.phase()).toBe('ready');
    await driver.page.waitForFunction(() => (document.querySelector('[data-testid=issues]')?.textContent ?? '').includes('自相交'));
    expect(await driver.page.textContent('[data-testid=issues]')).toContain('C1：边界自相交（交点约在 108.904000,34.154000）');
  });
});
