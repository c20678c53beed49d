// `npm run check-sites -- <area project.json | folder> <sites file> [--profile ID|all] [--out report.xlsx|report.json]
//  [--crs EPSG:xxxx] [--layer NAME] [--pph 2.53] [--set name=value ...] [--lang en]`
// Checks every site (polygon) of the file against the area, for a bureau's quarterly review.
// A site with bad figures or a bad outline is reported as that site's problem; the others are
// still checked. Exit codes: 0 report printed/written (even when some sites had problems),
// 1 the area or the sites file cannot be read, 2 usage error.
import '../i18n/site'; // its strings: loaded with this code, not with the page
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Msg } from '../core/model';
import { formatNumber, reasonText } from '../i18n/report-rows';
import { ALL_PROFILES, siteCheckJson, SHAANXI_PPH, type SiteCheck } from '../core/site';
import { t, tm, type Lang } from '../i18n';
import { toXlsx } from '../io/export/table';
import { MAX_PROBLEMS, applyAssignments } from '../schemas';
import type { Params } from '../core/params';
import { createAnalysisSession, type AnalysisSession } from '../service/session';
import { siteHeader, siteTables, type SiteCandidate } from '../service/site';
import { loadProjectPath } from './load-project';
import { errorMessage } from '../core/errors';
import { ArgError, langOption, parseArgs } from './args';
import { outProblem, writeOut } from './write-out';

interface Args {
  area?: string;
  sites?: string;
  profile: string;
  out?: string;
  crs?: string;
  /** DXF / workbook layers to read (a drawing's red-line layer) */
  layers: string[];
  pph?: number;
  sets: string[];
  lang: Lang;
}

const pph = (raw: string): number => {
  const v = Number(raw);
  if (!(v >= 1 && v <= 10)) throw new ArgError(`--pph ${raw}: a number of persons per household between 1 and 10`);
  return v;
};

function parseCli(argv: string[]): Args | string {
  const spec = {
    profile: { kind: 'string' },
    out: { kind: 'string' },
    crs: { kind: 'string' },
    layer: { kind: 'list' },
    pph: { kind: 'string', parse: pph },
    set: { kind: 'list' },
    lang: langOption,
  } as const;
  const r = parseArgs(argv, spec, 2);
  if (typeof r === 'string') return r;
  const v = r.values;
  const [area, sites] = r.positionals;
  const a: Args = { area, sites, profile: v.profile ?? '', out: v.out, crs: v.crs, layers: v.layer, pph: v.pph, sets: v.set, lang: v.lang ?? 'zh' };
  if (a.area === undefined || a.sites === undefined) return 'missing <area project.json | folder> <sites file>';
  if (a.out !== undefined && !/\.(xlsx|json)$/i.test(a.out)) return t(a.lang, 'site.cli.outExt', { file: a.out });
  return a;
}

const n = (v: number | undefined | null, lang: Lang, digits = 1) =>
  v === undefined || v === null ? '—' : v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits });

function printCheck(c: SiteCheck, lang: Lang): string[] {
  const s = c.site;
  const out = [
    t(lang, 'site.cli.site', {
      id: s.id,
      name: s.name,
      area: n(s.areaM2, lang, 0),
      households: n(s.figures.households, lang),
      population: n(s.derived.population.value, lang),
      from: t(lang, `site.from.${s.derived.population.from}`),
    }),
  ];
  for (const p of c.profiles) {
    out.push(t(lang, 'site.cli.profile', { profile: p.profile, ...p.counts }));
    for (const q of p.requirements) {
      const r = q.result;
      out.push(
        t(lang, 'site.cli.req', {
          status: t(lang, `status.${r.status}`),
          rule: r.part ? `${r.rule}:${r.part}` : r.rule,
          name: q.name[lang],
          value: formatNumber(r.value, r.measure, lang),
          threshold: formatNumber(r.threshold, r.measure, lang),
          measure: t(lang, `measure.${r.measure}`),
          required: q.requiredMax !== undefined ? `${n(q.required, lang)}–${n(q.requiredMax, lang)}` : n(q.required, lang),
          provided: n(q.provided, lang),
          shortfall: n(r.shortfall, lang),
        }) + (r.reason ? ` (${reasonText(r.reason, lang)})` : ''),
      );
    }
  }
  for (const f of c.reach) {
    const item = (x: (typeof f.within)[number]) => t(lang, 'site.cli.reachItem', { name: x.name, distance: n(x.distance, lang, 0), spare: n(x.spare, lang) });
    const list = f.within.map(item).join('; ') || (f.nearestBeyond ? t(lang, 'site.cli.nearestBeyond', { item: item(f.nearestBeyond) }) : t(lang, 'site.reach.none'));
    out.push(t(lang, 'site.cli.reach', { circle: t(lang, `site.circle.${f.circle}`), limit: n(f.limit, lang, 0), mode: t(lang, `site.mode.${f.mode}`), list }));
  }
  return out;
}

type Failure = { site: string; error: Msg };

