// A facility dragged across a generated city (scripts/bench-city at a size the test can afford:
// 1 500 communities with 50–2 000-vertex outlines, 1 000 facilities, a 20 000-node street network),
// in the built app in Chromium. While the mouse moves the page must keep drawing frames and paint
// new verdicts before the drop (the worker answers each position with the units it changes, not
// after mouseup with a full analysis), and the moved facility's circle must follow; after the drop
// the map's colours must equal those a full analysis gives: a reload restores the scenario from
// the browser's storage and analyses it from scratch (no delta), and the colours are compared.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { benchCityFile } from '../../scripts/bench-city/generate';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { evaluate } from '../../src/core/evaluate';
import type { Facility } from '../../src/core/model';
import { outsideSet } from '../../src/core/report/verdicts';
import { parseProject } from '../../src/schemas';
import { AppDriver, mapCentre } from './driver';
import { editSteps } from './edit-steps';

const CITY = { communities: 1_500, facilities: 1_000, roadNodes: 20_000 };
/** mouse positions on the way (each one input event), and pixels between them */
const STEPS = 24;
const STEP_PX = 8;

interface DragLog {
  frames: number[];
  /** frames the dragged handle and its circle were drawn in (the SVG over the map), at the press and at the release */
  handleFrames: [number, number];
  /** the map canvas's device pixels per CSS pixel at each frame */
  ratios: number[];
  /** [time, serial] each time the map painted another analysis's verdicts */
  painted: [number, number][];
  down: number;
  up: number;
}

/** Where the drag drops a facility: the mouse goes STEPS × STEP_PX left and half as far down from
 *  the map's centre, where a row click put the facility at zoom 16 (MapLibre's 512-pixel tiles). */
function dropped([lon, lat]: [number, number]): [number, number] {
  const size = 512 * 2 ** 16;
  const x = ((lon + 180) / 360) * size - STEPS * STEP_PX;
  const y = ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * size + (STEPS * STEP_PX) / 2;
  return [(x / size) * 360 - 180, (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - (2 * y) / size))) - 90];
}

/** A facility with a circle of its own whose drop changes which communities lie outside every
 *  circle (part of each community's colour): else the final "colours equal a full analysis" would
 *  hold with stale colours too. Picked with the rule engine in Node; the test's verdict is the
 *  browser's own full analysis after a reload. */
function facilityTheDragChanges(path: string): Facility | undefined {
  const p = parseProject(readFileSync(path, 'utf8'), 'city.json');
  if (!p.ok) throw new Error('the generated city does not open');
  const opts = { profile: 'combined', params: { reach: 'straight' as const } };
  const groups = ['elderly', 'childcare'];
  const outside = (facilities: Facility[]) => [...outsideSet(evaluate({ ...p.project, facilities }, opts).coverage, groups)].sort().join();
  const before = outside(p.project.facilities);
  const circled = p.project.facilities.filter((f) => f.geometry.type === 'Point' && DEFAULT_PARAMS.elderlyCircleKinds.includes(f.kind as never));
  return circled.slice(0, 40).find((f) => {
    const at = dropped(f.geometry.coordinates as [number, number]);
    const movedOne = { ...f, geometry: { type: 'Point' as const, coordinates: at } };
    return outside(p.project.facilities.map((x) => (x === f ? movedOne : x))) !== before;
  });
}

/** The map canvas's device pixels per CSS pixel at every animation frame while `what` runs, and
 *  once the map is idle after it (the analysis and, along streets, the walk areas drawn). */
