// Every file of the corpus through every command that reads that kind of file, each command in a
// process of its own (tests/corpus/cli-driver.ts): `npm run import` and `npm run check-sites` take
// every file (as the layer it is meant for, and as a sites file); `check`, `suggest` and `ledger`
// take each GeoJSON layer inside a project — as a layer file of a project folder and spliced into
// a project.json. For each answer: an exit code (0 accepted, 1 refused — never an escaped
// exception), no stack trace in what it printed, a refusal names the file (and the feature when the
// file has features), nothing written on refusal and no temporary file left, and an answer within
// 10 s of the process's CPU time (a command still working after that is a hang: its process is
// killed and the file fails; CPU rather than wall time, because the test machine's 2 cores are
// shared by other jobs and a 2 s answer can take 8 s of wall time there). The peak resident memory
// of each process is logged and stated in docs/limits.md.
import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import type { Answer } from './cli-driver';
import { type Case, corpus } from './cases';

const CASES = corpus();
const dir = mkdtempSync(join(tmpdir(), 'corpus-cli-'));
const SAMPLE = 'data/sample';
const HANG = 10_000;
const WAIT = 120_000;
/** a test's own limit: never before the hang guard above has answered (two commands per test at most) */
const TEST_LIMIT = 2 * WAIT + 30_000;

/** CPU time (user + system) a process has used so far, ms (Linux /proc; clock ticks of 10 ms) */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}
const STACK = /\n\s+at \S+ \(|\n\s+at \S+:\d+:\d+/;

/** The layers a project holds: GeoJSON of these kinds goes into projects too. */
const inProject = (c: Case) => /\.geojson$/.test(c.name) && c.kind !== 'roads';

/** A driver process for one entry point; restarted after a hang. */
class Driver {
  private child?: ChildProcess;
  private stray = '';
  /** the longest answer and the peak memory seen, for the log */
  slowest: [string, number, number] = ['', 0, 0];
  maxRSS = 0;
  /** the file that raised the peak last */
  peakAt = '';
  private asked = 0;

  constructor(readonly entry: string) {}

  private async start(): Promise<ChildProcess> {
    const child = fork('tests/corpus/cli-driver.ts', [this.entry], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    // all output of a command is captured inside the process; anything reaching the pipes escaped it
    child.stdout?.on('data', (d) => {
      this.stray += String(d);
    });
    child.stderr?.on('data', (d) => {
      this.stray += String(d);
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`driver ${this.entry} exited with ${code} before it was ready: ${this.stray}`)));
    });
    this.child = child;
    return child;
  }

  async ask(name: string, argv: string[]): Promise<Answer | 'hang'> {
    const child = this.child ?? (await this.start());
    const pid = child.pid ?? 0;
    const cpu0 = cpuMs(pid);
    const t0 = Date.now();
    const id = ++this.asked;
    const answer = await new Promise<Answer | 'hang'>((resolve) => {
      const onAnswer = (a: Answer) => {
        if (a.id !== id) return; // a late answer to an earlier request
        clearInterval(timer);
        child.off('message', onAnswer);
        resolve(a);
      };
      const timer = setInterval(() => {
        // still working after 10 s of CPU (a loop), or after WAIT of wall time (stuck, not working)
        if (cpuMs(pid) - cpu0 < HANG && Date.now() - t0 < WAIT) return;
        clearInterval(timer);
        child.off('message', onAnswer);
        child.kill('SIGKILL');
        this.child = undefined;
        resolve('hang');
      }, 250);
      child.on('message', onAnswer);
      child.send({ id, argv });
    });
    if (answer !== 'hang') {
      if (answer.cpuMs > this.slowest[1]) this.slowest = [name, answer.cpuMs, answer.ms];
      if (answer.maxRSS > this.maxRSS) this.peakAt = name;
      this.maxRSS = Math.max(this.maxRSS, answer.maxRSS);
    }
    return answer;
  }

  /** what reached the process's own stdout/stderr instead of the command's capture */
  strayOutput(): string {
    return this.stray;
  }

  stop(): void {
    this.child?.kill();
    this.child = undefined;
  }
}

