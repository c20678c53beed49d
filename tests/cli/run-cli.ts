// Runs one of the command-line tools as its own process, as a user's `npm run <cli>` would, and
// returns its exit code and output. node --import tsx, not npx tsx: npx adds about 0.7 s per start.
import { spawnSync } from 'node:child_process';

export function runCli(cli: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${cli}.ts`, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
