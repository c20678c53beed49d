import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestEn, suggestZh } from '../../../src/i18n/suggest';

describe('suggest messages', () => {
  it('every key the code uses exists in Chinese and English', () => {
    const code = readdirSync('src/core/suggest')
      .map((f) => readFileSync(`src/core/suggest/${f}`, 'utf8'))
      .join('\n');
    const used = [...code.matchAll(/'(suggest\.[\w.]+)'/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const k of used) {
      expect(suggestZh[k], k).toBeTruthy();
      expect(suggestEn[k], k).toBeTruthy();
    }
    expect(Object.keys(suggestZh).sort()).toEqual(Object.keys(suggestEn).sort());
  });
});