const drivers: Driver[] = [];
function driver(entry: string): Driver {
  const d = new Driver(entry);
  drivers.push(d);
  return d;
}

afterAll(() => {
  for (const d of drivers) d.stop();
  // stated in docs/limits.md: the peak memory of each command's process over the whole corpus
  console.log(
    drivers
      .map(
        (d) =>
          `${d.entry}: peak RSS ${Math.round(d.maxRSS / 1024)} MiB (reached on ${d.peakAt}), slowest ${d.slowest[0]} ${(d.slowest[1] / 1000).toFixed(1)} s CPU (${(d.slowest[2] / 1000).toFixed(1)} s wall)`,
      )
      .join('\n'),
  );
});

beforeAll(() => {
  for (const c of CASES) {
    const bytes = c.bytes();
    writeFileSync(join(dir, c.name), bytes);
    if (!inProject(c)) continue;
    // a project folder with this file as its layer, the sample's other layers and its project.json
    const folder = join(dir, `${c.name}.folder`);
    mkdirSync(folder);
    for (const f of readdirSync(SAMPLE)) copyFileSync(join(SAMPLE, f), join(folder, f));
    writeFileSync(join(folder, `${c.kind}.geojson`), bytes);
    // the same file's text spliced into the sample's project.json as that layer (no re-encoding:
    // a file that is not JSON makes the project file not JSON, as a broken save would)
    const sample = JSON.parse(readFileSync(join(SAMPLE, 'project.json'), 'utf8')) as Record<string, unknown>;
    delete sample[c.kind];
    const head = JSON.stringify(sample);
    writeFileSync(join(dir, `${c.name}.project.json`), Buffer.concat([Buffer.from(`${head.slice(0, -1)},"${c.kind}":`), Buffer.from(bytes), Buffer.from('}')]));
  }
}, 120_000);

/** Exit code, no stack, no hang; a refusal names `file` (and a feature when `features`); nothing written. */
function judge(a: Answer | 'hang', o: { file: string; features: boolean; out?: string }): Answer {
  expect(a, 'no answer within 10 s of CPU').not.toBe('hang');
  const r = a as Answer;
  expect(r.crash, r.crash).toBeUndefined();
  expect([0, 1]).toContain(r.code);
  const text = `${r.stdout}\n${r.stderr}`;
  expect(text).not.toMatch(STACK);
  expect(text).not.toMatch(/\{\w+\}/); // every placeholder filled
  if (r.code !== 0) {
    expect(text).toContain(o.file);
    if (o.features) expect(text).toMatch(/第 \d+ 个要素/);
    if (o.out) expect(existsSync(o.out)).toBe(false);
  }
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  return r;
}

/**
 * What a project holding this file must list when it is accepted (the file was made with it):
 * the unit's id and words of the issue. Numbers out of range, a ring crossing itself, places
 * outside China. undefined: nothing known in advance.
 */
function mustList(c: Case): { id: string; words: string } | undefined {
  const n = /^([cf])-(\w+)-(1e400|1e300|neg|text)\.geojson$/.exec(c.name);
  if (n) return { id: `${n[1]}1`, words: t('zh', `field.${n[2]}`) };
  if (c.name === 'bowtie.geojson') return { id: 'c1', words: '自相交' };
  if (c.name === 'new-york.geojson' || c.name === 'paris.geojson') return { id: 'f1', words: '不在中国境内' };
  return undefined;
}

/** An accepted project lists what is wrong with it: a line naming the unit and the issue. */
function listed(r: Answer, c: Case): void {
  const want = mustList(c);
  if (r.code !== 0 || !want) return;
  const lines = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.startsWith('- [') && l.includes(` ${want.id}：`));
  expect(
    lines.some((l) => l.includes(want.words)),
    `${want.id} ${want.words}\n${r.stdout.slice(-2000)}\n${r.stderr}`,
  ).toBe(true);
}

/** whether the file holds a non-empty features array (so a refusal can name a feature) */
function hasFeatures(c: Case): boolean {
  try {
    const j = JSON.parse(new TextDecoder().decode(c.bytes())) as { features?: unknown };
    return Array.isArray(j.features) && j.features.length > 0;
  } catch {
    return false;
  }
}

