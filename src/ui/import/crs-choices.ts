// The coordinate systems the wizard offers (docs/import-export.md): the file's own, WGS84,
// CGCS2000 geographic, the CGCS2000 3° Gauss-Krüger zones EPSG:4513–4554, Web Mercator, or a
// custom proj4 string.
export interface CrsPreset {
  choice: string;
  label: string;
  /** what setCrs gets; undefined = needs a second input (zone, proj4 string) */
  code?: string;
}

export const CRS_PRESETS: readonly CrsPreset[] = [
  { choice: 'file', label: 'importui.crs.file', code: '' },
  { choice: 'wgs84', label: 'importui.crs.wgs84', code: 'EPSG:4326' },
  { choice: 'cgcs2000', label: 'importui.crs.cgcs2000', code: 'EPSG:4490' },
  { choice: 'gk', label: 'importui.crs.gk' },
  { choice: 'mercator', label: 'importui.crs.mercator', code: 'EPSG:3857' },
  { choice: 'custom', label: 'importui.crs.custom' },
];

export interface GkZone {
  code: string;
  zone: number;
  /** central meridian, degrees east */
  cm: number;
  /** the zone number is written in front of the easting */
  prefixed: boolean;
}

/** zones 25–45 (75°E–135°E): EPSG:4513–4533 with the zone prefix, EPSG:4534–4554 without */
export const GK_ZONES: readonly GkZone[] = Array.from({ length: 21 }, (_, i) => i + 25).flatMap((zone) => [
  { code: `EPSG:${4513 + zone - 25}`, zone, cm: 3 * zone, prefixed: true },
  { code: `EPSG:${4534 + zone - 25}`, zone, cm: 3 * zone, prefixed: false },
]);

export function crsChoiceOf(crs: string): { choice: string } {
  if (!crs) return { choice: 'file' };
  const preset = CRS_PRESETS.find((p) => p.code === crs);
  if (preset) return { choice: preset.choice };
  if (GK_ZONES.some((z) => z.code === crs)) return { choice: 'gk' };
  return { choice: 'custom' };
}
