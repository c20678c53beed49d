import { describe, expect, it } from 'vitest';
import { missingKeys, t } from '../../src/i18n';
import './all-catalogues'; // the parts' catalogues too (loaded on first use in the app)

describe('i18n', () => {
  it('every message exists in Chinese and English', () => {
    expect(missingKeys()).toEqual([]);
  });
  it('fills placeholders and shows unknown keys as themselves', () => {
    expect(t('zh', 'no.such.key', { a: 1 })).toBe('no.such.key');
  });
});
