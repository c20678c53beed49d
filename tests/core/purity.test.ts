// src/core must run in Node, the worker and the browser alike. Its imports are checked by
// dependency-cruiser (.dependency-cruiser.cjs, `npm run layers`); what an import checker cannot see
// is a use of the page's globals, checked here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const PAGE_GLOBALS = /\b(document|window|localStorage|sessionStorage|navigator|indexedDB)\./;

describe('core purity', () => {
  it('src/core uses no page globals (document, window, storage …)', () => {
    const bad = files('src/core').filter((f) => PAGE_GLOBALS.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
  it('the check itself catches a page global', () => {
    expect(PAGE_GLOBALS.test('document.body')).toBe(true);
    expect(PAGE_GLOBALS.test('const documents = 1; documents.length')).toBe(false);
  });
});
