// `npm run ledger -- <project.json | folder> --profile ID [--year YEAR] [--dept 民政局] [--json] [--out ledger.xlsx] [--lang en]`
// Lists every target of the profile's document with its 责任单位, progress and status for the
// year (default: the project's evaluation year); --dept keeps the rows naming that department;
// --out writes the 台账 workbook. Exits 1 when the input cannot be read, 2 on a usage error.
import { evaluate, listProfiles } from '../core/evaluate';
import { ledgerTargets, mentionsDepartment } from '../core/ledger';
import { ledgerRows } from '../core/ledger/status';
import { columnHeader, ledgerCells, statusCounts } from '../core/ledger/table';
import { resolveParams } from '../core/params';
import { reachEngineFor } from '../core/reach/choose';
import { t, tm, type Lang } from '../i18n';
import { ledgerXlsx } from '../io/export/ledger';
import { MAX_PROBLEMS, ledgerEntries } from '../schemas';
import { loadProjectPath } from './load-project';
import { table } from './text-table';
import { errorMessage } from '../core/errors';
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

function parseArgs(argv: string[]): Args | string {
  const a: Args = { json: false, lang: 'zh' };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${x} needs a value`);
      return v;
    };
    try {
      if (x === '--profile') a.profile = next();
      else if (x === '--year') {
        const y = Number(next());
        if (!Number.isInteger(y) || y < 2000 || y > 2100) return `--year ${argv[i]}: a year such as 2024`;
        a.year = y;
      } else if (x === '--dept') a.dept = next();
      else if (x === '--out') a.out = next();
      else if (x === '--json') a.json = true;
      else if (x === '--lang') {
        const l = next();
        if (l !== 'zh' && l !== 'en') return `--lang ${l}: zh | en`;
        a.lang = l;
      } else if (x.startsWith('--')) return `unknown option ${x}`;
      else if (a.path === undefined) a.path = x;
      else return `unexpected argument ${x}`;
    } catch (e) {
      return errorMessage(e);
    }
  }
  return a.path === undefined ? 'missing <project.json | folder>' : a;
}

export function main(argv: string[]): number {
  const args = parseArgs(argv);
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
  const known = listProfiles().map((p) => p.id);
  const profile = args.profile ?? (loaded.folder ? 'combined' : loaded.project.profile);
  if (!known.includes(profile)) {
    console.error(t(lang, 'params.unknownProfile', { profile, known: known.join(', ') }));
    return 2;
  }
  const params = { ...resolveParams(loaded.project.params), ...(args.year !== undefined ? { year: args.year } : {}) };
  const reach = reachEngineFor(params, loaded.project.roads);
  const ev = evaluate(loaded.project, { profile, params, reach });
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
