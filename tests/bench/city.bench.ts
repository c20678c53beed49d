// The realistic large city (scripts/bench-city: irregular blocks, 50–2,000-vertex outlines,
// 10k–50k-vertex street boundaries, a 200k-node street network) opened in the built app in
// Debian's Chromium, like a planner's own project file:
//   open the file → map idle; profile change → map idle; parameter change → map idle; memory of
//   the renderer process (the page and its analysis worker share it) after opening.
// Baselines in the same run: the same file opened with its roads left out (straight-line circles),
// and JSON.parse of the file in Node (the least any opening costs).
// BENCH_CITY_COMMUNITIES=N picks another size (default 20 000, the size of the memory goal).
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { benchCityFile } from '../../scripts/bench-city/generate';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/driver';
import { serveApp } from '../e2e/server';
import { BENCH_DIST, browserCpu, builtApp, goal, ready } from './browser';
import { heapProbe, processMemory, rendererAllocators } from './heap';
import { median } from './median';
import type { BenchRow } from './run';

const PROFILES = ['ca', 'wy', 'combined', 'xn'];

async function open(page: Page, file: string, name: string): Promise<number> {
  const t0 = performance.now();
  await page.setInputFiles('[data-testid=project-input]', file);
  await page.waitForFunction((n) => (document.querySelector('[data-testid=project-file]')?.textContent ?? '').includes(n), name, { timeout: 300_000 });
  await ready(page, 300_000);
  return performance.now() - t0;
}

/** wait until the change started analysing (it may finish before we look) and the map is idle again */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=phase][data-phase=analysing]', { timeout: 5_000 }).catch(() => undefined);
  await ready(page, 120_000);
}

/** the page's main-thread functions with the most self time while `fn` runs (CDP Profiler) */
async function topSelfTime(cdp: CDPSession, fn: () => Promise<unknown>, n = 5): Promise<string> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await fn();
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
  };
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, k) => {
    const f = byId.get(id)?.callFrame;
    const file =
      f?.url
        .split('/')
        .pop()
        ?.replace(/-[\w-]{8}\.js$/, '') ?? '';
    const name = `${f?.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000);
  });
  return [...self]
    .filter(([name]) => name !== '(idle)' && name !== '(program)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${name} ${Math.round(ms)} ms`)
    .join(', ');
}

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
  writeFileSync(straightFile, JSON.stringify({ ...(JSON.parse(json) as Record<string, unknown>), roads: { type: 'FeatureCollection', features: [] } }));

  await builtApp();
  const server = await serveApp(BENCH_DIST);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const rows: BenchRow[] = [];
  const load = () => `load ${loadavg()[0].toFixed(1)}`;
  try {
    const fresh = async () => {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      const probe = await heapProbe(cdp); // before the page starts its workers
      await page.goto(server.url);
      await ready(page);
      return { ctx, page, cdp, probe };
    };
    const straight = await fresh();
    const openStraight = await open(straight.page, straightFile, straightFile.split('/').pop() as string);
    await straight.ctx.close();

    const { ctx, page, cdp, probe } = await fresh();
    let openMs = 0;
    const cpu0 = await browserCpu(browser);
    const hot = await topSelfTime(cdp, async () => {
      openMs = await open(page, city.path, city.path.split('/').pop() as string);
    });
    const openCpu = (await browserCpu(browser)) - cpu0;
    const analysis = (await page.textContent('[data-testid=analysis-time]')) ?? '';
    // 'tiles': outlines cut by the analysis worker (service/unit-tiles.ts); 'geojson': a copy in MapLibre's worker
    const units = (await page.getAttribute('[data-testid=map]', 'data-units')) ?? 'geojson';
    // as the planner finds it (garbage of the opening not yet collected), then after a full GC in
    // the page and every worker: what the page + worker actually hold
    const memAsOpened = await processMemory(browser);
    const heaps = await probe.heaps();
    const mem = await processMemory(browser);
    const allocators = await rendererAllocators(browser).catch((e: unknown) => ({ [`no memory dump: ${String(e)}`]: 0 }));
    rows.push({
      name: `open the ${label} (network reach) → map idle`,
      ms: openMs,
      baseline: { name: 'the same file without roads (straight-line circles)', ms: openStraight },
      note: `${goal(openMs, 2000, 'ms')}; renderer + GPU CPU ${openCpu.toFixed(1)} s; ${s.facilities} facilities, ${s.streets} streets, ${s.roadNodes} road nodes, outlines ${s.communityVertices.min}–${s.communityVertices.max} vertices (mean ${s.communityVertices.mean.toFixed(0)}), street boundaries ${s.streetVertices.min}–${s.streetVertices.max}, ${(s.bytes / 1e6).toFixed(0)} MB JSON (JSON.parse alone in Node ${parseMs.toFixed(0)} ms); app says "${analysis.trim()}"; outlines drawn from ${units}; main thread's top self time: ${hot}; ${load()}`,
    });

    let k = 0;
    const change = async () => {
      await page.selectOption('[data-testid=profile]', PROFILES[k++ % PROFILES.length]);
      await settled(page);
    };
    const hotChange = await topSelfTime(cdp, change);
    const cpu1 = await browserCpu(browser);
    const profileMs = await median(change, 3);
    const changeCpu = ((await browserCpu(browser)) - cpu1) / 3;
    const worker = (await page.textContent('[data-testid=analysis-time]')) ?? '';
    rows.push({
      name: `profile change on the ${label} → map idle`,
      ms: profileMs,
      note: `${goal(profileMs, 300, 'ms')}; renderer + GPU CPU ${changeCpu.toFixed(1)} s per change; app says "${worker.trim()}"; main thread's top self time: ${hotChange}; ${load()}`,
    });

    const minutes = [12, 15];
    let m = 0;
    const cpu2 = await browserCpu(browser);
    const paramMs = await median(async () => {
      const input = page.locator('input[data-param=circleMinutes]');
      await input.fill(String(minutes[m++ % minutes.length]));
      await input.dispatchEvent('change');
      await settled(page);
    }, 3);
    const paramCpu = ((await browserCpu(browser)) - cpu2) / 3;
    rows.push({
      name: `circle minutes changed on the ${label} → map idle`,
      ms: paramMs,
      note: `${goal(paramMs, 300, 'ms')}; renderer + GPU CPU ${paramCpu.toFixed(1)} s per change; ${load()}`,
    });

    const byHolder = heaps.map((h) => `${h.name} ${h.usedMB.toFixed(0)} MB`).join(', ');
    const jsTotal = heaps.reduce((sum, h) => sum + h.usedMB, 0);
    rows.push({
      name: `memory after opening the ${label}: renderer RSS after GC, page + workers (MB, not ms)`,
      ms: mem.renderer,
      note: `${goal(mem.renderer, 500, 'MB')}; JS heaps after GC: ${byHolder} (sum ${jsTotal.toFixed(0)} MB); the renderer by Chrome's allocators: ${Object.entries(allocators)
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