/** Checks each site in file order; a site with bad figures or a bad outline is that site's failure. */
async function checkAll(
  session: AnalysisSession,
  candidates: SiteCandidate[],
  o: { profile: string; params: Partial<Params>; date: string; pph?: number },
  lang: Lang,
): Promise<{ checks: SiteCheck[]; failures: Failure[] }> {
  const checks: SiteCheck[] = [];
  const failures: Failure[] = [];
  for (const c of candidates) {
    const label = c.input.id ?? c.input.name ?? `#${c.number}`;
    if (c.problems.length > 0) {
      for (const p of c.problems) console.log(t(lang, 'site.cli.failed', { site: label, message: tm(lang, p) }));
      failures.push({ site: label, error: c.problems[0] });
      continue;
    }
    const figures = o.pph !== undefined && c.input.figures.personsPerHousehold === undefined ? { ...c.input.figures, personsPerHousehold: o.pph } : c.input.figures;
    const r = await session.checkSite({ input: { ...c.input, figures }, profiles: [o.profile], params: o.params, date: o.date });
    if (!r.ok) {
      console.log(t(lang, 'site.cli.failed', { site: label, message: tm(lang, r.error) }));
      failures.push({ site: label, error: r.error });
      continue;
    }
    checks.push(r);
    console.log(printCheck(r, lang).join('\n'));
  }
  return { checks, failures };
}

/** The report as JSON or XLSX (by the file's extension); exit code 1 when it cannot be written. */
function writeReport(out: string, inputs: string[], r: { area: string; date: string; profile: string; checks: SiteCheck[]; failures: Failure[] }, lang: Lang): number {
  const { checks, failures } = r;
  const body = /\.json$/i.test(out)
    ? new TextEncoder().encode(
        JSON.stringify(
          {
            area: r.area,
            date: r.date,
            profile: r.profile,
            sites: checks.map(siteCheckJson),
            problems: failures.map((f) => ({ site: f.site, error: f.error, message: tm(lang, f.error) })),
          },
          null,
          1,
        ),
      )
    : toXlsx(siteTables(checks, lang, failures), siteHeader(checks, lang, r.area, r.date));
  const w = writeOut(out, body, inputs);
  if (!w.ok) {
    console.error(tm(lang, w.msg));
    return 1;
  }
  console.log(t(lang, 'site.cli.written', { file: out, checked: checks.length, failed: failures.length }));
  return 0;
}

export async function main(argv: string[], now: Date = new Date()): Promise<number> {
  const args = parseCli(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n${t('zh', 'site.cli.usage')}\n${t('en', 'site.cli.usage')}`);
    return 2;
  }
  const lang = args.lang;
  const badOut = args.out ? outProblem(args.out, [args.area ?? '', args.sites ?? '']) : undefined;
  if (badOut) {
    console.error(tm(lang, badOut));
    return 2;
  }
  const loaded = loadProjectPath(args.area ?? '');
  if (!loaded.ok) {
    console.error(t(lang, 'cli.failed'));
    for (const p of loaded.problems.slice(0, MAX_PROBLEMS)) console.error(`- ${tm(lang, p.msg)}`);
    return 1;
  }
  const set = applyAssignments(loaded.project.params, args.sets);
  if (!set.ok) {
    console.error(tm(lang, set.msg));
    return 2;
  }
  const params = set.params;
  const profile = args.profile || (loaded.folder ? 'combined' : loaded.project.profile);
  if (profile !== 'all' && !(ALL_PROFILES as readonly string[]).includes(profile)) {
    console.error(t(lang, 'params.unknownProfile', { profile, known: [...ALL_PROFILES, 'all'].join(', ') }));
    return 2;
  }
  if (params.reach === 'network' && loaded.project.roads.length === 0) {
    console.error(t(lang, 'cli.noRoads'));
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.sites ?? '');
  } catch (e) {
    console.error(t(lang, 'input.readFailed', { file: args.sites ?? '', detail: errorMessage(e) }));
    return 1;
  }
  // one session for every site: the area's own evaluations and the street network are made once
  const session = createAnalysisSession();
  session.open(loaded);
  const file = basename(args.sites ?? '');
  const read = await session.readSiteFile(file, bytes, { ...(args.crs ? { crs: args.crs } : {}), ...(args.layers.length ? { layers: args.layers } : {}) });
  if (!read.ok) {
    console.error(tm(lang, read.error));
    return 1;
  }
  const data = loaded.project;
  const date = now.toISOString().slice(0, 10);
  console.log(t(lang, 'site.cli.area', { name: data.area.name, communities: data.communities.length, facilities: data.facilities.length }));
  console.log(t(lang, 'site.cli.sites', { file, count: read.candidates.length }));
  console.log(t(lang, 'site.cli.pph', { pph: args.pph ?? SHAANXI_PPH.value, source: args.pph !== undefined ? t(lang, 'site.from.given') : t(lang, 'site.pph.source') }));
  for (const note of read.notes) console.log(`  ${tm(lang, note)}`);
  const { checks, failures } = await checkAll(session, read.candidates, { profile, params, date, pph: args.pph }, lang);
  return args.out ? writeReport(args.out, [args.area ?? '', args.sites ?? ''], { area: data.area.name, date, profile, checks, failures }, lang) : 0;
}

const invokedDirectly = process.argv[1] !== undefined && /check-sites\.ts$/.test(process.argv[1]);
if (invokedDirectly) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
