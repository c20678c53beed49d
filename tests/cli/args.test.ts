// The shared CLI argument parser: the usage errors are the exact strings the CLIs printed before
// they shared it, and each CLI still prints them (first stderr line, exit 2).
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { ArgError, langOption, parseArgs } from '../../src/cli/args';
import { parseArgs as importArgs } from '../../src/cli/import';

const spec = {
  profile: { kind: 'string' },
  set: { kind: 'list' },
  json: { kind: 'flag' },
  n: { kind: 'string', parse: (raw: string) => Number(raw) },
  bad: {
    kind: 'string',
    parse: (raw: string): number => {
      throw new ArgError(`--bad ${raw}: never`);
    },
  },
  lang: langOption,
} as const;

describe('parseArgs', () => {
  it('reads options, flags, repeated options and positionals; absent ones are empty', () => {
    const r = parseArgs(['a.json', '--set', 'x=1', '--profile', 'p', '--set', 'y=2', '--json', '--n', '7', '--lang', 'en'], spec, 1);
    expect(r).toEqual({ values: { profile: 'p', set: ['x=1', 'y=2'], json: true, n: 7, bad: undefined, lang: 'en' }, positionals: ['a.json'] });
    expect(parseArgs([], spec, 1)).toEqual({ values: { profile: undefined, set: [], json: false, n: undefined, bad: undefined, lang: undefined }, positionals: [] });
  });
  it('takes the value after an option as is, even when it starts with --', () => {
    expect(parseArgs(['--profile', '--json'], spec, 0)).toMatchObject({ values: { profile: '--json', json: false } });
  });
  it('gives the first problem, in argument order, with the CLIs’ wording', () => {
    expect(parseArgs(['--profile'], spec, 1)).toBe('--profile needs a value');
    expect(parseArgs(['--set'], spec, 1)).toBe('--set needs a value');
    expect(parseArgs(['--nope', 'x'], spec, 1)).toBe('unknown option --nope');
    expect(parseArgs(['--constructor'], spec, 1)).toBe('unknown option --constructor');
    expect(parseArgs(['a', 'b'], spec, 1)).toBe('unexpected argument b');
    expect(parseArgs(['a', 'b', 'c'], spec, 2)).toBe('unexpected argument c');
    expect(parseArgs(['--lang', 'fr'], spec, 1)).toBe('--lang fr: zh | en');
    expect(parseArgs(['--bad', 'q', '--nope'], spec, 1)).toBe('--bad q: never');
    expect(parseArgs(['--nope', '--bad', 'q'], spec, 1)).toBe('unknown option --nope');
    expect(parseArgs(['--json=yes'], spec, 1)).toBe('--json takes no value');
    expect(parseArgs(['--lang=fr'], spec, 1)).toBe('--lang fr: zh | en');
  });
  it('takes --name=value as well (the import CLI always did)', () => {
    expect(parseArgs(['--profile=wy', '--set=x=1', 'a.json'], spec, 1)).toMatchObject({ values: { profile: 'wy', set: ['x=1'] }, positionals: ['a.json'] });
    const a = importArgs(['f.csv', '--as=facilities', '--map=beds=总床位', '--check']);
    expect([a.as, a.map, a.check, a.out]).toEqual(['facilities', { beds: '总床位' }, true, '']);
  });
});

function firstErrLine(cli: string, ...args: string[]) {
  const r = runCli(cli, ...args);
  // the import CLI prints its report, usage errors included, on stdout
  return { code: r.code, line: (cli === 'import' ? r.out : r.err).split('\n')[0] };
}

// each case starts a CLI (tsx): slow on a loaded machine, so a long timeout, not a time limit
const SLOW = 180_000;

describe('the CLIs print the same usage errors', () => {
  it(
    'check, ledger and check-sites',
    () => {
      expect(firstErrLine('check', 'data/sample', '--lang', 'de')).toEqual({ code: 2, line: '--lang de: zh | en' });
      expect(firstErrLine('ledger', 'data/sample', '--year', '1999')).toEqual({ code: 2, line: '--year 1999: a year such as 2024' });
      expect(firstErrLine('check-sites', 'a', 'b', '--pph', '11')).toEqual({ code: 2, line: '--pph 11: a number of persons per household between 1 and 10' });
      expect(firstErrLine('check-sites', 'a', 'b', 'c')).toEqual({ code: 2, line: 'unexpected argument c' });
      expect(firstErrLine('check', '--json', '--wat')).toEqual({ code: 2, line: 'unknown option --wat' });
      expect(firstErrLine('ledger')).toEqual({ code: 2, line: 'missing <project.json | folder>' });
    },
    SLOW,
  );
  it(
    'import: an unknown option or a missing value is refused instead of ignored',
    () => {
      expect(firstErrLine('import', 'x.csv', '--as', 'facilities', '--out', 'o.geojson', '--colour', 'red')).toEqual({ code: 2, line: '参数有误：unknown option --colour' });
      expect(firstErrLine('import', 'x.csv', '--as', 'facilities', '--out')).toEqual({ code: 2, line: '参数有误：--out needs a value' });
      expect(firstErrLine('import', 'x.csv', '--as', 'facilities', '--check=1')).toEqual({ code: 2, line: '参数有误：--check takes no value' });
      expect(firstErrLine('import', 'x.csv', '--as', 'parks', '--check')).toEqual({
        code: 2,
        line: '参数有误：--as must be one of communities|facilities|streets|roads, got parks',
      });
    },
    SLOW,
  );
  it(
    'suggest: the same words, then its usage',
    () => {
      const usage = 'usage: npm run suggest -- <project.json | folder> --kind KIND --sites N';
      const missing = runCli('suggest', 'data/sample', '--kind', 'childcare_centre', '--sites');
      expect(missing.code).toBe(2);
      expect(
        missing.err
          .split('\n')
          .slice(0, 2)
          .map((l) => l.slice(0, usage.length)),
      ).toEqual(['--sites needs a value', usage]);
      expect(firstErrLine('suggest', 'data/sample', '--kind', 'childcare_centre', '--sites', '1', '--sitez', '2')).toEqual({ code: 2, line: 'unknown option --sitez' });
      expect(firstErrLine('suggest', 'data/sample', '--kind=childcare_centre', '--sites=x')).toEqual({ code: 2, line: '--sites must be a number, got "x"' });
    },
    SLOW,
  );
});
