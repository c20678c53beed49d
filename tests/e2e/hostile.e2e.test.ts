// Hostile files dropped on the map and picked through 导入数据…, in the built app in Chromium: each
// is answered (a message naming the file, or the wizard's next step) within the wait, the app
// stays up, no page error, and cancelling leaves the project as it was. The files are made by
// tests/corpus/cases.ts, as in the Node corpus test.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { corpus } from '../corpus/cases';
import { AppDriver } from './driver';
import { ImportSteps } from './import-steps';

const WANTED = [
  'bomb.xlsx',
  'shp-bomb.zip',
  'kmz-bomb.kmz',
  'lying.xlsx',
  'wide.xlsx',
  'billion-laughs.kml',
  'not-json.geojson',
  'deep-100k.geojson',
  'deep-collection.geojson',
  'c-population-1e400.geojson',
];
const CASES = corpus().filter((c) => WANTED.includes(c.name));

describe('hostile files in the browser', () => {
  const driver = new AppDriver(inject('appUrl'));
  const imp = new ImportSteps(driver);
  let before: string[] = [];
  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
    before = await imp.then.tableIds('facility');
  });
  afterAll(() => driver.stop());

  it('the corpus files chosen for the browser are all there', () => {
    expect(CASES.map((c) => c.name).sort()).toEqual([...WANTED].sort());
  });

  it.each(CASES.map((c, i) => [c.name, i % 2 === 0 ? 'dropped' : 'picked', c] as const))('%s (%s): answered, nothing changed', async (name, how, c) => {
    if (how === 'dropped') await imp.when.fileDroppedOnMap(name, c.bytes());
    else await imp.when.filePicked(name, c.bytes(), 'application/octet-stream');
    const step = await imp.then.wizardStep();
    if (step === 'failed') expect(await imp.then.errorText()).toContain(name);
    else expect(step).not.toBe('reading');
    await imp.when.cancelled();
    expect(await imp.then.tableIds('facility')).toEqual(before);
    expect(driver.pageErrors).toEqual([]);
  });
});
