// The functions of src/ longer than a limit, measured with the TypeScript parser: every function
// declaration, function expression, arrow function, method and accessor, from its first line to
// its last (a function's nested functions count in its own length too, and are listed on their
// own when they are long themselves). tests/function-lengths.test.ts keeps the list from growing.
// `npx tsx scripts/code/function-lengths.ts [limit]` prints them, longest first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface LongFunction {
  /** path from the repository root, with forward slashes */
  file: string;
  /** the function's name, or the name it is assigned to ('<anonymous>' when neither) */
  name: string;
  /** first line, 1-based */
  line: number;
  lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function nameOf(node: ts.Node): string {
  const named = (n: ts.Node | undefined): string | undefined => {
    if (!n) return undefined;
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) return n.text;
    return n.getText();
  };
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) && node.name)
    return named(node.name) ?? '<anonymous>';
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const p = node.parent;
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return named(p.name) ?? '<anonymous>';
  // a callback: the callee it is handed to (useEffect, effect, computed …)
  if (ts.isCallExpression(p)) return `${named(p.expression)}(…)`;
  return '<anonymous>';
}

/** Every function in `files` with `lines` > `limit`, longest first. */
export function longFunctions(root: string, limit: number, files = sourceFiles(join(root, 'src'))): LongFunction[] {
  const out: LongFunction[] = [];
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = last - first + 1;
        if (lines > limit) out.push({ file: relative(root, path).split('\\').join('/'), name: nameOf(node), line: first + 1, lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file));
}

const invokedDirectly = process.argv[1] !== undefined && /function-lengths\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  const limit = Number(process.argv[2] ?? 80);
  const found = longFunctions(process.cwd(), limit);
  for (const f of found) console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
  console.log(`${found.length} functions over ${limit} lines`);
}
