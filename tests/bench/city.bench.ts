// The realistic large city (scripts/bench-city: irregular blocks, 50–2,000-vertex outlines,
// 10k–50k-vertex street boundaries, a 200k-node street network) opened in the built app in
// Debian's Chromium, like a planner's own project file:
//   open the file → outlines drawn, → verdicts drawn (and its stages); profile change → verdicts
//   drawn; circle minutes changed → verdicts drawn, → walk areas drawn; memory of the renderer
//   process (the page and its analysis worker share it) after opening. The times are taken in the
//   page (a MutationObserver on the phase, the map's idleness and the walk-areas note), from the
//   change made there, so the test driver's polling is not in them.
// Baselines in the same run: the same file opened with its roads left out (straight-line circles),
// and JSON.parse of the file in Node (the least any opening costs). In Node too: the worker's read and
// check of the file (its bytes, the outlines scanned into the packing) against the path before it
// (the text JSON.parsed, the arrays checked, then packed), and its first network analysis (what the
// page waits for between the outlines and the verdicts) against the same analysis in straight lines.
// BENCH_CITY_COMMUNITIES=N picks another size (default 20 000, the size of the memory goal).
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { benchCityFile } from '../../scripts/bench-city/generate';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/driver';
import { serveApp } from '../e2e/server';
import { BENCH_DIST, browserCpu, browserCpuSplit, builtApp, goal, ready, threadsUsed, threadTimes, topSelfTime } from './browser';
import { heapProbe, processMemory, rendererAllocators } from './heap';
import { median, medianWithCpu } from './median';
import { parseProject } from '../../src/schemas';
import { createAnalysisSession } from '../../src/service/session';
import type { BenchRow } from './run';

const PROFILES = ['ca', 'wy', 'combined', 'xn'];

/** Opens the file as a planner does; resolves with the ms (page clock) until the outlines were
 *  drawn (the map's first idle after it took the project), until the verdicts were (phase ready, map
 *  idle) and until the walk areas were, and until the project was read (the worker's parse and check). */
async function open(page: Page, file: string, name: string): Promise<{ read: number; outlines: number; verdicts: number; areas: number; ratios: string }> {
  await watch(page);
  const t0 = (await page.evaluate(() => performance.now())) as number;
  await page.setInputFiles('[data-testid=project-input]', file);
  await page.waitForFunction((n) => (document.querySelector('[data-testid=project-file]')?.textContent ?? '').includes(n), name, { timeout: 600_000 });
  await ready(page, 600_000);
  await page.waitForSelector('[data-testid=areas-note]', { state: 'detached', timeout: 600_000 });
  await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout: 600_000 });
  const st = await stamps(page);
  // the project was read when the map was first made busy by it (its outlines were asked for)
  const busy = st.find(([, idle, , t]) => t > t0 && idle === 'false')?.[3] ?? t0;
  return {
    read: busy - t0,
    outlines: first(st, busy, (_, idle) => idle) + (busy - t0),
    verdicts: first(st, busy, (phase, idle) => phase === 'ready' && idle) + (busy - t0),
    areas: first(st, busy, (phase, idle, pending) => phase === 'ready' && idle && !pending) + (busy - t0),
    ratios: await ratios(page),
  };
}

/** Records in the page, from now, when the phase and the map's idleness change (performance.now of
 *  the page: no polling delay of the test driver in the times). */
