// Pure: what happened to each community's verdict from A to B (better / worse / same), for the
// overall verdict or one rule, and the compare maps' layer drawing it. Both maps show the same
// classes, so the eye reads change instead of two all-red maps (most communities fail some rule).
import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Community, Status } from '../../core/model';
import { DOTS_UNTIL_ZOOM } from '../../map/layers';
import { communityDots } from '../../map/features';
import { CHANGE_COLOURS } from '../../map/theme';
import { worst, type Verdict } from '../../core/report/verdicts';

export type Change = 'better' | 'worse' | 'same';

export interface ChangeSide {
  /** [community id, rule key, status] on the on-site view */
  communityRules: readonly (readonly [string, string, Status])[];
}

/** fail < cannot assess / no rule < pass: moving up is better */
const RANK: Record<Verdict, number> = { fail: 0, na: 1, none: 1, pass: 2 };

/** Verdict per community for one rule key, or the worst over all rules when rule is null. */
export function communityVerdicts(side: ChangeSide, rule: string | null): Map<string, Verdict> {
  const grouped = new Map<string, Status[]>();
  for (const [id, key, status] of side.communityRules) {
    if (rule !== null && key !== rule) continue;
    const list = grouped.get(id);
    if (list) list.push(status);
    else grouped.set(id, [status]);
  }
  return new Map([...grouped].map(([id, list]) => [id, worst(list)]));
}

/** Change per community the rule applies to on either side (others are left out). */
export function changes(a: ChangeSide, b: ChangeSide, rule: string | null): Map<string, Change> {
  const va = communityVerdicts(a, rule);
  const vb = communityVerdicts(b, rule);
  const out = new Map<string, Change>();
  for (const id of new Set([...va.keys(), ...vb.keys()])) {
    const d = RANK[vb.get(id) ?? 'none'] - RANK[va.get(id) ?? 'none'];
    out.set(id, d > 0 ? 'better' : d < 0 ? 'worse' : 'same');
  }
  return out;
}

export function changeCounts(ch: ReadonlyMap<string, Change>): Record<Change, number> {
  const n: Record<Change, number> = { better: 0, worse: 0, same: 0 };
  for (const c of ch.values()) n[c] += 1;
  return n;
}

export const CHANGE_SOURCE = 'a-compare-change';

type ChangeProps = { id: string; change: Change; dot: boolean };

/** Communities (outline or point) plus one dot each for district zoom, with their change. */
export function changeFeatures(communities: readonly Community[], ch: ReadonlyMap<string, Change>): FeatureCollection<Polygon | MultiPolygon | Point, ChangeProps> {
  const shown = communities.filter((c) => ch.has(c.id));
  const props = (id: string, dot: boolean): ChangeProps => ({ id, change: ch.get(id) ?? 'same', dot });
  const areas: Feature<Polygon | MultiPolygon | Point, ChangeProps>[] = shown.map((c) => ({ type: 'Feature', geometry: c.geometry, properties: props(c.id, false) }));
  const dots = communityDots(shown.filter((c) => c.geometry.type !== 'Point')).features.map(
    (f): Feature<Point, ChangeProps> => ({ type: 'Feature', geometry: f.geometry, properties: props(f.properties.id, true) }),
  );
  return { type: 'FeatureCollection', features: [...areas, ...dots] };
}

const colour = ['match', ['get', 'change'], 'better', CHANGE_COLOURS.better, 'worse', CHANGE_COLOURS.worse, CHANGE_COLOURS.same] as ExpressionSpecification;
const changed: ExpressionSpecification = ['!=', ['get', 'change'], 'same'];
const isArea: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];

function dotLayer(id: string, which: ExpressionSpecification): LayerSpecification {
  return {
    id,
    type: 'circle',
    source: CHANGE_SOURCE,
    filter: ['all', ['==', ['geometry-type'], 'Point'], which],
    paint: {
      'circle-color': colour,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, ['case', changed, 4.5, 2.5], 12, ['case', changed, 8, 5]],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': ['case', changed, 1.2, 0.5],
    },
  };
}

/** Drawn under the facility markers (MapView.setExtra's `under`), in place of the verdict fill. */
export const CHANGE_LAYERS: LayerSpecification[] = [
  {
    id: 'a-compare-change-fill',
    type: 'fill',
    source: CHANGE_SOURCE,
    filter: isArea,
    paint: { 'fill-color': colour, 'fill-opacity': ['case', changed, 0.75, 0.35] },
  },
  {
    id: 'a-compare-change-line',
    type: 'line',
    source: CHANGE_SOURCE,
    filter: isArea,
    paint: { 'line-color': ['case', changed, colour, '#ffffff'], 'line-width': ['case', changed, 2, 0.6] },
  },
  dotLayer('a-compare-change-point', ['!', ['get', 'dot']]),
  // one dot per area community while areas are specks
  { ...dotLayer('a-compare-change-dot', ['get', 'dot']), maxzoom: DOTS_UNTIL_ZOOM },
];
