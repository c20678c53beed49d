// docs/sources.md: one row per document with the title the app cites and the SHA-256 of the text
// the quotes were checked against; the hashes are compared with ../shared/seeds when it is there
// (on CI it must be: a missing text fails).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC } from '../../src/core/rules/profiles/documents';
import { SEED_FILES, SEEDS_DIR, seedText, seedsPresent } from './seeds';

const doc = readFileSync('docs/sources.md', 'utf8');
const rows = doc
  .split('\n')
  .filter((l) => /^\| 00\d \|/.test(l))
  .map((l) => l.split('|').map((c) => c.trim()));

describe('docs/sources.md', () => {
  it('names every document by the title the app cites, with its profile and a hash', () => {
    expect(rows.length).toBe(5);
    for (const [id, title] of Object.entries(DOC)) {
      const row = rows.find((r) => r[2] === title);
      expect(row, title).toBeDefined();
      expect(row?.[6]).toBe(`\`${id}\``);
      expect(row?.[7]).toMatch(/^`[0-9a-f]{64}`$/);
      expect(row?.[1]).toBe(SEED_FILES[id].slice(0, 3));
    }
  });

  it.runIf(seedsPresent())('the hashes are those of the texts in ../shared/seeds', () => {
    for (const id of Object.keys(DOC)) {
      expect(seedText(id), resolve(SEEDS_DIR, SEED_FILES[id])).not.toBeNull();
      const sha = createHash('sha256')
        .update(readFileSync(resolve(SEEDS_DIR, SEED_FILES[id])))
        .digest('hex');
      expect(rows.find((r) => r[6] === `\`${id}\``)?.[7], id).toBe(`\`${sha}\``);
    }
  });

  it('every title the app cites occurs in its document (its heading)', () => {
    if (!seedsPresent()) return;
    // the titles are the documents' own headings; the bracket (附件6, 代拟稿 …) is written apart from
    // the heading in the texts, and 003 breaks its heading before 实施方案
    for (const [id, title] of Object.entries(DOC)) {
      const text = seedText(id) ?? '';
      const head = title.replace(/（[^（）]+）$/, '').replace('“十四五”促进养老托育服务健康发展实施方案', '“十四五”促进养老托育服务健康发展');
      expect(text.includes(head), `${id}: ${head}`).toBe(true);
    }
  });
});
