// `npm run bench`: runs every tests/bench/*.bench.ts. Each exports a default async function that
// returns rows; speed is reported as ratios against a baseline measured in the same process.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchRow {
  name: string;
  /** median milliseconds */
  ms: number;
  /** the baseline it is compared with, measured in this run */
  baseline?: { name: string; ms: number };
  note?: string;
}

const only = process.argv.slice(2);
const dir = 'tests/bench';
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))));
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default: () => Promise<BenchRow[]> };
  console.log(`\n## ${f}`);
  for (const r of await mod.default()) {
    const ratio = r.baseline ? `  ${(r.baseline.ms / r.ms).toFixed(1)}× faster than ${r.baseline.name} (${r.baseline.ms.toFixed(1)} ms)` : '';
    console.log(`${r.name.padEnd(60)} ${r.ms.toFixed(2).padStart(10)} ms${ratio}${r.note ? `  — ${r.note}` : ''}`);
  }
}
