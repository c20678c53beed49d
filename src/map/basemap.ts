// Base map choice → style sources and layers, using the pure styles of basemap-style.ts. A user's
// archive (URL or picked file) is opened first to see what it holds (ours, Protomaps, raster).
import { get } from 'idb-keyval';
import { PMTiles } from 'pmtiles';
import type { Lang } from '../i18n';
import type { BasemapChoice } from '../state/persist';
import { archiveBasemap, demoBasemap, xyzBasemap } from './basemap-style';
import { registerPmtilesFile } from './MapView';
import { BLANK_BASE, type BaseStyle } from './style';

export const BASEMAP_FILE_KEY = 'yl.basemap.file';

/** A base map that cannot be used, said in the catalogues' words (key + arguments). */
export class BasemapError extends Error {
  constructor(
    readonly key: string,
    readonly args: Record<string, string | number>,
  ) {
    super(`${key} ${JSON.stringify(args)}`);
  }
}

export interface BaseContext {
  /** absolute URL of the embedded demo archive */
  demoUrl: string;
  lang: Lang;
}

async function archive(url: string, source: string | PMTiles, lang: Lang): Promise<BaseStyle> {
  const pm = typeof source === 'string' ? new PMTiles(source) : source;
  const header = await pm.getHeader();
  const metadata = await pm.getMetadata();
  return archiveBasemap(url, { tileType: header.tileType, metadata }, lang);
}

export async function resolveBase(choice: BasemapChoice, ctx: BaseContext): Promise<BaseStyle> {
  switch (choice.kind) {
    case 'demo':
      return demoBasemap(ctx.demoUrl, ctx.lang);
    case 'none':
      return BLANK_BASE;
    case 'tiles-url':
      // the user typed it; the credit shown is the one they gave, or a plain reminder of OSM's
      return xyzBasemap({ url: choice.url, kind: 'raster', attribution: choice.attribution ?? '', lang: ctx.lang });
    case 'pmtiles-url':
      return archive(choice.url, choice.url, ctx.lang);
    case 'pmtiles-file': {
      const file = await get<File>(BASEMAP_FILE_KEY);
      if (!file) throw new BasemapError('ui.basemap.fileGone', { name: choice.name });
      const { url, archive: pm } = registerPmtilesFile(file);
      return archive(url, pm, ctx.lang);
    }
  }
}
