// What the browser benches share: one production build per `npm run bench` run, the page's
// "ready" signal and the goal note ("met" / "missed by …").
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../e2e/server';

export const BENCH_DIST = 'tests/output/bench-dist';

let built: Promise<void> | undefined;

/** the app as `vite build` makes it; built once however many benches ask for it */
export function builtApp(): Promise<void> {
  built ??= buildApp(BENCH_DIST);
  return built;
}

/** "met", or by how much the goal is missed */
export function goal(value: number, limit: number, unit: string): string {
  return value <= limit ? `goal ≤ ${limit} ${unit}: met` : `goal ≤ ${limit} ${unit}: missed by ${(value - limit).toFixed(unit === 'ms' ? 0 : 1)} ${unit}`;
}

/** the analysis finished and the map drew it */
export async function ready(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('[data-testid=phase][data-phase=ready]', { timeout });
  await page.waitForSelector('[data-testid=map][data-idle=true]', { timeout });
}

/** CPU seconds the browser's renderer and GPU processes have used so far (on a loaded machine the
 *  wall time is mostly waiting for a core; this is what the work itself costs) */
export async function browserCpu(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer' || p.type === 'GPU').reduce((sum, p) => sum + p.cpuTime, 0);
}
