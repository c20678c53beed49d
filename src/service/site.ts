// Site check (新建住宅项目) for the page and the command line: reading site outlines from the files
// planners have (GeoJSON, zipped Shapefile with .prj, KML/KMZ, DXF, CSV/XLSX with a WKT column),
// mapping their properties (Chinese aliases) to the plan's figures, running the core site check
// and turning the result into export tables. Pure functions on bytes: Node and the worker alike.
import '../i18n/site'; // its strings: loaded with this code, not with the page
import { docLabel } from '../core/rules/profiles/documents';
import type { Geometry } from 'geojson';
import type { Evaluation } from '../core/evaluate';
import { areaM2 } from '../core/geo';
import type { AreaInfo, Layers, Msg } from '../core/model';
import { resolveParams, type Params } from '../core/params';
import { reachMetres, roundApart, ruleFor } from '../core/report';
import { reasonText } from '../i18n/report-rows';
import { checkSite, fieldArgs, type FigureField, type SiteCheck, type SiteCheckOutcome, type SiteFigures, type SiteInput, FIGURE_FIELDS } from '../core/site';
import { t, tm, type Lang } from '../i18n';
import type { Sidecars } from '../io/read';
import { readFileLazy } from '../io/read-lazy';
import { normalizeName } from '../io/fields';
import type { CellValue, ExportTable, HeaderBlock } from '../io/export/table';
import type { CrsInfo } from '../io/types';
import { SITE_FIELDS } from '../schemas/fields';
import type { ReachSource } from './reach';

/** One outline found in a file: a site of a batch, or a candidate the reviewer picks (DXF boundary). */
export interface SiteCandidate {
  layer: string;
  /** feature number in its layer (1-based) or spreadsheet row */
  number: number;
  areaM2: number;
  /** DXF: the text inside the polyline; other files: the name property */
  label?: string;
  input: SiteInput;
  /** property values that are not numbers, named */
  problems: Msg[];
}

export type SiteFileRead =
  | { ok: true; file: string; candidates: SiteCandidate[]; crs: CrsInfo[]; notes: Msg[] }
  | { ok: false; file: string; error: Msg /** the coordinate system is missing or wrong: offer a choice */; crsNeeded: boolean };

const ALIASES: [keyof typeof SITE_FIELDS, string[]][] = (Object.entries(SITE_FIELDS) as [keyof typeof SITE_FIELDS, readonly string[]][]).map(([k, a]) => [k, a.map(normalizeName)]);

/** "1,200" / "1 200" / 1200 → 1200; '' and null → undefined; anything else → NaN (reported). */
function numberOf(v: unknown): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const s = v.trim().replace(/[,，\s]/g, '');
    if (s === '') return undefined;
    return /^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
  }
  return NaN;
}

/** A feature's properties → id, name and figures; values that are not numbers are named as problems. */
export function figuresFrom(props: Record<string, unknown>, where: string): { id?: string; name?: string; figures: SiteFigures; problems: Msg[] } {
  const out: { id?: string; name?: string; figures: SiteFigures; problems: Msg[] } = { figures: {}, problems: [] };
  const byField = new Map<string, unknown>();
  for (const [col, v] of Object.entries(props)) {
    const n = normalizeName(col);
    const hit = ALIASES.find(([, al]) => al.includes(n));
    if (hit && !byField.has(hit[0])) byField.set(hit[0], v);
  }
  for (const [field, v] of byField) {
    if (field === 'id' || field === 'name') {
      if (v !== null && v !== undefined && String(v).trim() !== '') out[field] = String(v).trim();
      continue;
    }
    const x = numberOf(v);
    if (x === undefined) continue;
    if (Number.isNaN(x)) out.problems.push({ key: 'site.fig.notNumber', args: { site: where, ...fieldArgs(field as FigureField), value: String(v) } });
    else out.figures[field as keyof SiteFigures] = x;
  }
  return out;
}

/** Reads a site file. Every polygon is a candidate, in file order; nothing else is (points and open
 *  lines are skipped). The page lists them largest first: a red line is the biggest closed polyline. */
export async function readSiteFile(name: string, bytes: Uint8Array | ArrayBuffer, opts: { crs?: string; layers?: string[] } = {}, sidecars: Sidecars = {}): Promise<SiteFileRead> {
  // the format's reader loads on first use (io/read-lazy.ts)
  const r = await readFileLazy(name, bytes, { ...(opts.crs ? { crs: opts.crs } : {}), ...(opts.layers ? { layers: opts.layers } : {}) }, sidecars);
  if (!r.ok) return { ok: false, file: name, error: r.error, crsNeeded: /crs|prj/i.test(r.error.key) };
  const candidates: SiteCandidate[] = [];
  for (const layer of r.layers) {
    for (const f of layer.features) {
      const g = f.geometry as Geometry | null;
      if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
      const where = `${name} ${layer.name} #${f.number}`;
      const p = figuresFrom(f.properties, where);
      const label = typeof f.properties.label === 'string' ? f.properties.label : p.name;
      let area = 0;
      try {
        area = areaM2(g);
      } catch {
        area = 0;
      }
      candidates.push({
        layer: layer.name,
        number: f.number,
        areaM2: area,
        ...(label ? { label } : {}),
        input: { ...(p.id ? { id: p.id } : {}), name: p.name ?? label ?? `${layer.name} #${f.number}`, geometry: g, figures: p.figures, source: name },
        problems: p.problems,
      });
    }
  }
  if (candidates.length === 0) {
    const kinds = [...new Set(r.layers.flatMap((l) => l.features.map((f) => f.geometry?.type ?? 'null')))].join(', ') || '—';
    return {
      ok: false,
      file: name,
      error: { key: 'site.err.noPolygonInFile', args: { file: name, layers: r.layers.map((l) => l.name).join(', ') || '—', kinds } },
      crsNeeded: false,
    };
  }
  return { ok: true, file: name, candidates, crs: r.layers.map((l) => l.crs), notes: r.layers.flatMap((l) => l.notes) };
}

