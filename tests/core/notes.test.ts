// Our readings of ambiguous clauses are user-facing text: each exists in Chinese and English, and
// the English report shows the English one (the original words stay Chinese).
import { describe, expect, it } from 'vitest';
import { citationNote } from '../../src/i18n/report-rows';
import { PROFILES } from '../../src/core/rules/profiles';

describe('readings of the clauses', () => {
  const cited = PROFILES.flatMap((p) => p.rules.map((r) => ({ id: `${p.id}/${r.id}:${r.part ?? ''}`, c: r.citation })));
  it('every reading has both languages, and the English one is English', () => {
    const withNote = cited.filter((x) => x.c.note || x.c.noteEn);
    expect(withNote.length).toBeGreaterThanOrEqual(27);
    for (const { id, c } of withNote) {
      expect(c.note, id).toMatch(/[\u4e00-\u9fff]/);
      expect(c.noteEn, id).toBeTruthy();
      // English text: mostly Latin letters (Chinese terms in brackets allowed)
      const latin = (c.noteEn ?? '').replace(/[^A-Za-z]/g, '').length;
      const han = (c.noteEn ?? '').replace(/[^\u4e00-\u9fff]/g, '').length;
      expect(latin, id).toBeGreaterThan(han * 3);
    }
  });
  it('citationNote picks by language and falls back to Chinese when a translation is missing', () => {
    expect(citationNote({ note: '甲', noteEn: 'A' }, 'en')).toBe('A');
    expect(citationNote({ note: '甲', noteEn: 'A' }, 'zh')).toBe('甲');
    expect(citationNote({ note: '甲' }, 'en')).toBe('甲');
    expect(citationNote({}, 'en')).toBe('');
  });
});