const projectCases = CASES.filter(inProject).map((c) => [c.name, c] as const);

describe('npm run import, every file as the layer it is meant for', () => {
  const d = driver('import');
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (name, c) => {
      const out = join(dir, `${name}.out.geojson`);
      judge(await d.ask(name, [join(dir, name), '--as', c.kind, '--out', out]), { file: name, features: false, out });
    },
    TEST_LIMIT,
  );
});

describe('npm run check-sites, every file as the sites file', () => {
  const d = driver('check-sites');
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (name) => {
      const out = join(dir, `${name}.sites.json`);
      const r = judge(await d.ask(name, [SAMPLE, join(dir, name), '--out', out]), { file: name, features: false, out });
      // accepted: the report lists every site, checked or with its problem named
      if (r.code === 0) expect(r.stdout).toContain(name);
    },
    TEST_LIMIT,
  );
});

describe('npm run check, each GeoJSON layer in a project folder and in a project.json', () => {
  const d = driver('check');
  it.each(projectCases)(
    '%s',
    async (name, c) => {
      const features = hasFeatures(c);
      listed(judge(await d.ask(name, [join(dir, `${name}.folder`)]), { file: join(dir, `${name}.folder`, `${c.kind}.geojson`), features }), c);
      listed(judge(await d.ask(name, [join(dir, `${name}.project.json`)]), { file: join(dir, `${name}.project.json`), features }), c);
    },
    TEST_LIMIT,
  );
});

describe('npm run suggest, each GeoJSON layer in a project.json', () => {
  const d = driver('suggest');
  it.each(projectCases)(
    '%s',
    async (name, c) => {
      const r = judge(await d.ask(name, [join(dir, `${name}.project.json`), '--kind', 'elderly_daycare', '--sites', '2']), {
        file: join(dir, `${name}.project.json`),
        features: hasFeatures(c),
      });
      listed(r, c);
    },
    TEST_LIMIT,
  );
});

describe('npm run ledger, each GeoJSON layer in a project folder', () => {
  const d = driver('ledger');
  it.each(projectCases)(
    '%s',
    async (name, c) => {
      const out = join(dir, `${name}.ledger.xlsx`);
      const r = judge(await d.ask(name, [join(dir, `${name}.folder`), '--profile', 'combined', '--out', out]), {
        file: join(dir, `${name}.folder`, `${c.kind}.geojson`),
        features: hasFeatures(c),
        out,
      });
      listed(r, c);
    },
    TEST_LIMIT,
  );
});

describe('the commands as they are started', () => {
  it('printed nothing past their own output', () => {
    for (const d of drivers) expect(d.strayOutput(), d.entry).toBe('');
  });
  // the driver calls each command's main(); here each really runs as `tsx src/cli/X.ts`, so
  // the exit code is the process's and whatever it prints is on the real stdout/stderr
  const at = (f: string) => join(dir, f);
  it.each([
    ['import', 'deep-100k.geojson', () => [at('deep-100k.geojson'), '--as', 'communities', '--out', at('deep.out.geojson')], at('deep.out.geojson')],
    ['check-sites', 'bomb.xlsx', () => [SAMPLE, at('bomb.xlsx'), '--out', at('bomb.sites.json')], at('bomb.sites.json')],
    ['check', 'deep-100k.geojson', () => [at('deep-100k.geojson.folder')], undefined],
    ['suggest', 'not-json.geojson', () => [at('not-json.geojson.project.json'), '--kind', 'elderly_daycare', '--sites', '2'], undefined],
    ['ledger', 'cut.geojson', () => [at('cut.geojson.folder'), '--profile', 'combined', '--out', at('cut.ledger.xlsx')], at('cut.ledger.xlsx')],
  ])('%s refuses %s: exit 1, the file named, no stack, nothing written', (entry, name, argv, out) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${entry}.ts`, ...argv()], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(1);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(STACK);
    expect(`${r.stdout}${r.stderr}`).toContain(name);
    if (out) expect(existsSync(out)).toBe(false);
  });
});
