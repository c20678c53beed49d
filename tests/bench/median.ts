// Time a function several times and keep the median (one slow run from GC should not decide).
export async function median(fn: () => unknown | Promise<unknown>, runs = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Wall and CPU time (the process's user + system) of each of `runs` runs of `fn`, in ms. */
export function samples(fn: () => unknown, runs: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

/** the middle value (upper middle of an even count) */
export const middle = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Median wall time and the process's CPU time per run (user + system, ms): on a machine shared
 *  with other jobs the CPU time says what the code costs, the wall time what it waited as well. */
export async function medianWithCpu(fn: () => unknown | Promise<unknown>, runs = 7): Promise<{ ms: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const ms = await median(fn, runs);
  const c = process.cpuUsage(c0);
  return { ms, cpu: (c.user + c.system) / 1000 / runs };
}
