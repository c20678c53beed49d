// The site check in the built app: draw a site on the demo map, enter the plan, read the verdicts
// and a clause's original words from the report page.
//
// Worked by hand: 1000 households × 2.53 (Shaanxi census, the default) = 2530 residents.
//  ca.households 20 m² per 100 households → 200 m² required; 200 planned passes exactly.
//  ak.new.places 10 per 1000 → 25.3 → 26 places; 25 planned fails, 1 short.
//  ca.community.min: elderly 200 < 300 → 100 short; childcare 200 = 200 passes.
//  ak.new.floor 0.1 m² per resident → 253 m²; 200 → 53 short.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './driver';
import { codesOnPaper } from './present-steps';
import { SiteSteps } from './site-steps';

const PLAN = { households: 1000, elderlyFloorArea: 200, elderlyLand: 253, childcarePlaces: 25, childcareFloorArea: 200, year: 2026 };

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  const size = `${viewport.width}x${viewport.height}`;
  describe(`site check at ${size}`, () => {
    const driver = new AppDriver(inject('appUrl'));
    const site = new SiteSteps(driver);
    beforeAll(async () => {
      await driver.start(viewport);
      await driver.given.appOpened();
    });
    afterAll(() => driver.stop());

    it('draws a site, enters the plan, and reads verdicts and the clause words from the report', async () => {
      await site.given.siteCheckOpened();
      await site.when.zoomedIn(4);
      await site.when.squareDrawn();
      expect(await site.then.outlineCorners()).toBe(4);
      await site.when.figuresEntered(PLAN);
      await site.when.profileChosen('all');
      await site.when.checked();
      expect(await site.then.error()).toBeNull();
      // the answer first, without scrolling: ak.new.places, ak.new.floor and ca.community.min:elderly fail (worked above)
      const head = await site.then.headlineInView();
      expect(head.inView).toBe(true);
      expect(head.text).toMatch(/^结论：不达标/);
      await driver.screenshot(`site-panel-${size}`);
      await site.when.reportOpened();
      expect(await site.then.population()).toContain('2,530');
      const rows = await site.then.reportRows();
      const row = (profile: string, rule: string) => rows.find((r) => r.profile === profile && r.rule === rule);
      // each shortfall carries its unit (m² of floor area, childcare places); none is a bare 0
      expect(row('ca', 'ca.households')).toMatchObject({ status: 'pass', shortfall: '0' });
      expect(row('ak', 'ak.new.places')).toMatchObject({ status: 'fail', shortfall: '1 个托位' });
      expect(row('ak', 'ak.new.floor')).toMatchObject({ status: 'fail', shortfall: '53 平方米' });
      expect(row('ca', 'ca.community.min:elderly')).toMatchObject({ status: 'fail', shortfall: '100 平方米' });
      expect(row('ca', 'ca.community.min:childcare')).toMatchObject({ status: 'pass' });
      expect(new Set(rows.map((r) => r.profile))).toEqual(new Set(['ak', 'cf', 'wy', 'xn', 'ca', 'combined']));
      expect(await site.then.citation('ca', 'ca.households')).toBe('新建住宅小区按每百户不低于20平方米的标准配建养老服务用房');
      expect(await site.then.reachRows()).toBeGreaterThan(0);
      // side by side: places per 1000 — ak and wy both ask 10 per 1000 (26 places), the plan has 25
      const m = await site.then.matrix();
      expect(m.placesPer1000.ak).toBe('不达标 −1');
      expect(m.placesPer1000.wy).toBe('不达标 −1');
      expect(m.floorPer100hh.ca).toBe('达标');
      expect(m.minElderly.ca).toBe('不达标 −100');
      await driver.screenshot(`site-report-${size}`);
      await site.when.reportScrolledToVerdicts();
      await driver.screenshot(`site-report-verdicts-${size}`);
      // printed: A4 portrait (595 × 842 pt), the report alone, the clause's words in it
      const pdf = await site.then.pdf(`site-report-${size}`);
      expect(pdf.size[0]).toBeCloseTo(595.3, 0);
      expect(pdf.size[1]).toBeCloseTo(841.9, 0);
      // (table cells wrap, so pdftotext interleaves their lines: look for the first line of the words)
      const flat = pdf.text.replace(/\s+/g, '');
      expect(flat).toContain('新建住宅小区按每百户不低于20平方米的标准配建养老服');
      expect(flat).toContain('平均每个家庭户的人口为2.53人');
      expect(pdf.text).not.toContain('结果表'); // the app's results table is not printed with it
      expect(codesOnPaper(pdf.text)).toEqual([]); // rule names on paper, not their codes (ca.households)
      const xlsx = await site.when.exported('xlsx');
      expect(xlsx.name).toMatch(/\.xlsx$/);
      expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container, as every .xlsx
      const json = JSON.parse((await site.when.exported('json')).bytes.toString('utf8')) as {
        profiles: { profile: string; results: { rule: string; status: string; citation: { text: string } }[] }[];
      };
      const caJson = json.profiles.find((x) => x.profile === 'ca');
      expect(caJson?.results.find((x) => x.rule === 'ca.households')).toMatchObject({
        status: 'pass',
        citation: { text: '新建住宅小区按每百户不低于20平方米的标准配建养老服务用房' },
      });
      expect(driver.cspViolations).toEqual([]);
      expect(driver.pageErrors).toEqual([]);
      await site.when.reportClosed();
    });

    it('a Shapefile whose .prj names the wrong zone: the zone is named, choosing EPSG:4545 fixes it; a DXF lists its closed polylines', async () => {
      await site.when.fileOpened('tests/fixtures/site/site-a-wrongzone.zip');
      await site.when.profileChosen('ca');
      await site.when.checked();
      expect(await site.then.errorKey()).toBe('site.err.zone');
      expect(await site.then.error()).toContain('site-a-wrongzone.zip');
      await site.when.crsChosen('EPSG:4545');
      await site.when.checked();
      expect(await site.then.error()).toBeNull();
      await driver.screenshot(`site-file-${size}`);
      await site.when.fileOpened('tests/fixtures/site/site-a.dxf');
      const c = await site.then.candidates();
      expect(c).toHaveLength(2);
      expect(c[0]).toContain('用地红线'); // the largest first
      await driver.when.languageSwitched('en');
      expect(await site.then.panelTitle()).toBe('Site check (new residential project)');
      expect((await site.then.candidates())[0]).toMatch(/^用地红线 #1: [\d,]+ m²/);
    });
  });
}
