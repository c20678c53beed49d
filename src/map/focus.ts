// Pure: where the camera goes for a unit picked in the table — its bounding box, and a centre
// that lies on the unit itself (for a U-shaped community the box centre may be outside it).
import { bbox, pointOnFeature } from '@turf/turf';
import type { Geometry } from 'geojson';
import type { Community, Facility, Level, Street } from '../core/model';

export interface FocusTarget {
  bbox: [number, number, number, number];
  centre: [number, number];
}

export interface Units {
  communities: readonly Community[];
  facilities: readonly Facility[];
  streets: readonly Street[];
}

function target(g: Geometry): FocusTarget {
  const b = bbox(g);
  const c = pointOnFeature(g).geometry.coordinates;
  return { bbox: [b[0], b[1], b[2], b[3]], centre: [c[0], c[1]] };
}

/** Box around every street (or, with no streets, every community): the whole area. */
export function areaBbox(u: Units): [number, number, number, number] | null {
  const geoms: Geometry[] = (u.streets.length ? u.streets : u.communities).map((x) => x.geometry);
  if (geoms.length === 0) return null;
  const b = bbox({ type: 'GeometryCollection', geometries: geoms });
  return [b[0], b[1], b[2], b[3]];
}

export function focusTarget(u: Units, level: Level, id: string): FocusTarget | null {
  switch (level) {
    case 'community': {
      const c = u.communities.find((x) => x.id === id);
      return c ? target(c.geometry) : null;
    }
    case 'facility': {
      const f = u.facilities.find((x) => x.id === id);
      return f ? target(f.geometry) : null;
    }
    case 'street': {
      const s = u.streets.find((x) => x.id === id);
      return s ? target(s.geometry) : null;
    }
    case 'area': {
      const b = areaBbox(u);
      return b ? { bbox: b, centre: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] } : null;
    }
    default:
      return null;
  }
}
