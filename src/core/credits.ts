// Credits the data itself asks for. OpenStreetMap data (ODbL) must be attributed wherever it is
// shown; importers record the licence text in each feature's `source` (roads) or `extra.source`.
// Only licence-bearing texts count: a spreadsheet's "source: 民政局" column is data, not a credit.
import type { Layers } from './model';

const LICENCE = /©|\(c\)|ODbL|OpenStreetMap|CC[ -]BY|版权/i;

export function dataCredits(layers: Partial<Layers>): string[] {
  const found = new Set<string>();
  const take = (v: unknown) => {
    if (typeof v === 'string' && LICENCE.test(v)) found.add(v.trim());
  };
  for (const r of layers.roads ?? []) take(r.source);
  for (const l of [layers.communities, layers.facilities, layers.streets]) for (const f of l ?? []) take(f.extra.source);
  return [...found].sort();
}
