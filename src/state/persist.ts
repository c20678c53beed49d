// What the app remembers between visits (language, base map choice), read defensively: a stored
// value from an older version or another app is ignored, never trusted.
import type { Lang } from '../i18n';

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type BasemapChoice =
  | { kind: 'demo' }
  /** a .pmtiles archive by URL (e.g. a Protomaps extract served next to the app) */
  | { kind: 'pmtiles-url'; url: string }
  /** a .pmtiles file the user picked; the File itself is kept in IndexedDB */
  | { kind: 'pmtiles-file'; name: string }
  /** an online XYZ raster tile template, e.g. https://tile.example.org/{z}/{x}/{y}.png */
  | { kind: 'tiles-url'; url: string; attribution?: string }
  /** 天地图: vector or imagery with their annotation, with the user's own key (kept here, in this browser) */
  | { kind: 'tianditu'; layer: 'vec' | 'img'; key: string }
  | { kind: 'none' };

const KEYS = { lang: 'yl.lang', basemap: 'yl.basemap' } as const;

export function readLang(kv: KeyValue | null): Lang {
  const v = kv?.getItem(KEYS.lang);
  return v === 'en' ? 'en' : 'zh';
}

/** A choice kept if storage lets it (full or blocked: the choice holds for this visit). */
function keep(kv: KeyValue | null, key: string, value: string): void {
  try {
    kv?.setItem(key, value);
  } catch {
    // nothing to tell the user that they would act on: the page works, it just forgets
  }
}

export function writeLang(kv: KeyValue | null, lang: Lang): void {
  keep(kv, KEYS.lang, lang);
}

export function parseBasemap(text: string | null | undefined): BasemapChoice {
  if (!text) return { kind: 'demo' };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { kind: 'demo' };
  }
  if (typeof v !== 'object' || v === null) return { kind: 'demo' };
  const o = v as Record<string, unknown>;
  switch (o.kind) {
    case 'none':
      return { kind: 'none' };
    case 'pmtiles-url':
      return typeof o.url === 'string' && isHttpUrl(o.url) ? { kind: 'pmtiles-url', url: o.url } : { kind: 'demo' };
    case 'tiles-url':
      if (typeof o.url !== 'string' || !isHttpUrl(o.url)) return { kind: 'demo' };
      return typeof o.attribution === 'string' ? { kind: 'tiles-url', url: o.url, attribution: o.attribution } : { kind: 'tiles-url', url: o.url };
    case 'tianditu':
      return (o.layer === 'vec' || o.layer === 'img') && typeof o.key === 'string' && TIANDITU_KEY.test(o.key)
        ? { kind: 'tianditu', layer: o.layer, key: o.key }
        : { kind: 'demo' };
    case 'pmtiles-file':
      return typeof o.name === 'string' ? { kind: 'pmtiles-file', name: o.name } : { kind: 'demo' };
    default:
      return { kind: 'demo' };
  }
}

export function readBasemap(kv: KeyValue | null): BasemapChoice {
  return parseBasemap(kv?.getItem(KEYS.basemap));
}

export function writeBasemap(kv: KeyValue | null, b: BasemapChoice): void {
  keep(kv, KEYS.basemap, JSON.stringify(b));
}

/** A 天地图 key as the console issues it: 32 hexadecimal characters. */
export const TIANDITU_KEY = /^[0-9a-f]{32}$/i;

/** Only http(s) and relative URLs: a javascript: or data: URL typed in the box goes nowhere. */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s, 'http://localhost/');
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
