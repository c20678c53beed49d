// src/core must run in Node, the worker and the browser alike: no DOM, map or UI imports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN = /from\s+['"](maplibre-gl|pmtiles|preact|@preact\/[^'"]+|terra-draw[^'"]*)['"]|\b(document|window|localStorage)\./;

describe('core purity', () => {
  it('src/core imports no DOM, map or UI code', () => {
    const bad = files('src/core').filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
  it('the check itself catches a forbidden import', () => {
    expect(FORBIDDEN.test("import * as maplibregl from 'maplibre-gl'")).toBe(true);
    expect(FORBIDDEN.test('document.body')).toBe(true);
  });
});