export interface SiteRequest {
  input: SiteInput;
  profiles: string[];
  params: Partial<Params>;
  /** ISO date from the page's clock */
  date?: string;
}

/** The worker's site methods, spread into the analysis session (session.ts); they share its loaded data and reach cache. */
export function createSiteApi(deps: ReachSource & { layers: () => (Layers & { area: AreaInfo }) | null }) {
  const getData = deps.layers;
  // the area's own evaluations per profile, kept while the data and parameters stay the same
  const before = new Map<string, Evaluation>();
  let beforeData: unknown = null;
  let beforeParams = '';
  return {
    /** Checks one site against the loaded area (src/core/site). */
    checkSite(req: SiteRequest): SiteCheckOutcome {
      const data = getData();
      if (!data) throw new Error('checkSite() called before load(): load a project first');
      const params = resolveParams(req.params);
      const choice = deps.reach(params, data.roads);
      const stamp = JSON.stringify(params);
      if (beforeData !== data || beforeParams !== stamp) {
        before.clear();
        beforeData = data;
        beforeParams = stamp;
      }
      return checkSite(
        data,
        req.input,
        { profiles: req.profiles, params: req.params, ...(choice.engine ? { reach: choice.engine } : {}), ...(req.date ? { date: req.date } : {}) },
        before,
      );
    },
    /** Reads a site outline file; the page then lets the reviewer pick one candidate. */
    readSiteFile(name: string, bytes: Uint8Array | ArrayBuffer, opts: { crs?: string; layers?: string[] } = {}): Promise<SiteFileRead> {
      return readSiteFile(name, bytes, opts);
    },
    /** The report as an XLSX workbook (SheetJS stays in the worker, out of the page bundle, and
     *  loads with the first workbook). */
    async siteXlsx(check: SiteCheck, lang: Lang, date: string): Promise<Uint8Array> {
      const { toXlsx } = await import('../io/export/table');
      const area = getData()?.area.name ?? '';
      return toXlsx(siteTables([check], lang), siteHeader([check], lang, area, date));
    },
  };
}

// ---- export tables (XLSX / CSV) with Chinese headers by default ----

const fmt = (v: number | null | undefined, digits = 2): CellValue => (v === null || v === undefined ? null : Math.round(v * 10 ** digits) / 10 ** digits);
const isShare = (measure: string) => measure === 'share' || measure === 'share_of_elderly';
/** A value cell: shares in per cent (88.3, not 0.883), rounded, but a failing value never onto its threshold. */
const shown = (v: number | null | undefined, threshold: number | null, status: string, measure: string, digits = 3): CellValue => {
  if (v === null || v === undefined) return null;
  const k = isShare(measure) ? 100 : 1;
  return roundApart(v * k, isShare(measure) ? 1 : digits, threshold === null ? null : threshold * k, status === 'fail');
};
const measureText = (lang: Lang, measure: string): string => `${t(lang, `measure.${measure}`)}${isShare(measure) ? ' (%)' : ''}`;

/** Header block: date, profile(s), parameters, persons per household and its source, data sources. */
export function siteHeader(checks: SiteCheck[], lang: Lang, area: string, date: string): HeaderBlock {
  const c = checks[0];
  const rows: HeaderBlock = [
    [t(lang, 'site.x.title'), area],
    [t(lang, 'site.x.date'), date],
    [t(lang, 'site.x.profiles'), c ? c.profiles.map((p) => `${p.profile} ${p.name[lang]}`).join('; ') : ''],
  ];
  if (c) {
    for (const [k, v] of Object.entries(c.params))
      if (v !== undefined) rows.push([t(lang, 'site.x.param', { name: k }), typeof v === 'object' ? JSON.stringify(v) : (v as CellValue)]);
    rows.push([t(lang, 'site.x.pph'), `${c.site.derived.pph}${c.site.derived.pphIsDefault ? ` (${t(lang, 'site.pph.default')})` : ''}`]);
  }
  rows.push([t(lang, 'site.x.pphSource'), t(lang, 'site.pph.source')]);
  rows.push([t(lang, 'site.x.spareMethod'), t(lang, 'site.spare.method')]);
  return rows;
}

