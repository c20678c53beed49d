// What the browser benches share: one production build per `npm run bench` run, the page's
// "ready" signal and the goal note ("met" / "missed by …").
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { buildApp } from '../e2e/server';

/** BENCH_PREBUILT: a build made before (e.g. of main, to alternate runs of two builds under the
 *  same load), served as it is */
export const BENCH_DIST = process.env.BENCH_PREBUILT ?? 'tests/output/bench-dist';

let built: Promise<void> | undefined;

/** the app as `vite build` makes it; built once however many benches ask for it */
export function builtApp(): Promise<void> {
  built ??= process.env.BENCH_PREBUILT ? Promise.resolve() : buildApp(BENCH_DIST);
  return built;
}

/** "met", or by how much the goal is missed */
export function goal(value: number, limit: number, unit: string): string {
  return value <= limit ? `goal ≤ ${limit} ${unit}: met` : `goal ≤ ${limit} ${unit}: missed by ${(value - limit).toFixed(unit === 'ms' ? 0 : 1)} ${unit}`;
}

/** the analysis finished and the map drew it, walk areas included (in network mode they are
 *  computed after the verdicts: the map is idle with the verdicts before they come) */
export async function ready(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('[data-testid=phase][data-phase=ready]', { timeout });
  await page.waitForSelector('[data-testid=map][data-areas=shown][data-idle=true]', { timeout });
}

/** CPU seconds the browser's renderer and GPU processes have used so far (on a loaded machine the
 *  wall time is mostly waiting for a core; this is what the work itself costs) */
export async function browserCpu(browser: Browser): Promise<number> {
  const { renderer, gpu } = await browserCpuSplit(browser);
  return renderer + gpu;
}

/** the same, the renderer processes (page, its workers, MapLibre's workers) apart from the GPU
 *  process (where SwiftShader draws the frames) */
export async function browserCpuSplit(browser: Browser): Promise<{ renderer: number; gpu: number }> {
  let renderer = 0;
  let gpu = 0;
  for (const p of (await cpuByProcess(browser)).values()) {
    if (p.type === 'GPU') gpu += p.cpu;
    else renderer += p.cpu;
  }
  return { renderer, gpu };
}

/** CPU seconds so far of each renderer and GPU process, by process id */
async function cpuByProcess(browser: Browser): Promise<Map<number, { type: string; cpu: number }>> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
  await cdp.detach();
  return new Map(processInfo.filter((p) => p.type === 'renderer' || p.type === 'GPU').map((p) => [p.id, { type: p.type, cpu: p.cpuTime }]));
}

/** `fn`'s median wall time and median CPU time (ms) of the page's renderer (the busiest one: the
 *  page, its analysis worker and MapLibre's workers are its threads; Chromium's own spare renderer
 *  is left out) and of the GPU process (SwiftShader draws there), over `runs` runs. `after`
 *  (untimed) runs after each, e.g. to close the run's context. */
export async function medianBrowserCpu(
  browser: Browser,
  fn: () => Promise<unknown>,
  runs: number,
  after?: () => Promise<unknown>,
): Promise<{ ms: number; renderer: number; gpu: number }> {
  const walls: number[] = [];
  const renderer: number[] = [];
  const gpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = await cpuByProcess(browser);
    const t0 = performance.now();
    await fn();
    walls.push(performance.now() - t0);
    let r = 0;
    let g = 0;
    for (const [id, p] of await cpuByProcess(browser)) {
      const used = (p.cpu - (c0.get(id)?.cpu ?? 0)) * 1000;
      if (p.type === 'GPU') g += used;
      else r = Math.max(r, used);
    }
    renderer.push(r);
    gpu.push(g);
    await after?.();
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: mid(walls), renderer: mid(renderer), gpu: mid(gpu) };
}

/** the page's main-thread functions with the most self time while `fn` runs (CDP Profiler) */
export async function topSelfTime(cdp: CDPSession, fn: () => Promise<unknown>, n = 5): Promise<string> {
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

/** CPU ms so far of every thread of the browser's renderer and GPU processes, by "process/thread
 *  name" (Linux /proc: SwiftShader's own threads leave no trace events) */
export async function threadTimes(browser: Browser): Promise<Map<string, number>> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  const tick = 10; // ms per clock tick (USER_HZ 100)
  const out = new Map<string, number>();
  for (const p of processInfo.filter((x) => x.type === 'renderer' || x.type === 'GPU'))
    for (const tid of readdirSync(`/proc/${p.id}/task`)) {
      try {
        const stat = readFileSync(`/proc/${p.id}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const k = `${p.type} ${p.id} / ${name}`;
        out.set(k, (out.get(k) ?? 0) + (Number(f[11]) + Number(f[12])) * tick);
      } catch {
        // the thread ended meanwhile
      }
    }
  return out;
}

/** The CPU ms each thread used between two threadTimes, busiest first, one per line; `runs`: per
 *  run of that many, the threads of the same name summed over processes and on one line */
export function threadsUsed(before: Map<string, number>, after: Map<string, number>, runs?: number): string {
  const used = new Map<string, number>();
  for (const [k, ms] of after) {
    const key = runs === undefined ? k : k.replace(/ \d+ \//, ' /');
    used.set(key, (used.get(key) ?? 0) + ms - (before.get(k) ?? 0));
  }
  const top = [...used].filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
  if (runs !== undefined)
    return top
      .slice(0, 8)
      .map(([k, ms]) => `${k} ${(ms / runs).toFixed(0)}`)
      .join(', ');
  return top
    .slice(0, 14)
    .map(([k, ms]) => `  ${k}: ${ms} ms`)
    .join('\n');
}
