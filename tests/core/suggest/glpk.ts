// A second, independent exact solver: the same problem as a mixed-integer programme solved by
// GLPK's glpsol (Debian package glpk-utils). Tests that use it skip, saying so, when glpsol is absent.
//   max Σ y_ij   s.t.  Σ_j y_ij ≤ w_i;  y_ij ≤ w_i·x_j;  Σ_i y_ij ≤ U_j·x_j (capacitated sites);
//                     Σ x_j ≤ k;  Σ c_j x_j ≤ B;  y ≥ 0;  x binary
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SmallInstance } from './exact';

export function glpsolPath(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v glpsol'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

export function toCplexLp(inst: SmallInstance, maxSites: number, budget?: number): string {
  const pairs: [number, number][] = [];
  inst.reach.forEach((row, j) => row.forEach((i) => pairs.push([i, j])));
  const y = ([i, j]: [number, number]) => `y_${i}_${j}`;
  const lines: string[] = ['Maximize', ` obj: ${pairs.length ? pairs.map(y).join(' + ') : '0 x_0'}`, 'Subject To'];
  inst.weights.forEach((w, i) => {
    const mine = pairs.filter((p) => p[0] === i);
    if (mine.length) lines.push(` d_${i}: ${mine.map(y).join(' + ')} <= ${w}`);
  });
  for (const p of pairs) lines.push(` l_${p[0]}_${p[1]}: ${y(p)} - ${inst.weights[p[0]]} x_${p[1]} <= 0`);
  inst.reach.forEach((row, j) => {
    if (Number.isFinite(inst.capacity[j]) && row.length) lines.push(` c_${j}: ${row.map((i) => y([i, j])).join(' + ')} - ${inst.capacity[j]} x_${j} <= 0`);
  });
  lines.push(` k: ${inst.reach.map((_, j) => `x_${j}`).join(' + ')} <= ${maxSites}`);
  if (budget !== undefined) lines.push(` b: ${inst.reach.map((_, j) => `${inst.cost[j]} x_${j}`).join(' + ')} <= ${budget}`);
  lines.push('Binary', ...inst.reach.map((_, j) => ` x_${j}`), 'End');
  return `${lines.join('\n')}\n`;
}

/** Optimal served weight according to glpsol. */
export function glpkOptimum(inst: SmallInstance, maxSites: number, budget?: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'suggest-glpk-'));
  try {
    const lp = join(dir, 'model.lp');
    const out = join(dir, 'solution.txt');
    writeFileSync(lp, toCplexLp(inst, maxSites, budget));
    const r = spawnSync('glpsol', ['--lp', lp, '-o', out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`glpsol failed: ${r.stdout}\n${r.stderr}`);
    const text = readFileSync(out, 'utf8');
    if (!/Status:\s+INTEGER OPTIMAL/.test(text)) throw new Error(`glpsol did not prove optimality:\n${text.slice(0, 400)}`);
    const m = /Objective:\s+obj = ([-\d.e+]+)/.exec(text);
    if (!m) throw new Error(`no objective in glpsol output:\n${text.slice(0, 400)}`);
    return Number(m[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
