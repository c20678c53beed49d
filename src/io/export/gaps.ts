// Gaps as GeoJSON for GIS: communities (streets, facilities) failing each rule, communities whose
// residents lie outside each service circle, and the service areas themselves when given.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { CircleCoverage, Evaluation } from '../../core/evaluate';
import type { Layers } from '../../core/model';
import { ruleFor } from '../../core/report';
import { t, type Lang } from '../../i18n';

export interface ServiceArea {
  /** 'elderly' | 'childcare' */
  circle: string;
  /** facility id whose area this is, if per facility */
  facility?: string;
  geometry: Polygon | MultiPolygon;
}

export type GapProps = Record<string, string | number | null>;

/**
 * Every feature has `gap`: 'rule' (a unit failing a rule), 'outside' (a community outside a
 * circle) or 'service_area'. Area-level failures have no geometry of their own and are left to
 * the tables. Inputs are not changed.
 */
export function gapsGeoJSON(
  ev: Pick<Evaluation, 'results' | 'coverage'>,
  layers: Layers,
  lang: Lang,
  serviceAreas: ServiceArea[] = [],
  ruleName: (r: { rule: string; part?: string }) => string = (r) => ruleFor(r)?.name[lang] ?? r.rule,
): FeatureCollection<Geometry, GapProps> {
  const geom = new Map<string, Geometry>();
  for (const c of layers.communities) geom.set(`community:${c.id}`, c.geometry);
  for (const s of layers.streets) geom.set(`street:${s.id}`, s.geometry);
  for (const f of layers.facilities) geom.set(`facility:${f.id}`, f.geometry);
  const features: Feature<Geometry, GapProps>[] = [];
  for (const r of ev.results) {
    if (r.status !== 'fail') continue;
    const g = geom.get(`${r.unit.level}:${r.unit.id}`);
    if (!g) continue;
    features.push({
      type: 'Feature',
      geometry: g,
      properties: {
        gap: 'rule',
        label: t(lang, 'io.export.gap.rule', { rule: ruleName(r) }),
        rule: r.part ? `${r.rule}:${r.part}` : r.rule,
        level: r.unit.level,
        id: r.unit.id,
        name: r.unit.name ?? null,
        value: r.value,
        threshold: r.threshold,
        measure: r.measure,
        shortfall: r.shortfall,
        view: r.view ?? null,
      },
    });
  }
  const byId = new Map(layers.communities.map((c) => [c.id, c]));
  for (const cov of ev.coverage as CircleCoverage[]) {
    for (const id of cov.outside) {
      const c = byId.get(id);
      if (!c) continue;
      features.push({
        type: 'Feature',
        geometry: c.geometry,
        properties: {
          gap: 'outside',
          label: t(lang, 'io.export.gap.outside', { circle: t(lang, `cli.circle.${cov.circle}`) }),
          circle: cov.circle,
          id,
          name: c.name,
          population: c.population ?? null,
          elderly: c.elderly ?? null,
          infants: c.infants ?? null,
        },
      });
    }
  }
  for (const a of serviceAreas) features.push({ type: 'Feature', geometry: a.geometry, properties: { gap: 'service_area', circle: a.circle, facility: a.facility ?? null } });
  return { type: 'FeatureCollection', features };
}

/**
 * One collection per rule, per circle and for the service areas, keyed "rule:<id>",
 * "outside:<circle>" and "service_area:<circle>", for a GIS user who wants one file (or one
 * layer) per gap. Features are shared, not copied.
 */
export function splitGaps(fc: FeatureCollection<Geometry, GapProps>): Record<string, FeatureCollection<Geometry, GapProps>> {
  const out: Record<string, FeatureCollection<Geometry, GapProps>> = {};
  for (const f of fc.features) {
    const p = f.properties;
    const key = p.gap === 'rule' ? `rule:${String(p.rule)}` : `${String(p.gap)}:${String(p.circle)}`;
    (out[key] ??= { type: 'FeatureCollection', features: [] }).features.push(f);
  }
  return out;
}
