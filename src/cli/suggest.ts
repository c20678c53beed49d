// `npm run suggest -- <project.json | folder> --kind KIND --sites N [--goal coverage|shortfall|ratio]
//   [--cohort all|elderly|infants] [--capacity N] [--budget CNY] [--candidates file] [--grid METRES]
//   [--no-communities] [--reach auto|straight|network] [--json] [--lang en]`
// Candidates: community points (unless --no-communities), a parcels GeoJSON (Point features with
// id, name, mode, rural, capacity) and/or a grid over the street/town polygons.
import '../i18n/suggest'; // its strings: loaded with this code, not with the page
import { readFileSync } from 'node:fs';
import { FACILITY_KINDS, type FacilityKind } from '../core/model';
import { suggestEn, suggestZh } from '../i18n/suggest';
import { COHORTS, GOALS, type Cohort, type Goal, type Parcel, type SuggestResult } from '../core/suggest/types';
import { t as tCore, tm, type Lang } from '../i18n';
import { MAX_PROBLEMS } from '../schemas';
import { issueSummary } from './issues';
import { loadProjectPath } from './load-project';
import { createAnalysisSession } from '../service/session';
import { errorMessage } from '../core/errors';
import { parseArgs as parseOptions } from './args';

/** A refusal: its message goes to stderr and the exit code is 2 (usage) or 1 (the input cannot be read). */
class Refusal extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2 = 2,
  ) {
    super(message);
  }
}

function die(msg: string, code: 1 | 2 = 2): never {
  throw new Refusal(msg, code);
}

const USAGE =
  'usage: npm run suggest -- <project.json | folder> --kind KIND --sites N [--goal coverage|shortfall|ratio] [--cohort all|elderly|infants] [--capacity N] [--budget CNY] [--candidates file] [--grid METRES] [--no-communities] [--reach auto|straight|network] [--json] [--lang en]';
const OPTIONS = {
  kind: { kind: 'string' },
  sites: { kind: 'string' },
  goal: { kind: 'string' },
  cohort: { kind: 'string' },
  capacity: { kind: 'string' },
  budget: { kind: 'string' },
  candidates: { kind: 'string' },
  grid: { kind: 'string' },
  reach: { kind: 'string' },
  lang: { kind: 'string' },
  json: { kind: 'flag' },
  'no-communities': { kind: 'flag' },
} as const;

type Texts = (key: string, args?: Record<string, string | number>) => string;

/** The suggestion's own texts (i18n/suggest.ts), then the app's. */
function texts(lang: Lang): Texts {
  const cat = lang === 'en' ? suggestEn : suggestZh;
  return (key, args) => (key in cat ? cat[key].replace(/\{(\w+)\}/g, (m, k: string) => (args && k in args ? String(args[k]) : m)) : tCore(lang, key, args));
}

/** A GeoJSON FeatureCollection of Point features → parcels; anything else refused, naming the feature. */
function readParcels(file: string): Parcel[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    die(`${file}: cannot read the parcels file as JSON (${errorMessage(e)})`);
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) die(`${file}: expected a GeoJSON FeatureCollection of Point features`);
  return fc.features.map((raw: unknown, index: number) => {
    const f = raw as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> };
    const p = f.properties ?? {};
    if (f.geometry?.type !== 'Point') die(`${file}: feature ${index} (id ${String(p.id)}): geometry must be a Point, got ${f.geometry?.type ?? 'none'}`);
    const parcel: Parcel = { id: String(p.id ?? `parcel-${index}`), point: f.geometry.coordinates as [number, number] };
    if (typeof p.name === 'string') parcel.name = p.name;
    if (p.mode !== undefined) parcel.mode = p.mode as Parcel['mode'];
    if (p.rural !== undefined) parcel.rural = p.rural as boolean;
    if (p.capacity !== undefined) parcel.capacity = p.capacity as number;
    return parcel;
  });
}

