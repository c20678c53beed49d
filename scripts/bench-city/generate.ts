// `tsx scripts/bench-city/generate.ts [--out file.json] [--seed N] [--communities N] [--facilities N]
// [--nodes N]`: writes the synthetic large city (city.ts) as a project file. Benches call
// benchCityFile(), which keeps one file per generator version and options under tests/output
// (ignored by git), so a second run does not pay the ≈ 10–20 s of generating it again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectToJson } from '../../src/schemas';
import { type BenchCityOptions, type BenchCityStats, generateBenchCity } from './city';

export interface BenchCityFile {
  path: string;
  stats: BenchCityStats & { communities: number; facilities: number; streets: number; bytes: number };
}

export function benchCityFile(opts: BenchCityOptions, dir = 'tests/output/bench-city'): BenchCityFile {
  const source = readFileSync(fileURLToPath(new URL('./city.ts', import.meta.url)), 'utf8');
  const key = createHash('sha256').update(source).update(JSON.stringify(opts)).digest('hex').slice(0, 12);
  const path = join(dir, `city-${key}.json`);
  const statsPath = `${path}.stats`;
  if (existsSync(path) && existsSync(statsPath)) return { path, stats: JSON.parse(readFileSync(statsPath, 'utf8')) };
  mkdirSync(dir, { recursive: true });
  const { stats, ...project } = generateBenchCity(opts);
  const text = JSON.stringify(projectToJson(project));
  writeFileSync(path, text);
  const all = { ...stats, communities: project.communities.length, facilities: project.facilities.length, streets: project.streets.length, bytes: text.length };
  writeFileSync(statsPath, JSON.stringify(all));
  return { path, stats: all };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string): number | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 ? process.argv[outAt + 1] : 'bench-city.json';
  const { stats, ...project } = generateBenchCity({ seed: arg('seed'), communities: arg('communities'), facilities: arg('facilities'), roadNodes: arg('nodes') });
  writeFileSync(out, JSON.stringify(projectToJson(project)));
  console.log(
    `${out}: ${project.communities.length} communities, ${project.facilities.length} facilities, ${project.streets.length} streets, ${stats.roadNodes} road nodes; outline vertices ${JSON.stringify(stats.communityVertices)}, street boundaries ${JSON.stringify(stats.streetVertices)}`,
  );
}
