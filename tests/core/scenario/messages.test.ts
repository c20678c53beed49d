// Every message key the scenario core (and its file readers in src/schemas/scenario.ts) can produce exists in Chinese and English.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioEn, scenarioZh } from '../../../src/i18n/scenario';
import { CAPACITY_FIELDS } from '../../../src/core/scenario/ops';
import { COST_MODES } from '../../../src/core/scenario/cost';

const dir = 'src/core/scenario';
function sources(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(d, e.name)) : e.name.endsWith('.ts') && e.name !== 'messages.ts' ? [join(d, e.name)] : [],
  );
}

describe('scenario messages', () => {
  it('zh and en have the same keys', () => {
    expect(Object.keys(scenarioEn).sort()).toEqual(Object.keys(scenarioZh).sort());
  });

  it('every literal key in the code is in the catalogue', () => {
    const used = new Set([...sources(dir), 'src/schemas/scenario.ts'].flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'(scenario\.[a-zA-Z.]+)'/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((k) => !(k in scenarioZh))).toEqual([]);
  });

  it('every built key (per layer, field, kind) is in the catalogue', () => {
    const built = [
      ...['communities', 'facilities', 'streets', 'roads'].map((l) => `scenario.error.missing.${l}`),
      ...['communities', 'facilities'].map((l) => `scenario.error.exists.${l}`),
      ...CAPACITY_FIELDS.map((f) => `scenario.edit.setCapacity.${f}`),
      ...['bed', 'place'].map((k) => `scenario.cost.noRate.${k}`),
      ...['elderly', 'childcare'].map((k) => `scenario.kpi.covered.${k}`),
    ];
    expect(built.filter((k) => !(k in scenarioZh))).toEqual([]);
    expect(COST_MODES).toHaveLength(4);
  });

  it('placeholders match between zh and en', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = Object.keys(scenarioZh).filter((k) => names(scenarioZh[k]).join() !== names(scenarioEn[k] ?? '').join());
    expect(mismatched).toEqual([]);
  });
});
