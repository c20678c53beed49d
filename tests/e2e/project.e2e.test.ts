// A planner opens their own project file instead of the demo; a broken one is explained.
import { readFileSync } from 'node:fs';
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
});
