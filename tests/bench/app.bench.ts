// The map app, built and served as a user gets it, in Debian's Chromium:
//   cold load to an idle map with every layer on; full re-evaluation after a profile change (the
//   worker, the table and the map all updated); JS shipped excluding maplibre-gl, gzipped. The
//   large city is city.bench.ts.
// Baselines measured in this same run: a blank page from the same server (what the browser
// costs before our code), and evaluate() called directly in Node (what the analysis costs
// without the worker, the copy back and the drawing).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { evaluate } from '../../src/core/evaluate';
import { parseProject } from '../../src/schemas';
import { bundleSizes } from '../e2e/bundle-size';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/driver';
import { serveApp } from '../e2e/server';
import { BENCH_DIST as OUT, builtApp, goal, ready } from './browser';
import { median } from './median';
import type { BenchRow } from './run';

export default async function bench(): Promise<BenchRow[]> {
  await builtApp();
  const size = bundleSizes(OUT);
  const server = await serveApp(OUT);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const rows: BenchRow[] = [];
  try {
    const fresh = async () => browser.newContext({ viewport: { width: 1366, height: 768 } }); // new context = empty cache
    const blank = await median(async () => {
      const ctx = await fresh();
      const page = await ctx.newPage();
      await page.goto('about:blank');
      await ctx.close();
    }, 5);
    const cold = await median(async () => {
      const ctx = await fresh();
      const page = await ctx.newPage();
      await page.goto(server.url);
      await ready(page);
      await ctx.close();
    }, 5);
    rows.push({
      name: 'cold load of the built app → map idle, all layers (1366×768)',
      ms: cold,
      baseline: { name: 'new browser context + about:blank', ms: blank },
      note: `${goal(cold, 1500, 'ms')} (load ${loadavg()[0].toFixed(1)})`,
    });

    // re-evaluation: alternate profiles on one open page; each time until worker, table and map are done
    const ctx = await fresh();
    const page = await ctx.newPage();
    await page.goto(server.url);
    await ready(page);
    const profiles = ['ca', 'wy', 'combined', 'xn'];
    let i = 0;
    const workerMs: number[] = [];
    const switchMs = await median(async () => {
      const p = profiles[i++ % profiles.length];
      await page.selectOption('[data-testid=profile]', p);
      await page.waitForSelector('[data-testid=phase][data-phase=analysing]', { timeout: 5_000 }).catch(() => undefined);
      await ready(page);
      const note = (await page.textContent('[data-testid=analysis-time]')) ?? '';
      workerMs.push(Number(/(\d+)/.exec(note)?.[1] ?? NaN));
    }, 8);
    await ctx.close();

    const json = JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as unknown;
    const parsed = parseProject(json, 'data/demo/project.json');
    if (!parsed.ok) throw new Error('demo project does not load');
    const d = parsed.project;
    let j = 0;
    const direct = await median(() => evaluate(d, { profile: profiles[j++ % profiles.length] }), 8);
    workerMs.sort((a, b) => a - b);
    rows.push({
      name: 'profile change → worker + table + map idle (demo, 513 communities)',
      ms: switchMs,
      baseline: { name: 'evaluate() alone in Node', ms: direct },
      note: `median analysis inside the worker ${workerMs[Math.floor(workerMs.length / 2)]} ms`,
    });
    const kB = (n: number) => n / 1024;
    rows.push({
      name: 'page JS before a project opens, maplibre-gl excluded, gzip -9 (kB, not ms)',
      ms: kB(size.page.gz),
      note: `${goal(kB(size.page.gz), 150, 'kB')}; maplibre-gl itself ${kB(size.maplibre.gz).toFixed(0)} kB; ${size.page.files.join(', ')}`,
    });
    rows.push({
      name: "analysis worker's first chunk + static imports, gzip -9 (kB, not ms)",
      ms: kB(size.worker.gz),
      note: `${goal(kB(size.worker.gz), 150, 'kB')}; ${size.worker.files.join(', ')}`,
    });
    rows.push({ name: 'chunks loaded on first use (importers, site, suggest, compare, drawing), gzip -9 (kB)', ms: kB(size.lazy.gz), note: `${size.lazy.files.length} chunks` });
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
