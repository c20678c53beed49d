// One entry point of the command line (check, check-sites, suggest, ledger or import), kept alive
// in a process of its own and driven over IPC by tests/corpus/cli.test.ts: each message is one
// command line; the answer is the exit code `main` returns (or resolves to) (or the exception that escaped it),
// everything the command printed, how long it took and the process's peak memory so far.
// One process per entry point instead of one per file: starting tsx costs more CPU than most
// answers, and the test machine is shared.
import { performance } from 'node:perf_hooks';

export interface Request {
  id: number;
  argv: string[];
}
export interface Answer {
  /** the request's id */
  id: number;
  code?: number;
  /** the stack of an exception that escaped the command: a crash */
  crash?: string;
  stdout: string;
  stderr: string;
  ms: number;
  /** CPU time of this process for the command (user + system), ms */
  cpuMs: number;
  /** peak resident memory of this process so far, KiB */
  maxRSS: number;
}

const entry = process.argv[2];
const mod = (await import(`../../src/cli/${entry}.ts`)) as { main?: (argv: string[]) => number | Promise<number>; run?: (argv: string[]) => number | Promise<number> };
const main = mod.main ?? mod.run;
if (!main || !process.send) throw new Error(`no entry point ${entry}, or not started with an IPC channel`);
const send = process.send.bind(process);

// one command at a time: the test waits for each answer before it asks again
process.on('message', async (req: Request) => {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  // console.log / console.error write through these; so do libraries that print
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  const answer: Answer = { id: req.id, stdout: '', stderr: '', ms: 0, cpuMs: 0, maxRSS: 0 };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  try {
    answer.code = await main(req.argv);
  } catch (e) {
    answer.crash = e instanceof Error ? (e.stack ?? e.message) : String(e);
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  answer.ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  answer.cpuMs = (c.user + c.system) / 1000;
  answer.stdout = out.join('');
  answer.stderr = err.join('');
  answer.maxRSS = process.resourceUsage().maxRSS;
  send(answer);
});
send({ ready: true });
