// Independent exact optimum for small coverage instances, written for the tests (and the bench):
// try every selection of sites within the limits and, for each, compute the most weight it can
// serve when demand may be split freely between the open sites — a max flow
// source → demand (weight) → site (reach, unbounded) → sink (capacity), by Edmonds–Karp.
// It shares no code with src/core/suggest.
export interface SmallInstance {
  weights: number[];
  /** reach[j] = demand indices candidate j reaches */
  reach: number[][];
  /** per candidate; Infinity = uncapacitated */
  capacity: number[];
  cost: number[];
}

export function maxServed(inst: SmallInstance, open: number[]): number {
  const n = inst.weights.length;
  const S = 0;
  const T = 1 + n + open.length;
  const size = T + 1;
  const cap: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const big = inst.weights.reduce((a, b) => a + b, 0) + 1;
  inst.weights.forEach((w, i) => (cap[S][1 + i] = w));
  open.forEach((j, t) => {
    for (const i of inst.reach[j]) cap[1 + i][1 + n + t] = big;
    cap[1 + n + t][T] = Math.min(inst.capacity[j], big);
  });
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(size).fill(-1);
    prev[S] = S;
    const queue = [S];
    while (queue.length && prev[T] < 0) {
      const u = queue.shift() as number;
      for (let v = 0; v < size; v++)
        if (prev[v] < 0 && cap[u][v] > 1e-12) {
          prev[v] = u;
          queue.push(v);
        }
    }
    if (prev[T] < 0) return flow;
    let push = Infinity;
    for (let v = T; v !== S; v = prev[v]) push = Math.min(push, cap[prev[v]][v]);
    for (let v = T; v !== S; v = prev[v]) {
      cap[prev[v]][v] -= push;
      cap[v][prev[v]] += push;
    }
    flow += push;
  }
}

/** Best selection by exhaustive search over all subsets of at most maxSites sites within budget. */
export function exhaustiveOptimum(inst: SmallInstance, maxSites: number, budget?: number): { value: number; sites: number[] } {
  const m = inst.reach.length;
  let best = { value: 0, sites: [] as number[] };
  const chosen: number[] = [];
  const visit = (start: number, spent: number) => {
    const v = maxServed(inst, chosen);
    if (v > best.value + 1e-9) best = { value: v, sites: [...chosen] };
    if (chosen.length === maxSites) return;
    for (let j = start; j < m; j++) {
      if (budget !== undefined && spent + inst.cost[j] > budget) continue;
      chosen.push(j);
      visit(j + 1, spent + inst.cost[j]);
      chosen.pop();
    }
  };
  visit(0, 0);
  return best;
}
