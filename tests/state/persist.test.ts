import { describe, expect, it } from 'vitest';
import { isHttpUrl, parseBasemap, readBasemap, readLang, writeBasemap, writeLang, type KeyValue } from '../../src/state/persist';

function memory(): KeyValue & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('remembered choices', () => {
  it('round-trips language and base map', () => {
    const kv = memory();
    expect(readLang(kv)).toBe('zh');
    writeLang(kv, 'en');
    expect(readLang(kv)).toBe('en');
    writeBasemap(kv, { kind: 'tiles-url', url: 'https://t.example.org/{z}/{x}/{y}.png', attribution: '© OSM' });
    expect(readBasemap(kv)).toEqual({ kind: 'tiles-url', url: 'https://t.example.org/{z}/{x}/{y}.png', attribution: '© OSM' });
    writeBasemap(kv, { kind: 'pmtiles-file', name: 'xian.pmtiles' });
    expect(readBasemap(kv)).toEqual({ kind: 'pmtiles-file', name: 'xian.pmtiles' });
    // 天地图 with the user's key, kept in this browser's local storage
    writeBasemap(kv, { kind: 'tianditu', layer: 'img', key: '0123456789abcdef0123456789ABCDEF' });
    expect(readBasemap(kv)).toEqual({ kind: 'tianditu', layer: 'img', key: '0123456789abcdef0123456789ABCDEF' });
  });
  it('drops a 天地图 choice whose key or layer is not one Tianditu issues', () => {
    expect(parseBasemap('{"kind":"tianditu","layer":"vec","key":"short"}')).toEqual({ kind: 'demo' });
    expect(parseBasemap('{"kind":"tianditu","layer":"ter","key":"0123456789abcdef0123456789abcdef"}')).toEqual({ kind: 'demo' });
    expect(parseBasemap('{"kind":"tianditu","layer":"vec","key":"0123456789abcdef0123456789abcde&"}')).toEqual({ kind: 'demo' });
  });
  it('falls back to the demo on anything it does not recognise', () => {
    expect(parseBasemap(null)).toEqual({ kind: 'demo' });
    expect(parseBasemap('{not json')).toEqual({ kind: 'demo' });
    expect(parseBasemap('{"kind":"ftp"}')).toEqual({ kind: 'demo' });
    expect(parseBasemap('{"kind":"pmtiles-url","url":"javascript:alert(1)"}')).toEqual({ kind: 'demo' });
    expect(parseBasemap('{"kind":"pmtiles-url","url":42}')).toEqual({ kind: 'demo' });
    expect(readLang(null)).toBe('zh');
  });
  it('accepts only http(s) and relative URLs', () => {
    expect(isHttpUrl('https://x.org/a.pmtiles')).toBe(true);
    expect(isHttpUrl('tiles/a.pmtiles')).toBe(true);
    expect(isHttpUrl('data:text/html,hi')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
  });
});