async function ratiosWhile(driver: AppDriver, what: () => Promise<unknown>): Promise<{ during: number[]; idle: number }> {
  const page = driver.page;
  await page.evaluate(() => {
    const w = window as unknown as { ratios: number[] | null };
    const canvas = document.querySelector('[data-testid=map] canvas') as HTMLCanvasElement;
    w.ratios = [];
    const tick = () => {
      if (!w.ratios) return;
      w.ratios.push(canvas.width / canvas.clientWidth);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await what();
  await page.waitForSelector('[data-testid=map][data-areas=shown][data-idle=true]', { timeout: 120_000 });
  const during = await page.evaluate(() => {
    const w = window as unknown as { ratios: number[] | null };
    const r = w.ratios ?? [];
    w.ratios = null;
    return r;
  });
  return { during, idle: await page.$eval('[data-testid=map] canvas', (c) => (c as HTMLCanvasElement).width / c.clientWidth) };
}

describe('dragging a facility on a generated city', () => {
  const driver = new AppDriver(inject('appUrl'));
  const edit = editSteps(driver);
  const city = benchCityFile(CITY);
  const moved = facilityTheDragChanges(city.path);
  let opening: { during: number[]; idle: number } = { during: [], idle: 0 };

  beforeAll(async () => {
    await driver.start({ width: 1366, height: 768 });
    await driver.given.appOpened();
    opening = await ratiosWhile(driver, () => driver.when.projectFilePicked(city.path));
    // straight circles: one per facility, so the dragged one can be seen to follow
    await driver.when.reachSwitched('straight');
  }, 300_000);
  afterAll(() => driver.stop());

  it('the opening is drawn at half the pixel ratio in software WebGL, and sharp once drawn', () => {
    // SwiftShader says its name: the opening's frames (outlines, facilities, verdicts, walk areas)
    // are drawn light from the first, and the map is back to the screen's ratio when idle after them
    expect(opening.during.length).toBeGreaterThan(0);
    expect(Math.min(...opening.during)).toBeCloseTo(0.5, 1);
    expect(opening.idle).toBeCloseTo(1, 2);
  });

  it('frames and verdicts are drawn during the drag; after the drop the colours equal a full analysis', async () => {
    expect(moved).toBeDefined();
    const id = moved?.id ?? '';
    await edit.when.scenarioCreated('拖动方案');
    await driver.when.rowClicked('facility', id);
    await driver.settled();
    const page = driver.page;
    const serialBefore = Number(await page.getAttribute('[data-testid=map]', 'data-verdicts-serial'));
    // frames of drags and edits timed slow so far: none, though the opening was drawn light
    const slowBefore = (await page.getAttribute('[data-testid=map]', 'data-slow-frames')) ?? undefined;
    const digestBefore = await driver.verdictsDigest();
    // whole collections and diffs sent to the map's GeoJSON sources so far ("whole diff")
    const sends = async () => ((await page.getAttribute('[data-testid=map]', 'data-sends')) ?? '0 0').split(' ').map(Number);
    const [wholeBefore, diffsBefore] = await sends();
    // asked no more: the drag's paints must not hash (checked after the drop)
    await page.$eval('[data-testid=map]', (m) => {
      m.removeAttribute('data-verdicts-probe');
      m.removeAttribute('data-verdicts');
    });
    await page.click('[data-testid=edit-move]');
    await page.waitForSelector('[data-testid=draw-hint][data-drawing=drag][data-ready=true]');
    // the row click centred the map on the facility
    const [cx, cy] = await mapCentre(page);
    await page.evaluate(() => {
      const w = window as unknown as { dragLog: DragLog };
      w.dragLog = { frames: [], handleFrames: [0, 0], ratios: [], painted: [], down: 0, up: 0 };
      const map = document.querySelector('[data-testid=map]') as HTMLElement;
      const canvas = map.querySelector('canvas') as HTMLCanvasElement;
      new MutationObserver(() => w.dragLog.painted.push([performance.now(), Number(map.dataset.verdictsSerial)])).observe(map, {
        attributes: true,
        attributeFilter: ['data-verdicts-serial'],
      });
      const tick = (t: number) => {
        w.dragLog.frames.push(t);
        w.dragLog.ratios.push(canvas.width / canvas.clientWidth);
        if (!w.dragLog.up) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const handleFrames = () => page.$eval('[data-testid=map] svg.drag-overlay', (e) => Number((e as SVGElement).dataset.frames ?? 0));
    await page.evaluate(() => {
      (window as unknown as { dragLog: DragLog }).dragLog.down = performance.now();
    });
    const handleFramesAtDown = await handleFrames();
    const serialsOnTheWay: number[] = [];
    for (let i = 1; i <= STEPS; i++) {
      // left and a little down: clear of the legend at the map's bottom right (a drop there did not
      // reach the map until 7 Dec; it does now, edit.e2e drops one there)
      await page.mouse.move(cx - i * STEP_PX, cy + i * (STEP_PX / 2));
      await page.waitForTimeout(40);
      serialsOnTheWay.push(Number(await page.getAttribute('[data-testid=map]', 'data-verdicts-serial')));
    }
    // the handle and the moved circle are drawn over the map where the mouse is, not by MapLibre
    // (at the next frame: two frames on, it has been drawn)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const handleAt = await page.$eval('[data-testid=map] svg.drag-overlay', (svg) => {
      const dot = svg.querySelector('circle');
      const box = svg.getBoundingClientRect();
      return { x: box.left + Number(dot?.getAttribute('cx')), y: box.top + Number(dot?.getAttribute('cy')), area: svg.querySelector('path')?.getAttribute('d') ?? '' };
    });
    const handleFramesAtUp = await handleFrames();
    const upAt = await page.evaluate(() => performance.now());
    await page.mouse.up();
    await page.evaluate((t) => {
      (window as unknown as { dragLog: DragLog }).dragLog.up = t;
    }, upAt);
    // the drop is the scenario's one edit
    await page.waitForSelector('[data-testid=scenario-bar][data-edits="1"]', { state: 'attached', timeout: 60_000 });
    await driver.settled();
    const log = await page.evaluate(() => (window as unknown as { dragLog: DragLog }).dragLog);
    const during = log.frames.filter((t) => t > log.down && t < log.up);
    const seconds = (log.up - log.down) / 1000;
    const paintedDuring = log.painted.filter(([t]) => t > log.down && t < log.up);
    console.log(
      `[drag-city] ${city.stats.communities} communities, ${city.stats.facilities} facilities: ${during.length} frames in ${seconds.toFixed(2)} s of drag (${(during.length / seconds).toFixed(1)} fps), ` +
        `${paintedDuring.length} verdict paints before the drop, longest gap between frames ${Math.max(...during.slice(1).map((t, i) => t - during[i])).toFixed(0)} ms`,
    );
    // frames were drawn while the mouse moved, not only after it let go, the handle and its circle
    // among them, following the mouse
    expect(during.length).toBeGreaterThanOrEqual(STEPS / 2);
    expect(handleFramesAtUp - handleFramesAtDown).toBeGreaterThanOrEqual(STEPS / 2);
    expect(Math.abs(handleAt.x - (cx - STEPS * STEP_PX))).toBeLessThan(2);
    expect(Math.abs(handleAt.y - (cy + (STEPS * STEP_PX) / 2))).toBeLessThan(2);
    expect(handleAt.area).toMatch(/^M[\d.-]+ [\d.-]+(L[\d.-]+ [\d.-]+){16,}Z/);
    // new verdicts were painted at intermediate steps (each a later analysis), before mouseup
    expect(paintedDuring.length).toBeGreaterThanOrEqual(2);
    expect(new Set(serialsOnTheWay.filter((n) => n > serialBefore)).size).toBeGreaterThanOrEqual(2);
    // software-rendered frames are slow (SwiftShader: ≈ 0.26 s each): the map drew the drag's new
    // verdicts at half its pixel ratio, and is back to the screen's once dropped
    const ratioDuring = Math.min(...log.ratios.filter((_, i) => log.frames[i] > log.down && log.frames[i] < log.up));
    expect(ratioDuring).toBeCloseTo(0.5, 1);
    // from its first frame: WebGL names SwiftShader, so no frame was timed to find the renderer slow
    // (frames are timed only on a renderer not known slow, and only while sharp)
    expect(slowBefore).toBeUndefined();
    expect(await page.getAttribute('[data-testid=map]', 'data-slow-frames')).toBeNull();
    expect(await page.$eval('[data-testid=map] canvas', (c) => (c as HTMLCanvasElement).width / c.clientWidth)).toBeCloseTo(1, 2);
    // the digest of the colours is worked out only when asked (a user's map never hashes them),
    // and when asked after the paint it is the digest of that paint
    expect(await page.getAttribute('[data-testid=map]', 'data-verdicts')).toBeNull();
    const afterDrop = await driver.verdictsDigest();
    expect(afterDrop).toMatch(new RegExp(`^${CITY.communities}:`));
    // the drop changed some colours: comparing with a full analysis below can tell stale ones
    expect(afterDrop).not.toBe(digestBefore);

    // an undo and a redo are edits as well: the map holds its frames until the edit's verdicts,
    // facilities and circles are all in, then draws them at half the pixel ratio (SwiftShader) and
    // sharp in the next frame — two frames, not one per data event of each source (≈ 6–7 before);
    // their colours are those from before the drag and after the drop
    const framesDrawn = () => page.getAttribute('[data-testid=map]', 'data-frames').then(Number);
    let lastClick = '';
    for (const [button, edits, digest] of [
      ['undo', 0, digestBefore],
      ['redo', 1, afterDrop],
    ] as const) {
      lastClick = await page.evaluate(() => new Date().toISOString());
      const framesBefore = await framesDrawn();
      const ratios = await ratiosWhile(driver, async () => {
        await page.click(`[data-testid=${button}]`);
        await page.waitForSelector(`[data-testid=scenario-bar][data-edits="${edits}"]`, { state: 'attached', timeout: 60_000 });
        await driver.settled();
      });
      // (three: a frame the user's pointer or a slow answer may add)
      expect((await framesDrawn()) - framesBefore, button).toBeLessThanOrEqual(3);
      expect(Math.min(...ratios.during), button).toBeCloseTo(0.5, 1);
      expect(ratios.idle).toBeCloseTo(1, 2);
      expect(await page.getAttribute('[data-testid=map]', 'data-verdicts'), button).toBe(digest);
    }

    // the drop, the undo and the redo each sent the map the moved facility alone (a diff by id: MapLibre
    // re-cuts the tiles it touches), never all facilities again
    const [wholeAfter, diffsAfter] = await sends();
    expect(wholeAfter).toBe(wholeBefore);
    expect(diffsAfter - diffsBefore).toBeGreaterThanOrEqual(3);

    // a full analysis of the same scenario: reload (restored from storage, analysed from scratch),
    // once the redo is saved: a save begun after it (a reload sooner restored the undo: failed in CI)
    await page.waitForFunction((t) => (document.querySelector('[data-testid=autosave]')?.getAttribute('data-saved-at') ?? '') > t, lastClick, { timeout: 60_000 });
    await driver.when.reloaded();
    expect(await page.getAttribute('[data-testid=scenario-bar]', 'data-edits')).toBe('1');
    await driver.verdictsDigest();
    await page.waitForFunction((n) => (document.querySelector('[data-testid=map]')?.getAttribute('data-verdicts') ?? '').startsWith(`${n}:`), CITY.communities, {
      timeout: 120_000,
    });
    await driver.settled();
    expect(await page.getAttribute('[data-testid=map]', 'data-verdicts')).toBe(afterDrop);
  }, 300_000);
});
