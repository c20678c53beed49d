// The plan's figures and what is derived from them. A missing figure stays missing (never 0);
// population comes from households × persons per household only when it is not given.
import type { Community } from '../model';

/** What the reviewer enters (or a site file's properties give). All optional: each rule says na when it needs one. */
export interface SiteFigures {
  households?: number;
  population?: number;
  /** persons per household, used only when population is missing */
  personsPerHousehold?: number;
  elderly?: number;
  infants?: number;
  /** m² of planned elderly-care floor area (养老服务用房建筑面积) */
  elderlyFloorArea?: number;
  /** m² of planned elderly-care land (养老服务设施用地面积) */
  elderlyLand?: number;
  /** planned elderly-care beds (床位), 0 when the plan states none */
  elderlyBeds?: number;
  /** planned childcare places (托位) */
  childcarePlaces?: number;
  /** m² of planned childcare floor area (托育用房建筑面积) */
  childcareFloorArea?: number;
  /** year the estate is completed; it is the community's builtYear (cf.land.since2013 needs one) */
  year?: number;
}

export const FIGURE_FIELDS = [
  'households',
  'population',
  'personsPerHousehold',
  'elderly',
  'infants',
  'elderlyFloorArea',
  'elderlyLand',
  'elderlyBeds',
  'childcarePlaces',
  'childcareFloorArea',
  'year',
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** Field names for messages in both languages (a message names the field as the reviewer knows it). */
export const FIGURE_LABELS: Record<FigureField, { zh: string; en: string }> = {
  households: { zh: '户数', en: 'households' },
  population: { zh: '人口', en: 'population' },
  personsPerHousehold: { zh: '户均人口', en: 'persons per household' },
  elderly: { zh: '60岁以上人口', en: 'residents 60+' },
  infants: { zh: '0-3岁人口', en: 'children 0–3' },
  elderlyFloorArea: { zh: '养老建筑面积', en: 'elderly-care floor area' },
  elderlyLand: { zh: '养老用地面积', en: 'elderly-care land' },
  elderlyBeds: { zh: '养老床位', en: 'elderly-care beds' },
  childcarePlaces: { zh: '托位', en: 'childcare places' },
  childcareFloorArea: { zh: '托育建筑面积', en: 'childcare floor area' },
  year: { zh: '年份', en: 'year' },
};

/** The message arguments that name a field: its key and its name in each language. */
export function fieldArgs(field: FigureField): { field: string; fieldZh: string; fieldEn: string } {
  return { field, fieldZh: FIGURE_LABELS[field].zh, fieldEn: FIGURE_LABELS[field].en };
}

/**
 * Shaanxi's average household size in the 7th national census (2020): 2.53 persons per family
 * household (家庭户 3597.54 万人 ÷ 1421.13 万户). Source: 陕西省第七次全国人口普查主要数据公报, released by
 * the Shaanxi Provincial Bureau of Statistics on 19 May 2021 (reported by 中国新闻网 and 西部网 the same day).
 * A default only: the reviewer confirms or replaces it, and the report prints which value was used.
 */
export const SHAANXI_PPH = {
  value: 2.53,
  source: {
    zh: '陕西省第七次全国人口普查主要数据公报（陕西省统计局，2021年5月19日）：平均每个家庭户的人口为2.53人',
    en: 'Shaanxi 7th National Population Census main-data communiqué (Shaanxi Bureau of Statistics, 19 May 2021): 2.53 persons per family household',
  },
  url: 'http://news.cnwest.com/lianbo/a/2021/05/19/19688834.html',
} as const;

export type Derivation = 'given' | 'households×pph' | 'areaShare' | 'missing';

export interface DerivedValue {
  value?: number;
  from: Derivation;
  /** the persons per household or the area share used */
  factor?: number;
}

export interface DerivedFigures {
  population: DerivedValue;
  elderly: DerivedValue;
  infants: DerivedValue;
  /** persons per household in force (given, or the Shaanxi default) */
  pph: number;
  pphIsDefault: boolean;
}

/** population = round(households × pph): residents are whole people; .5 rounds up (Math.round). */
export function populationFromHouseholds(households: number, pph: number): number {
  return Math.round(households * pph);
}

/** Share of 60+ (or 0–3) residents among the population of the communities where both are known. */
export function areaShare(communities: readonly Community[], field: 'elderly' | 'infants'): number | undefined {
  let part = 0;
  let whole = 0;
  for (const c of communities) {
    const p = c.population;
    const x = c[field];
    if (p === undefined || x === undefined || p <= 0 || x < 0 || x > p) continue;
    part += x;
    whole += p;
  }
  return whole > 0 ? part / whole : undefined;
}

export function deriveFigures(f: SiteFigures, communities: readonly Community[]): DerivedFigures {
  const pphIsDefault = f.personsPerHousehold === undefined;
  const pph = f.personsPerHousehold ?? SHAANXI_PPH.value;
  let population: DerivedValue = { from: 'missing' };
  if (f.population !== undefined) population = { value: f.population, from: 'given' };
  else if (f.households !== undefined) population = { value: populationFromHouseholds(f.households, pph), from: 'households×pph', factor: pph };
  const part = (field: 'elderly' | 'infants'): DerivedValue => {
    const given = f[field];
    if (given !== undefined) return { value: given, from: 'given' };
    const share = areaShare(communities, field);
    if (population.value === undefined || share === undefined) return { from: 'missing' };
    return { value: Math.round(population.value * share), from: 'areaShare', factor: share };
  };
  return { population, elderly: part('elderly'), infants: part('infants'), pph, pphIsDefault };
}

/** Figures that cannot be right, as message keys naming the field (the site is then that site's problem). */
export function figureProblems(f: SiteFigures): { field: FigureField; key: string }[] {
  const out: { field: FigureField; key: string }[] = [];
  for (const k of FIGURE_FIELDS) {
    const v = f[k];
    if (v === undefined) continue;
    if (!Number.isFinite(v)) out.push({ field: k, key: 'site.fig.notNumber' });
    else if (v < 0) out.push({ field: k, key: 'site.fig.negative' });
  }
  if (f.personsPerHousehold !== undefined && f.personsPerHousehold > 0 && (f.personsPerHousehold < 1 || f.personsPerHousehold > 10))
    out.push({ field: 'personsPerHousehold', key: 'site.fig.pphRange' });
  if (f.personsPerHousehold === 0) out.push({ field: 'personsPerHousehold', key: 'site.fig.pphRange' });
  if (f.year !== undefined && (f.year < 1949 || f.year > 2100 || !Number.isInteger(f.year))) out.push({ field: 'year', key: 'site.fig.year' });
  if (f.population !== undefined && f.households !== undefined && f.households > f.population && f.population > 0)
    out.push({ field: 'households', key: 'site.fig.householdsOverPopulation' });
  return out;
}