async function watch(page: Page): Promise<void> {
  // a string, not a function: tsx would wrap the inner function with a helper the page lacks
  await page.evaluate(`(() => {
    const w = window;
    w.__watch?.disconnect();
    w.__stamps = [];
    const note = () => {
      const phase = document.querySelector('[data-testid=phase]')?.getAttribute('data-phase') ?? '';
      const idle = document.querySelector('[data-testid=map]')?.getAttribute('data-idle') ?? '';
      // pending: computed (the note) or not on the map yet (kept ones land after the verdicts' frame)
      const areas = document.querySelector('[data-testid=areas-note]') !== null || document.querySelector('[data-testid=map]')?.getAttribute('data-areas') === 'pending';
      const last = w.__stamps.at(-1);
      if (!last || last[0] !== phase || last[1] !== idle || last[2] !== areas) w.__stamps.push([phase, idle, areas, performance.now()]);
    };
    w.__watch = new MutationObserver(note);
    w.__watch.observe(document.body, { attributes: true, childList: true, subtree: true, attributeFilter: ['data-phase', 'data-idle', 'data-areas'] });
    note();
    // the map canvas's device pixels per CSS pixel whenever its size in pixels changes (drawn light
    // or sharp): an observer, so the sampling costs the page nothing between changes
    const canvas = document.querySelector('[data-testid=map] canvas');
    const ratio = () => canvas.width / canvas.clientWidth;
    w.__ratios?.observer.disconnect();
    w.__ratios = { from: performance.now(), at: [[performance.now(), ratio()]], observer: new MutationObserver(() => w.__ratios.at.push([performance.now(), ratio()])) };
    w.__ratios.observer.observe(canvas, { attributes: true, attributeFilter: ['width'] });
  })()`);
}

/** For how long since `watch` the map canvas was under 3/4 of its pixel ratio (drawn light), of
 *  all, and its ratio now */
async function ratios(page: Page): Promise<string> {
  const r = (await page.evaluate('(() => { const r = window.__ratios; return { from: r.from, at: r.at, now: performance.now() }; })()')) as {
    from: number;
    at: [number, number][];
    now: number;
  };
  let light = 0;
  r.at.forEach(([t, x], k) => {
    if (x < 0.75) light += (r.at[k + 1]?.[0] ?? r.now) - t;
  });
  const now = r.at[r.at.length - 1][1];
  return `map canvas under 3/4 of its pixel ratio for ${(light / 1000).toFixed(1)} of ${((r.now - r.from) / 1000).toFixed(1)} s, ${now.toFixed(2)} at idle`;
}

/** The page's stamps since `watch`: [phase, map idle, walk areas pending, ms] */
async function stamps(page: Page): Promise<[string, string, boolean, number][]> {
  return page.evaluate(() => (window as unknown as { __stamps: [string, string, boolean, number][] }).__stamps);
}

/** ms from `t0` (page clock) to the first stamp after it that `ok` accepts */
function first(st: [string, string, boolean, number][], t0: number, ok: (phase: string, idle: boolean, areas: boolean) => boolean): number {
  const hit = st.find(([phase, idle, areas, t]) => t >= t0 && ok(phase, idle === 'true', areas));
  return hit ? hit[3] - t0 : Number.NaN;
}

/** A change made in the page at a stamped moment; resolves with the moments the verdicts were on
 *  the map (phase ready, map idle) and the walk areas too (no note, map idle), in ms from the change. */
async function timedChange(page: Page, change: string, areas: boolean): Promise<{ verdicts: number; areas: number }> {
  await watch(page);
  const t0 = await page.evaluate(change);
  await page.waitForSelector('[data-testid=phase][data-phase=analysing]', { timeout: 2_000 }).catch(() => undefined);
  await ready(page, 300_000);
  if (areas) {
    await page.waitForSelector('[data-testid=areas-note]', { state: 'detached', timeout: 300_000 });
    await page.waitForSelector('[data-testid=map][data-areas=shown][data-idle=true]', { timeout: 300_000 });
  }
  const st = await stamps(page);
  // after the change: analysing, then ready with the map idle
  const started = st.find(([phase, , , t]) => t >= (t0 as number) && phase === 'analysing')?.[3] ?? (t0 as number);
  const verdicts = first(st, started, (phase, idle) => phase === 'ready' && idle) + (started - (t0 as number));
  const drawn = areas ? first(st, started, (phase, idle, pending) => phase === 'ready' && idle && !pending) + (started - (t0 as number)) : verdicts;
  return { verdicts, areas: drawn };
}

/** a profile picked in the page, at a moment stamped on the page's clock (evaluated there) */
const selectProfile = (p: string): string =>
  `(() => { const el = document.querySelector('[data-testid=profile]'); el.value = ${JSON.stringify(p)}; const t = performance.now(); el.dispatchEvent(new Event('change', { bubbles: true })); return t; })()`;
