// Every message key the app's code names exists in both catalogues, and no app code turns data
// into markup (the page runs under a strict CSP and shows names straight from users' files).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACILITY_KINDS } from '../../src/core/model';
import { LANGS, t } from '../../src/i18n';
import { uiEn, uiZh } from '../../src/i18n/ui';
import { LAYER_GROUPS } from '../../src/state/layers';
import { PARAM_LIMITS } from '../../src/state/actions';
import { CIRCLE_GROUPS } from '../../src/service/service-areas';

const APP_DIRS = ['src/ui', 'src/map', 'src/state', 'src/worker'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}
const sources = [...APP_DIRS.flatMap(files), 'src/main.tsx'].map((f) => ({ f, text: readFileSync(f, 'utf8') }));

/** keys built from a variable part: every value the code can put there */
const TEMPLATED = [
  ...['pass', 'fail', 'na', 'none'].map((v) => `ui.status.${v}`),
  ...['area', 'street', 'community', 'facility'].map((v) => `ui.level.${v}`),
  ...LAYER_GROUPS.map((v) => `ui.layer.${v}`),
  ...CIRCLE_GROUPS.map((v) => `ui.circle.${v}`),
  ...['starting', 'loading', 'analysing', 'ready', 'error'].map((v) => `ui.phase.${v}`),
  ...['demo', 'pmtiles-file', 'pmtiles-url', 'tiles-url', 'none'].map((v) => `ui.basemap.${v}`),
  ...['onsite', 'catchment'].map((v) => `ui.view.${v}`),
  ...['straight', 'network'].map((v) => `ui.reach.${v}`),
  ...Object.keys(PARAM_LIMITS).map((v) => `ui.param.${v}`),
  ...FACILITY_KINDS.map((k) => `kind.${k}`),
];

describe('app strings', () => {
  it('every literal ui.* key in the code (a prefix ending in a dot is no key) exists in Chinese and English', () => {
    const literal = new Set(sources.flatMap(({ text }) => [...text.matchAll(/'(ui\.[A-Za-z.]*[A-Za-z])'/g)].map((m) => m[1])));
    expect(literal.size).toBeGreaterThan(40); // the scan found the code's keys
    const missing = [...literal, ...TEMPLATED].flatMap((k) => LANGS.filter((l) => t(l, k) === k).map((l) => `${l}:${k}`));
    expect(missing).toEqual([]);
  });

  it('the two UI catalogues have the same keys', () => {
    expect(Object.keys(uiEn).sort()).toEqual(Object.keys(uiZh).sort());
  });

  it('no app code writes markup or evaluates strings', () => {
    const FORBIDDEN = /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|dangerouslySetInnerHTML|\bsetHTML\(|\beval\(|new Function\(/;
    expect(FORBIDDEN.test('el.innerHTML = name')).toBe(true); // the check can fail
    expect(sources.filter(({ text }) => FORBIDDEN.test(text)).map(({ f }) => f)).toEqual([]);
  });
});
