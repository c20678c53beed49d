// `npm run check -- <project.json | folder> [--profile ID|all] [--set name=value ...] [--json] [--lang en]`
// Prints a readable report (Chinese by default) or JSON; exits 1 when the input cannot be read
// (naming file, feature index and id, and field), 2 on a usage error, 0 otherwise.
import { listProfiles, type Evaluation } from '../core/evaluate';
import type { Level } from '../core/model';
import { resultRecord, summarise } from '../core/report';
import { resultRows, type ResultRow } from '../i18n/report-rows';
import { t, tm, type Lang } from '../i18n';
import { MAX_PROBLEMS, applyAssignments, type InputProblem } from '../schemas';
import { issueLines } from './issues';
import { loadProjectPath } from './load-project';
import { createAnalysisSession } from '../service/session';
import { table } from './text-table';
import { docLabel } from '../core/rules/profiles/documents';
import { langOption, parseArgs } from './args';

interface Args {
  path?: string;
  profile?: string;
  sets: string[];
  json: boolean;
  lang: Lang;
}

function parseCli(argv: string[]): Args | string {
  const r = parseArgs(argv, { profile: { kind: 'string' }, set: { kind: 'list' }, json: { kind: 'flag' }, lang: langOption }, 1);
  if (typeof r === 'string') return r;
  const v = r.values;
  const a: Args = { path: r.positionals[0], profile: v.profile, sets: v.set, json: v.json, lang: v.lang ?? 'zh' };
  return a.path === undefined ? 'missing <project.json | folder>' : a;
}

function problemText(p: InputProblem, lang: Lang): string {
  return tm(lang, p.msg);
}

function report(ev: Evaluation, lang: Lang): string {
  const s = summarise(ev);
  const out: string[] = [];
  const prof = listProfiles().find((p) => p.id === ev.profile);
  out.push(`${t(lang, 'cli.profile')}: ${ev.profile} ${prof ? prof.name[lang] : ''}`);
  out.push(`${t(lang, 'cli.params')}: ${JSON.stringify(ev.params)}`);
  out.push(t(lang, 'cli.summary', { ...s.totals }));
  for (const c of ev.coverage) {
    out.push(
      t(lang, 'cli.coverage', {
        circle: t(lang, `cli.circle.${c.circle}`),
        distance: Math.round(ev.params.circleMinutes * 60 * ev.params.walkSpeed),
        outside: c.outside.length,
        residentsOutside: c.residentsOutside,
        residentsTotal: c.residentsTotal,
      }),
    );
  }
  const rows = resultRows(ev, lang);
  const header = ['cli.col.rule', 'cli.col.unit', 'cli.col.value', 'cli.col.threshold', 'cli.col.status', 'cli.col.shortfall', 'cli.col.clause', 'cli.col.note'].map((k) =>
    t(lang, k),
  );
  for (const level of ['area', 'street', 'community', 'facility', 'scenario'] as Level[]) {
    const mine = rows.filter((r) => r.level === level);
    if (mine.length === 0) continue;
    const lc = s.byLevel.find((b) => b.level === level);
    out.push('', `## ${t(lang, `level.${level}`)} — ${t(lang, 'cli.summary', { pass: lc?.pass ?? 0, fail: lc?.fail ?? 0, na: lc?.na ?? 0 })}`);
    out.push(
      table(
        header,
        mine.map((r: ResultRow) => [
          r.key,
          r.view ? `${r.unit} [${r.view}]` : r.unit,
          r.value === '—' || r.measure === '' ? r.value : `${r.value} ${r.measure}`,
          r.threshold,
          r.statusText,
          r.shortfall,
          `${docLabel(r.document)} ${r.clause}`,
          r.note,
        ]),
      ),
    );
  }
  // legend: each rule's name and the words it quotes
  out.push('', `## ${t(lang, 'cli.legend')}`);
  for (const r of s.byRule) {
    const row = rows.find((x) => x.key === r.key);
    out.push(`- ${r.key}  ${r.name[lang]} — ${t(lang, 'cli.legendCounts', { pass: r.pass, fail: r.fail, na: r.na })}`);
    if (row) out.push(`  ${row.document} ${row.clause}：「${row.text}」`);
    // readings are written in Chinese like the clauses; the English ones are in docs/rules.md
    if (row?.reading && lang === 'zh') out.push(`  解读：${row.reading}`);
  }
  if (ev.issues.length > 0) {
    out.push('', `## ${t(lang, 'cli.issues', { count: ev.issues.length })}`);
    out.push(...issueLines(ev.issues, lang));
  }
  return out.join('\n');
}

function jsonOf(ev: Evaluation) {
  return {
    profile: ev.profile,
    params: ev.params,
    results: ev.results.map(resultRecord),
    issues: ev.issues,
    coverage: ev.coverage,
  };
}

export function main(argv: string[]): number {
  const args = parseCli(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n${t('zh', 'cli.usage')}\n${t('en', 'cli.usage')}`);
    return 2;
  }
  const lang = args.lang;
  const loaded = loadProjectPath(args.path ?? '');
  if (!loaded.ok) {
    console.error(t(lang, 'cli.failed'));
    for (const p of loaded.problems.slice(0, MAX_PROBLEMS)) console.error(`- ${problemText(p, lang)}`);
    if (loaded.problems.length > MAX_PROBLEMS) console.error(t(lang, 'input.more', { count: loaded.problems.length - MAX_PROBLEMS }));
    console.error(t(lang, 'cli.changedNothing'));
    return 1;
  }
  const set = applyAssignments(loaded.project.params, args.sets);
  if (!set.ok) {
    console.error(tm(lang, set.msg));
    return 2;
  }
  const params = set.params;
  const known = listProfiles().map((p) => p.id);
  const chosen = args.profile ?? (loaded.folder ? 'combined' : loaded.project.profile);
  if (chosen !== 'all' && !known.includes(chosen)) {
    console.error(t(lang, 'params.unknownProfile', { profile: chosen, known: [...known, 'all'].join(', ') }));
    return 2;
  }
  if (params.reach === 'network' && loaded.project.roads.length === 0) {
    console.error(t(lang, 'cli.noRoads'));
    return 2;
  }
  // one session for every profile: the street network is built once
  const session = createAnalysisSession();
  session.open(loaded);
  const profiles = chosen === 'all' ? known : [chosen];
  const evaluations = profiles.map((profile) => session.analyse({ profile, params, areas: false }).evaluation);
  const pre = [...loaded.issues];
  for (const ev of evaluations) ev.issues.unshift(...pre);
  const areaFrom = loaded.folder ? { areaFrom: loaded.areaFrom ?? null } : {};
  if (args.json) {
    const js = evaluations.map((ev) => ({ ...areaFrom, ...jsonOf(ev) }));
    console.log(JSON.stringify(js.length === 1 ? js[0] : js, null, 1));
  } else {
    if (loaded.migratedFrom !== undefined) console.log(t(lang, 'project.migrated', { file: args.path ?? '', from: loaded.migratedFrom, to: 1 }));
    if (loaded.folder) console.log(loaded.areaFrom ? t(lang, 'cli.areaFrom', { file: loaded.areaFrom }) : t(lang, 'cli.areaNone'));
    console.log(evaluations.map((ev) => report(ev, lang)).join(`\n\n${'='.repeat(80)}\n\n`));
  }
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && /check\.ts$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