export function siteTables(checks: SiteCheck[], lang: Lang, failures: { site: string; error: Msg }[] = []): ExportTable[] {
  const col = (key: string) => ({ key, header: t(lang, `site.col.${key}`) });
  const req: ExportTable = {
    name: t(lang, 'site.sheet.requirements'),
    columns: [
      'site',
      'siteName',
      'profile',
      'rule',
      'ruleName',
      'status',
      'value',
      'threshold',
      'measure',
      'required',
      'requiredMax',
      'provided',
      'shortfall',
      'note',
      'document',
      'clause',
      'text',
    ].map(col),
    rows: [],
  };
  const reach: ExportTable = {
    name: t(lang, 'site.sheet.reach'),
    columns: ['site', 'circle', 'limit', 'facility', 'facilityName', 'distance', 'capacity', 'catchmentNeed', 'spare'].map(col),
    rows: [],
  };
  const eff: ExportTable = {
    name: t(lang, 'site.sheet.effects'),
    columns: ['site', 'profile', 'rule', 'ruleName', 'unit', 'before', 'after', 'statusBefore', 'statusAfter', 'measure', 'threshold', 'clause'].map(col),
    rows: [],
  };
  const sites: ExportTable = {
    name: t(lang, 'site.sheet.sites'),
    columns: ['site', 'siteName', 'source', 'area', ...FIGURE_FIELDS, 'populationUsed', 'populationFrom', 'street', 'problem'].map(col),
    rows: [],
  };
  for (const c of checks) {
    const s = c.site;
    sites.rows.push({
      site: s.id,
      siteName: s.name,
      source: s.source ?? null,
      area: fmt(s.areaM2, 0),
      ...Object.fromEntries(FIGURE_FIELDS.map((k) => [k, s.figures[k] ?? null])),
      populationUsed: s.derived.population.value ?? null,
      populationFrom: t(lang, `site.from.${s.derived.population.from}`),
      street: s.street?.name ?? null,
      problem: null,
    });
    for (const p of c.profiles) {
      for (const q of [...p.requirements, ...p.circle.map((r) => ({ result: r }))] as {
        result: SiteCheck['profiles'][0]['circle'][0];
        required?: number;
        requiredMax?: number;
        provided?: number;
      }[]) {
        const r = q.result;
        req.rows.push({
          site: s.id,
          siteName: s.name,
          profile: p.profile,
          rule: r.part ? `${r.rule}:${r.part}` : r.rule,
          ruleName: ruleFor(r)?.name[lang] ?? r.rule,
          status: t(lang, `status.${r.status}`),
          value: shown(r.value, r.threshold, r.status, r.measure),
          threshold: shown(r.threshold, null, 'pass', r.measure),
          measure: measureText(lang, r.measure),
          required: fmt(q.required, 1),
          requiredMax: fmt(q.requiredMax, 1),
          provided: q.provided === undefined ? null : roundApart(q.provided, 1, q.required, r.status === 'fail'),
          shortfall: fmt(r.shortfall, 1),
          note: r.reason ? reasonText(r.reason, lang) : null,
          document: r.citation.document,
          clause: r.citation.clause,
          text: r.citation.text,
        });
      }
      for (const e of p.effects) {
        eff.rows.push({
          site: s.id,
          profile: p.profile,
          rule: e.part ? `${e.rule}:${e.part}` : e.rule,
          ruleName: ruleFor(e)?.name[lang] ?? e.rule,
          unit: e.unit.name ?? e.unit.id,
          before: e.before ? shown(e.before.value, e.threshold, e.before.status, e.measure) : null,
          after: shown(e.after.value, e.threshold, e.after.status, e.measure),
          statusBefore: e.before ? t(lang, `status.${e.before.status}`) : null,
          statusAfter: t(lang, `status.${e.after.status}`),
          measure: measureText(lang, e.measure),
          threshold: shown(e.threshold, null, 'pass', e.measure),
          clause: `${docLabel(e.citation.document)} ${e.citation.clause}`,
        });
      }
    }
    for (const f of c.reach) {
      const list = f.within.length ? f.within : f.nearestBeyond ? [f.nearestBeyond] : [];
      if (list.length === 0)
        reach.rows.push({
          site: s.id,
          circle: t(lang, `site.circle.${f.circle}`),
          limit: fmt(f.limit, 0),
          facility: null,
          facilityName: t(lang, 'site.reach.none'),
          distance: null,
          capacity: null,
          catchmentNeed: null,
          spare: null,
        });
      for (const x of list) {
        reach.rows.push({
          site: s.id,
          circle: t(lang, `site.circle.${f.circle}`),
          limit: fmt(f.limit, 0),
          facility: x.id,
          facilityName: x.distance > f.limit ? `${x.name}（${t(lang, 'site.reach.beyond')}）` : x.name,
          distance: reachMetres(x.distance, f.limit),
          capacity: fmt(x.capacity, 1),
          catchmentNeed: fmt(x.catchmentNeed, 1),
          spare: fmt(x.spare, 1),
        });
      }
    }
  }
  for (const f of failures) sites.rows.push({ site: f.site, problem: tm(lang, f.error) });
  return [sites, req, reach, eff];
}
