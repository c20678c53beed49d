// `npm run demo -- [--size N] [--seed S] [--out DIR]`: writes the embedded demo area.
//   --size  multiplies the city (N× communities, denser roads) for benchmarks; default 1
//   --seed  PRNG seed; default 2020 (the committed data/demo uses it)
//   --out   output folder; default data/demo
//   --shapes  irregular (curved streets, 20–200-vertex blocks; the default) or grid (the old square blocks and 9-point villages, for comparison)
//   --population  residents at size 1; default 1590000 (2020 census, whole district; 1090000 without the development zones)
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generateCity } from './city';
import { writeCity } from './output';
import { CENSUS_POPULATION } from './population';
import { errorMessage } from '../../src/core/errors';

function wholeNumber(name: string, text: string, min: number): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${text}"`);
  return v;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '1' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      out: { type: 'string', default: 'data/demo' },
      population: { type: 'string', default: String(CENSUS_POPULATION) },
      shapes: { type: 'string', default: 'irregular' },
    },
  });
  const size = wholeNumber('size', values.size, 1);
  const seed = wholeNumber('seed', values.seed, 0);
  const population = wholeNumber('population', values.population, 10_000);
  const shapes = values.shapes;
  if (shapes !== 'grid' && shapes !== 'irregular') throw new Error(`--shapes must be grid or irregular, got "${shapes}"`);
  const t0 = performance.now();
  const city = generateCity({ seed, size, population, shapes });
  const t1 = performance.now();
  const written = writeCity(city, values.out);
  console.log(
    `demo area (seed ${seed}, size ${size}): ${city.communities.length} communities, ${city.facilities.length} facilities, ` +
      `${city.streets.length} streets, ${city.roads.length} roads with ${city.roadNodes} nodes; generated in ${((t1 - t0) / 1000).toFixed(1)} s`,
  );
  for (const w of written) console.log(`  ${w.file}  ${(w.bytes / 1024).toFixed(0)} KiB`);
}

try {
  main();
} catch (e) {
  console.error(`npm run demo: ${errorMessage(e)}`);
  process.exit(1);
}
