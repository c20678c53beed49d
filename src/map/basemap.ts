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

/** The base map at once, for the choices that read nothing first (the demo, none): the map's
 *  first style then has it, instead of a blank style replaced a moment later (two style loads on
 *  every cold start). Null for the others. */
export function baseNow(choice: BasemapChoice, ctx: Pick<BaseContext, 'demoUrl' | 'lang'>): BaseStyle | null {
  if (choice.kind === 'demo') return demoBasemap(ctx.demoUrl, ctx.lang);
  if (choice.kind === 'none') return BLANK_BASE;
  return null;
}

export async function resolveBase(choice: BasemapChoice, ctx: BaseContext): Promise<BaseStyle> {
  switch (choice.kind) {
    case 'demo':
    case 'none':
      return baseNow(choice, ctx) ?? BLANK_BASE;
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
