// --out of every command-line tool goes through writeOut: refused up front when it would replace an
// input, lands in a missing folder or names a folder; a failing write (full disk) leaves nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/import';
import { outProblem, writeOut } from '../../src/cli/write-out';

const dir = mkdtempSync(join(tmpdir(), 'write-out-'));

describe('writeOut', () => {
  it('writes under a temporary name and leaves only the file', () => {
    const out = join(dir, 'ok', 'a.json');
    mkdirSync(join(dir, 'ok'));
    expect(writeOut(out, '{"a":1}')).toEqual({ ok: true });
    expect(readFileSync(out, 'utf8')).toBe('{"a":1}');
    expect(readdirSync(join(dir, 'ok'))).toEqual(['a.json']);
  });
  it('a missing folder, a folder, the input itself (also through a symlink or a project folder) are refused before writing', () => {
    expect(writeOut(join(dir, 'nope', 'a.json'), 'x')).toMatchObject({ ok: false, msg: { key: 'cli.out.noFolder' } });
    expect(readdirSync(dir)).not.toContain('nope');
    expect(writeOut(dir, 'x')).toMatchObject({ ok: false, msg: { key: 'cli.out.isFolder' } });
    const input = join(dir, 'in.geojson');
    writeFileSync(input, 'original');
    symlinkSync(input, join(dir, 'link.geojson'));
    expect(outProblem(input, [input])?.key).toBe('cli.out.isInput');
    expect(outProblem(join(dir, 'link.geojson'), [input])?.key).toBe('cli.out.isInput');
    const project = join(dir, 'project');
    cpSync('data/sample', project, { recursive: true });
    expect(outProblem(join(project, 'facilities.geojson'), [project])?.key).toBe('cli.out.isInput');
    expect(outProblem(join(project, 'report.xlsx'), [project])).toBeUndefined();
    expect(readFileSync(input, 'utf8')).toBe('original');
  });
  it('a full disk (file size limit) gives its message and leaves no partial temporary file', () => {
    const full = join(dir, 'full');
    mkdirSync(full);
    // ulimit -f 1: writes beyond 1 KiB fail with EFBIG, as on a full disk
    const script = `import { writeOut } from '${join(process.cwd(), 'src/cli/write-out.ts')}'; console.log(JSON.stringify(writeOut('${join(full, 'big.json')}', 'x'.repeat(100000))));`;
    const r = spawnSync('bash', ['-c', `ulimit -f 1; exec npx tsx -e "${script.replace(/"/g, '\\"')}"`], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ ok: false, msg: { key: 'cli.out.full', args: { code: 'EFBIG' } } });
    expect(readdirSync(full)).toEqual([]);
  });
});

describe('npm run import --out', () => {
  it('equal to the input: exit 2, the input unchanged, nothing else written', () => {
    const input = join(dir, 'communities.geojson');
    cpSync('data/sample/communities.geojson', input);
    const before = readFileSync(input, 'utf8');
    const lines: string[] = [];
    expect(run([input, '--as', 'communities', '--out', input], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toContain('会覆盖原始数据');
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
