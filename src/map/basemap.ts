// Base map choice → style sources and layers, using the pure styles of basemap-style.ts. A user's
// archive (URL or picked file) is opened first to see what it holds (ours, Protomaps, raster).
import type { Lang } from '../i18n';
import type { BasemapChoice } from '../state/persist';
import { archiveBasemap, demoBasemap, tiandituBasemap, xyzBasemap } from './basemap-style';
import { readArchive } from './MapView';
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
  /** the user's .pmtiles file kept between visits (from the storage port), if any */
  keptFile: () => Promise<File | undefined>;
}

async function archive(source: string | File, lang: Lang): Promise<BaseStyle> {
  const { url, ...info } = await readArchive(source);
  return archiveBasemap(url, info, lang);
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
      return archive(choice.url, ctx.lang);
    case 'tianditu':
      return tiandituBasemap({ layer: choice.layer, key: choice.key, lang: ctx.lang });
    case 'pmtiles-file': {
      const file = await ctx.keptFile();
      if (!file) throw new BasemapError('ui.basemap.fileGone', { name: choice.name });
      return archive(file, ctx.lang);
    }
  }
}
