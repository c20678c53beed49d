// The docs index (docs/README.md) lists every document in docs/, and each of its links resolves.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const index = readFileSync('docs/README.md', 'utf8');
const links = [...index.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]);

describe('docs index', () => {
  it('links every document in docs/', () => {
    const docs = readdirSync('docs').filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(docs.filter((f) => !links.includes(f))).toEqual([]);
  });
  it('every link points to a file that exists', () => {
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => !existsSync(join('docs', l)))).toEqual([]);
  });
});
