// shpjs ships no types; only the part we call is declared (geometry parsing without projection).
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  export function parseShp(shp: ArrayBuffer | DataView | Uint8Array, prj?: string | false): (Geometry | null)[];
}
