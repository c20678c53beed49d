// The one way the command-line tools write --out: refused before any work when it would land on
// an input, in a missing folder or on a folder; written under a unique temporary name (pid +
// random) and renamed, so an interrupted run leaves no half file; on any failure (full disk …)
// the temporary file is removed and the message names the file and what to do.
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { errorMessage } from '../core/errors';
import type { Msg } from '../core/model';

/** Files a project folder is read from: --out must not replace one of them. */
const FOLDER_FILES = ['project.json', 'communities.geojson', 'facilities.geojson', 'streets.geojson', 'roads.geojson'];

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Why --out cannot be written, or undefined. `inputs` are the files (or project folders) read. */
export function outProblem(out: string, inputs: readonly string[]): Msg | undefined {
  const dir = dirname(resolve(out));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { key: 'cli.out.noFolder', args: { file: out, folder: dirname(out) } };
  if (existsSync(out) && statSync(out).isDirectory()) return { key: 'cli.out.isFolder', args: { file: out } };
  const target = real(out);
  for (const input of inputs) {
    const read = existsSync(input) && statSync(input).isDirectory() ? FOLDER_FILES.map((f) => join(input, f)) : [input];
    if (read.some((f) => real(f) === target)) return { key: 'cli.out.isInput', args: { file: out, input } };
  }
  return undefined;
}

/** Writes body to out (see above); never throws. */
export function writeOut(out: string, body: string | Uint8Array, inputs: readonly string[] = []): { ok: true } | { ok: false; msg: Msg } {
  const bad = outProblem(out, inputs);
  if (bad) return { ok: false, msg: bad };
  const tmp = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, body, { flag: 'wx' });
    renameSync(tmp, out);
    return { ok: true };
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or already gone
    }
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const key =
      code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT' ? 'cli.out.full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'cli.out.denied' : 'cli.out.failed';
    return { ok: false, msg: { key, args: { file: out, code, detail: errorMessage(e) } } };
  }
}