/** The answer as text: what was asked, the totals and bound, the ranked sites, issues and timings. */
function printResult(r: Omit<SuggestResult, 'reachAreas'>, t: Texts, lang: Lang): void {
  const f = (x: number) => (Math.round(x * 10) / 10).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  console.log(t('suggest.cli.header', { kind: r.kind, goal: r.goal, cohort: r.cohort, distance: Math.round(r.distance), reach: r.reachMode }));
  console.log(
    t('suggest.cli.summary', {
      candidates: r.counts.candidates,
      demand: r.counts.demand,
      existing: f(r.servedByExisting),
      open: f(r.open),
      bound: r.upperBound === null ? '—' : f(r.upperBound),
      ratio: r.upperBound ? `${((100 * (r.sites.at(-1)?.cumulative ?? 0)) / r.upperBound).toFixed(1)}%` : '—',
    }),
  );
  if (r.ratio)
    console.log(
      t('suggest.cli.ratio', {
        perThousand: r.ratio.perThousand,
        needed: r.ratio.needed,
        added: r.ratio.added,
        reached: t(r.ratio.reached ? 'suggest.cli.reached' : 'suggest.cli.notReached'),
      }),
    );
  if (r.sites.length === 0) console.log(t('suggest.cli.none'));
  else {
    console.log(t('suggest.cli.columns'));
    for (const s of r.sites)
      console.log(
        [
          s.rank,
          `${s.candidate.name} [${s.candidate.id}]`,
          s.candidate.source,
          s.size ?? '—',
          f(s.gain),
          f(s.cumulative),
          s.cost === null ? '—' : f(s.cost),
          s.cumulativeCost === null ? '—' : f(s.cumulativeCost),
        ].join('\t'),
      );
  }
  for (const i of r.issues) console.log(`! ${t(i.msg.key, i.msg.args)}`);
  console.log(t('suggest.cli.timing', { reachMs: r.timings.reachMs.toFixed(1), solveMs: r.timings.solveMs.toFixed(1) }));
}

/** Exit code: 0 suggestions printed, 1 the project cannot be read, 2 a usage error. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await suggest(argv);
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    console.error(e.message);
    return e.code;
  }
}

async function suggest(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, OPTIONS, Infinity);
  if (typeof parsed === 'string') die(`${parsed}\n${USAGE}`);
  const opts = parsed.values;
  const bare = parsed.positionals;
  const lang: Lang = opts.lang === 'en' ? 'en' : 'zh';
  const t = texts(lang);
  const num = (name: 'sites' | 'capacity' | 'budget' | 'grid'): number | undefined => {
    const v = opts[name];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) die(`--${name} must be a number, got "${v}"`);
    return n;
  };

  if (bare.length !== 1) die(USAGE);
  const kind = opts.kind;
  if (!kind || !FACILITY_KINDS.includes(kind as FacilityKind)) die(`--kind must be one of ${FACILITY_KINDS.join(', ')}; got ${kind ?? 'nothing'}`);
  const sites = num('sites');
  if (sites === undefined) die('--sites N is required (the most new sites to suggest)');
  const goal = (opts.goal ?? 'coverage') as Goal;
  if (!GOALS.includes(goal)) die(`--goal must be one of ${GOALS.join(', ')}`);
  const cohort = opts.cohort as Cohort | undefined;
  if (cohort !== undefined && !COHORTS.includes(cohort)) die(`--cohort must be one of ${COHORTS.join(', ')}`);

  const loaded = loadProjectPath(bare[0]);
  if (!loaded.ok) {
    const shown = loaded.problems.slice(0, MAX_PROBLEMS).map((p) => `- ${tm(lang, p.msg)}`);
    if (loaded.problems.length > MAX_PROBLEMS) shown.push(tCore(lang, 'input.more', { count: loaded.problems.length - MAX_PROBLEMS }));
    die([tCore(lang, 'cli.failed'), ...shown, tCore(lang, 'cli.changedNothing')].join('\n'), 1);
  }
  const project = loaded.project;
  for (const line of issueSummary(loaded.issues, lang)) console.error(line);

  const reachMode = opts.reach ?? project.params.reach ?? 'auto';
  if (reachMode !== 'auto' && reachMode !== 'straight' && reachMode !== 'network') die(`--reach must be auto, straight or network, got ${reachMode}`);
  if (reachMode === 'network' && project.roads.length === 0) die(`--reach network needs a street network (roads.geojson or roads in the project); ${bare[0]} has none`);
  const gridSpacing = num('grid');
  // the grid is laid over the street/town polygons (the session's default area)
  if (gridSpacing !== undefined && project.streets.length === 0) die('--grid needs street/town polygons (streets.geojson) to lay the grid over');

  try {
    // auto (the default) walks the streets whenever the project has roads, like npm run check and the app
    const session = createAnalysisSession();
    session.open(loaded);
    const answer = await session.suggest({
      kind: kind as FacilityKind,
      goal,
      cohort,
      sites,
      capacity: num('capacity'),
      budget: num('budget'),
      params: { ...project.params, reach: reachMode },
      candidates: {
        communities: !opts['no-communities'],
        parcels: opts.candidates !== undefined ? readParcels(opts.candidates) : undefined,
        grid: gridSpacing !== undefined ? { spacing: gridSpacing } : undefined,
      },
    });
    if (!answer.ok) die('error' in answer ? t(answer.error.key, answer.error.args) : 'superseded');
    // the walk areas the map draws are not part of the command's answer
    const { reachAreas: _drawn, ...r } = answer.result;
    if (opts.json) {
      console.log(JSON.stringify(r, null, 1));
    } else printResult(r, t, lang);
  } catch (e) {
    die(errorMessage(e));
  }
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && /suggest\.ts$/.test(process.argv[1]);
if (invokedDirectly) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
