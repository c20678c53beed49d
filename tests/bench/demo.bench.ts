// The demo-area generator: size 1 (the committed data) as the baseline, size 40 (the benchmark city:
// ≥ 10 000 communities and ≥ 200 000 road nodes, checked here) against it in the same process.
import { generateCity } from '../../scripts/demo/city';
import type { BenchRow } from './run';
import { median } from './median';

export default async function (): Promise<BenchRow[]> {
  const t0 = performance.now();
  const small = generateCity({ size: 1 }); // also reads the packages and cuts the streets once
  const setup = performance.now() - t0;
  const base = await median(() => generateCity({ size: 1 }), 5);
  let big = generateCity({ size: 1 });
  const t1 = performance.now();
  big = generateCity({ size: 40 });
  const bigMs = performance.now() - t1;
  if (big.communities.length < 10_000 || big.roadNodes < 200_000) {
    throw new Error(`size 40 made ${big.communities.length} communities and ${big.roadNodes} road nodes; the benchmarks need ≥ 10 000 and ≥ 200 000`);
  }
  const perCommunity = bigMs / big.communities.length / (base / small.communities.length);
  return [
    { name: 'demo: first generateCity (reads packages, cuts streets)', ms: setup, note: `${small.communities.length} communities` },
    { name: 'demo: generateCity size 1', ms: base, note: `${small.communities.length} communities, ${small.roadNodes} road nodes` },
    {
      name: 'demo: generateCity size 40',
      ms: bigMs,
      baseline: { name: 'size 1', ms: base },
      note: `${big.communities.length} communities, ${big.facilities.length} facilities, ${big.roads.length} roads, ${big.roadNodes} road nodes; ${perCommunity.toFixed(2)}× the size-1 time per community`,
    },
  ];
}