const setMinutes = (m: number): string =>
  `(() => { const el = document.querySelector('input[data-param=circleMinutes]'); el.value = '${m}'; const t = performance.now(); el.dispatchEvent(new Event('change', { bubbles: true })); return t; })()`;

const mid = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export default async function bench(): Promise<BenchRow[]> {
  const communities = Number(process.env.BENCH_CITY_COMMUNITIES ?? 20_000);
  const t0 = performance.now();
  const city = benchCityFile({ communities });
  const genMs = performance.now() - t0;
  const s = city.stats;
  const label = `${s.communities}-community city`;
  // the same city without roads: straight-line circles, no network to build
  const straightFile = city.path.replace(/\.json$/, '-noroads.json');
  const json = readFileSync(city.path, 'utf8');
  const parseMs = await median(() => JSON.parse(json), 3);
  // the worker's read and check of the file, in Node: its bytes with the outlines scanned straight
  // into the packing the session keeps (schemas/scan-outlines.ts), against the path before it: the
  // text decoded and JSON.parsed, the arrays checked, then packed
  const bytes = readFileSync(city.path);
  const fileBytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const readScanned = await medianWithCpu(() => createAnalysisSession().load(fileBytes, 'city.json'), 3);
  const readPlain = await medianWithCpu(() => {
    const p = parseProject(new TextDecoder().decode(fileBytes), 'city.json', { ringsLater: true });
    if (p.ok) createAnalysisSession().open(p);
  }, 3);
  // the worker's first analysis, in Node: what the page waits for between the outlines and the
  // verdicts (the street network built, the ways out placed, a walk from every facility, the rules),
  // each run on a session just opened; baseline: the same analysis in straight lines (no network)
  const firstAnalysis = (reach: 'network' | 'straight') => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < 3; k++) {
      const session = createAnalysisSession();
      const out = session.load(fileBytes, 'city.json');
      if (!out.ok) throw new Error(`the bench city does not open: ${JSON.stringify(out.problems.slice(0, 3))}`);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      session.analyseColumns({ profile: out.project.profile ?? 'combined', params: { ...out.project.params, reach } });
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    return { ms: mid(wall), cpu: mid(cpu) };
  };
  const firstNetwork = firstAnalysis('network');
  const firstStraight = firstAnalysis('straight');
  writeFileSync(straightFile, JSON.stringify({ ...(JSON.parse(json) as Record<string, unknown>), roads: { type: 'FeatureCollection', features: [] } }));

  const rows: BenchRow[] = [
    {
      name: `read and check the ${s.communities}-community city's file as the worker does (Node)`,
      ms: readScanned.ms,
      baseline: { name: 'its text JSON.parsed, the arrays checked and packed (the path before)', ms: readPlain.ms },
      note: `CPU per run ${readScanned.cpu.toFixed(0)} ms against ${readPlain.cpu.toFixed(0)} ms; median of 3; load ${loadavg()[0].toFixed(1)}`,
    },
    {
      name: `the worker's first network analysis of the ${s.communities}-community city (Node)`,
      ms: firstNetwork.ms,
      baseline: { name: 'the same analysis in straight lines (no street network)', ms: firstStraight.ms },
      note: `CPU ${firstNetwork.cpu.toFixed(0)} ms against ${firstStraight.cpu.toFixed(0)} ms (medians of 3, each on a session just opened); the worker's CPU from the file to the verdicts (read and check + this): ${(readScanned.cpu + firstNetwork.cpu).toFixed(0)} ms, ${goal(readScanned.cpu + firstNetwork.cpu, 2000, 'ms')} of the 2 s goal for open → verdicts before the page draws anything; load ${loadavg()[0].toFixed(1)}`,
    },
  ];
  await builtApp();
  const server = await serveApp(BENCH_DIST);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const load = () => `load ${loadavg()[0].toFixed(1)}`;
  try {
    const fresh = async () => {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      const probe = await heapProbe(cdp); // before the page starts its workers
      await page.goto(server.url);
      await ready(page);
      await page.waitForSelector('[data-testid=areas-note]', { state: 'detached', timeout: 120_000 });
      return { ctx, page, cdp, probe };
    };
    const straight = await fresh();
    const openStraight = await open(straight.page, straightFile, straightFile.split('/').pop() as string);
    await straight.ctx.close();

    const { ctx, page, cdp, probe } = await fresh();
    let opened = { read: 0, outlines: 0, verdicts: 0, areas: 0, ratios: '' };
    const cpu0 = await browserCpuSplit(browser);
    const hot = await topSelfTime(cdp, async () => {
      opened = await open(page, city.path, city.path.split('/').pop() as string);
    });
    const cpu1 = await browserCpuSplit(browser);
    const openCpu = { renderer: cpu1.renderer - cpu0.renderer, gpu: cpu1.gpu - cpu0.gpu };
    const analysis = (await page.textContent('[data-testid=analysis-time]')) ?? '';
    // 'tiles': outlines cut by the analysis worker (service/unit-tiles.ts); 'geojson': a copy in MapLibre's worker
    const units = (await page.getAttribute('[data-testid=map]', 'data-units')) ?? 'geojson';
    // as the planner finds it (garbage of the opening not yet collected), then after a full GC in
    // the page and every worker: what the page + worker actually hold
    const memAsOpened = await processMemory(browser);
    const heaps = await probe.heaps();
    const mem = await processMemory(browser);
    const allocators = await rendererAllocators(browser).catch((e: unknown) => ({ [`no memory dump: ${String(e)}`]: 0 }));
    const stages = (o: typeof opened) =>
      `read and checked by the worker ${o.read.toFixed(0)} ms, outlines drawn at ${o.outlines.toFixed(0)} ms, verdicts at ${o.verdicts.toFixed(0)} ms, walk areas at ${o.areas.toFixed(0)} ms`;
    rows.push({
      name: `open the ${label} (network reach) → outlines drawn`,
      ms: opened.outlines,
      baseline: { name: 'the same file without roads, outlines drawn', ms: openStraight.outlines },
      note: `${goal(opened.outlines, 2000, 'ms')}; the map shows the outlines (phase 'loading') while the worker analyses; ${load()}`,
    });
    rows.push({
      name: `open the ${label} (network reach) → verdicts on the map`,
      ms: opened.verdicts,
      baseline: { name: 'the same file without roads (straight-line circles)', ms: openStraight.verdicts },
      note: `${goal(opened.verdicts, 2000, 'ms')}; stages: ${stages(opened)} (without roads: ${stages(openStraight)}); renderer + GPU CPU ${(openCpu.renderer + openCpu.gpu).toFixed(1)} s (renderer ${openCpu.renderer.toFixed(1)}, GPU ${openCpu.gpu.toFixed(1)}); ${opened.ratios} (without roads: ${openStraight.ratios}); ${s.facilities} facilities, ${s.streets} streets, ${s.roadNodes} road nodes, outlines ${s.communityVertices.min}–${s.communityVertices.max} vertices (mean ${s.communityVertices.mean.toFixed(0)}), street boundaries ${s.streetVertices.min}–${s.streetVertices.max}, ${(s.bytes / 1e6).toFixed(0)} MB JSON (JSON.parse alone in Node ${parseMs.toFixed(0)} ms); app says "${analysis.trim()}"; outlines drawn from ${units}; main thread's top self time: ${hot}; ${load()}`,
    });

    // profile changes, timed in the page from the change to the verdicts on the map
    const hotChange = await topSelfTime(cdp, () => timedChange(page, selectProfile(PROFILES[0]), false));
    const change0 = await browserCpuSplit(browser);
    const threads0 = await threadTimes(browser);
    const changes: number[] = [];
    const workerMs: number[] = [];
    for (const p of [...PROFILES.slice(1), PROFILES[0]]) {
      changes.push((await timedChange(page, selectProfile(p), false)).verdicts);
      workerMs.push(Number(/(\d+)/.exec((await page.textContent('[data-testid=analysis-time]')) ?? '')?.[1] ?? Number.NaN));
    }
    const change1 = await browserCpuSplit(browser);
    // the same CPU by thread (/proc): the page's ('chromium'), the analysis and MapLibre's workers
    // ('DedicatedWorker'), GC and raster ('ThreadPoolForeg'), SwiftShader drawing ('GPU / Thread<…>')
    const byThread = threadsUsed(threads0, await threadTimes(browser), changes.length);
    const changeCpu = { renderer: (change1.renderer - change0.renderer) / changes.length, gpu: (change1.gpu - change0.gpu) / changes.length };
    const profileMs = mid(changes);
    rows.push({
      name: `profile change on the ${label} → map idle`,
      ms: profileMs,
      baseline: { name: "the worker's analysis of it (rules only)", ms: mid(workerMs) },
      note: `${goal(profileMs, 300, 'ms')}; median of ${changes.length} (${changes.map((x) => x.toFixed(0)).join(', ')} ms), timed in the page from the change to the verdicts drawn; renderer + GPU CPU ${(changeCpu.renderer + changeCpu.gpu).toFixed(2)} s per change (renderer ${changeCpu.renderer.toFixed(2)}, GPU ${changeCpu.gpu.toFixed(2)}; by thread, ms per change: ${byThread}); the last one's ${await ratios(page)}; main thread's top self time: ${hotChange}; ${load()}`,
    });

    // circle minutes: shorter circles than the opened 15 (their walks are cut from the kept ones;
    // their walk areas are new), back to 15 (kept), and a longer one (walked anew: the baseline)
    const minutes = async (m: number) => {
      const cpu = await browserCpu(browser);
      const t = await timedChange(page, setMinutes(m), true);
      return { ...t, cpu: (await browserCpu(browser)) - cpu };
    };
    const shorter = [await minutes(12), await minutes(13), await minutes(15)];
    const longer = await minutes(20);
    const v = mid(shorter.map((x) => x.verdicts));
    const a = mid(shorter.map((x) => x.areas));
    const each = shorter.map((x) => `${x.verdicts.toFixed(0)} / ${x.areas.toFixed(0)} ms, ${x.cpu.toFixed(1)} s CPU`).join('; ');
    rows.push({
      name: `circle minutes changed on the ${label} → verdicts on the map`,
      ms: v,
      baseline: { name: 'a longer circle than any kept (15 → 20: walks anew)', ms: longer.verdicts },
      note: `${goal(v, 300, 'ms')}; 15 → 12, 13, 15 (verdicts / walk areas drawn, CPU): ${each}; to 20: ${longer.verdicts.toFixed(0)} / ${longer.areas.toFixed(0)} ms, ${longer.cpu.toFixed(1)} s CPU; ${load()}`,
    });
    rows.push({
      name: `circle minutes changed on the ${label} → walk areas drawn too`,
      ms: a,
      baseline: { name: 'a longer circle than any kept (15 → 20)', ms: longer.areas },
      note: `${goal(a, 300, 'ms')}; median of the three above (12 and 13: new walk areas; 15: kept); ${load()}`,
    });

    const byHolder = heaps.map((h) => `${h.name} ${h.usedMB.toFixed(0)} MB`).join(', ');
    const buffersBy = heaps.map((h) => `${h.name} ${h.buffersMB.toFixed(0)} MB`).join(', ');
    const jsTotal = heaps.reduce((sum, h) => sum + h.usedMB, 0);
    rows.push({
      name: `memory after opening the ${label}: renderer RSS after GC, page + workers (MB, not ms)`,
      ms: mem.renderer,
      note: `${goal(mem.renderer, 500, 'MB')}; JS heaps after GC: ${byHolder} (sum ${jsTotal.toFixed(0)} MB); array buffers by thread: ${buffersBy}; the renderer by Chrome's allocators: ${Object.entries(
        allocators,
      )
        .map(([k, v]) => `${k} ${v.toFixed(0)} MB`)
        .join(', ')}; RSS as opened, before GC ${memAsOpened.renderer.toFixed(0)} MB; GPU process ${mem.gpu.toFixed(0)} MB (software WebGL, not counted)`,
    });
    rows.push({ name: `generate the ${label} (or read it from tests/output)`, ms: genMs, note: city.path });
    await ctx.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
