// Officials read what the app says: a project file in metres and the workspace's sign-in tell them
// what to do in the app's own words, never an npm command or a command-line flag.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';

const DEVELOPER = /npm |--|src\/|\.ts\b|docs\/|VITE_/;

describe('messages in plain words', () => {
  const driver = new AppDriver(inject('appUrl'));
  beforeAll(async () => {
    await driver.start();
    await driver.given.appOpened();
  });
  afterAll(() => driver.stop());

  it('given a project whose facility is in projected metres, when it is opened, then the banner says to convert it with the import’s coordinate step', async () => {
    // data/sample/project.json with facility F2 moved to CGCS2000 zone metres (x 500 000, y 3 780 000)
    const project = JSON.parse(readFileSync('data/sample/project.json', 'utf8')) as { facilities: { features: { geometry: { coordinates: number[] } }[] } };
    project.facilities.features[1].geometry.coordinates = [500000, 3780000];
    mkdirSync('tests/output', { recursive: true });
    writeFileSync('tests/output/projected-project.json', JSON.stringify(project));
    await driver.when.projectFilePicked('tests/output/projected-project.json');
    const banner = (await driver.then.errorBanner()) ?? '';
    expect(banner).toContain('projected-project.json');
    expect(banner).toContain('500000');
    expect(banner).toContain('导入数据');
    expect(banner).toContain('坐标');
    expect(banner).not.toMatch(DEVELOPER);
  });

  it('given the workspace panel opened from a plain copy of the app, then its note says to use the administrator’s address, with no npm command', async () => {
    await driver.page.click('[data-testid=ws-open]');
    const note = await driver.page.waitForSelector('.ws-login .note >> nth=-1');
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('管理员');
    expect(text).not.toMatch(DEVELOPER);
    await driver.when.languageSwitched('en');
    const en = (await driver.page.textContent('.ws-login .note >> nth=-1')) ?? '';
    expect(en).toContain('administrator');
    expect(en).not.toMatch(DEVELOPER);
  });
});
