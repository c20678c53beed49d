// `npm run ledger -- <project.json | folder> --profile ID [--year YEAR] [--dept 民政局] [--json] [--out ledger.xlsx] [--lang en]`
// Lists every target of the profile's document with its 责任单位, progress and status for the
// year (default: the project's evaluation year); --dept keeps the rows naming that department;
// --out writes the 台账 workbook. Exits 1 when the input cannot be read, 2 on a usage error.
import '../i18n/ledger'; // its strings: loaded with this code, not with the page
import { listProfiles } from '../core/evaluate';
import { ledgerTargets, mentionsDepartment } from '../core/ledger';
import { ledgerRows } from '../core/ledger/status';
import { columnHeader, ledgerCells, statusCounts } from '../core/ledger/table';
import { resolveParams } from '../core/params';
import { t, tm, type Lang } from '../i18n';
import { ledgerXlsx } from '../io/export/ledger';
import { MAX_PROBLEMS, ledgerEntries } from '../schemas';
import { issueSummary } from './issues';
import { loadProjectPath } from './load-project';
import { createAnalysisSession } from '../service/session';
import { table } from './text-table';
import { ArgError, langOption, parseArgs } from './args';
import { outProblem, writeOut } from './write-out';

interface Args {
  path?: string;
  profile?: string;
  year?: number;
  dept?: string;
  json: boolean;
  out?: string;
  lang: Lang;
}

const year = (raw: string): number => {
  const y = Number(raw);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new ArgError(`--year ${raw}: a year such as 2024`);
  return y;
};

function parseCli(argv: string[]): Args | string {
  const spec = {
    profile: { kind: 'string' },
    year: { kind: 'string', parse: year },
    dept: { kind: 'string' },
    out: { kind: 'string' },
    json: { kind: 'flag' },
    lang: langOption,
  } as const;
  const r = parseArgs(argv, spec, 1);
  if (typeof r === 'string') return r;
  const v = r.values;
  const a: Args = { path: r.positionals[0], profile: v.profile, year: v.year, dept: v.dept, json: v.json, out: v.out, lang: v.lang ?? 'zh' };
  return a.path === undefined ? 'missing <project.json | folder>' : a;
}

export function main(argv: string[]): number {
  const args = parseCli(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n${t('zh', 'cli.ledger.usage')}\n${t('en', 'cli.ledger.usage')}`);
    return 2;
  }
  const lang = args.lang;
  const tr = (k: string, a?: Record<string, string | number>) => t(lang, k, a);
  const badOut = args.out ? outProblem(args.out, [args.path ?? '']) : undefined;
  if (badOut) {
    console.error(tm(lang, badOut));
    return 2;
  }
  const loaded = loadProjectPath(args.path ?? '');
  if (!loaded.ok) {
    console.error(t(lang, 'cli.failed'));
    for (const p of loaded.problems.slice(0, MAX_PROBLEMS)) console.error(`- ${tm(lang, p.msg)}`);
    console.error(t(lang, 'cli.changedNothing'));
    return 1;
  }
  for (const line of issueSummary(loaded.issues, lang)) console.error(line);
  const known = listProfiles().map((p) => p.id);
  const profile = args.profile ?? (loaded.folder ? 'combined' : loaded.project.profile);
  if (!known.includes(profile)) {
    console.error(t(lang, 'params.unknownProfile', { profile, known: known.join(', ') }));
    return 2;
  }
  const params = { ...resolveParams(loaded.project.params), ...(args.year !== undefined ? { year: args.year } : {}) };
  const session = createAnalysisSession();
  session.open(loaded);
  const ev = session.analyse({ profile, params, areas: false }).evaluation;
  const all = ledgerRows(profile, ev.results, ledgerEntries(loaded.other), params.year);
  const rows = args.dept ? all.filter((r) => mentionsDepartment(r.target, args.dept ?? '')) : all;
  const documents = [...new Set(ledgerTargets(profile).map((x) => x.document))];
  if (args.out) {
    const bytes = ledgerXlsx(rows, { area: loaded.project.area.name, documents, year: params.year, dept: args.dept, at: new Date().toISOString() }, lang);
    const w = writeOut(args.out, bytes, [args.path ?? '']);
    if (!w.ok) {
      console.error(tm(lang, w.msg));
      return 1;
    }
  }
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          profile,
          year: params.year,
          dept: args.dept ?? null,
          documents,
          rows: rows.map((r) => ({ id: r.target.id, ...ledgerCells(r, tr), value: r.value, statusCode: r.status })),
        },
        null,
        1,
      ),
    );
  } else {
    const cols = ['category', 'element', 'target', 'responsible', 'progress', 'status'] as const;
    console.log(`${documents.join('；')} · ${t(lang, 'ledger.year', { year: params.year })}${args.dept ? ` · ${args.dept}` : ''}`);
    console.log(t(lang, 'cli.ledger.summary', statusCounts(rows)));
    console.log(
      table(
        cols.map((c) => columnHeader(c, tr)),
        rows.map((r) => {
          const c = ledgerCells(r, tr);
          return cols.map((k) => c[k]);
        }),
      ),
    );
  }
  if (args.out) console.error(t(lang, 'cli.ledger.wrote', { file: args.out, rows: rows.length }));
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && /ledger\.ts$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
