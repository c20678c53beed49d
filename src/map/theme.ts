// Colours and symbols of the analysis layers, shared by the layer specs and the legend.
// Verdict colours are red/blue/grey rather than red/green so colour-blind planners (and washed-out
// projectors) still tell fail from pass.
import type { FacilityKind } from '../core/model';
import type { Lang } from '../i18n';
import type { Verdict } from '../core/report/verdicts';

export const VERDICT_COLOURS: Record<Verdict, string> = {
  fail: '#d7191c',
  pass: '#2b83ba',
  na: '#a6a6a6',
  none: '#e8e8e8',
};

/** Outline of communities whose residents are outside every selected service circle. */
export const OUTSIDE_COLOUR = '#ff7f00';
export const SELECTION_COLOUR = '#111111';

/** The image id of the diagonal hatching that marks communities outside every circle. */
export const OUTSIDE_HATCH = 'a-outside-hatch';

/** Diagonal stripes in OUTSIDE_COLOUR on transparent, `size` px square (RGBA bytes for
 *  MapLibre's addImage): hatching says "outside" without hiding the verdict colour under it. */
export function hatchImage(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(OUTSIDE_COLOUR.slice(i, i + 2), 16));
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // a 2 px stripe on the anti-diagonal; it tiles seamlessly because it wraps at `size`
      if ((x + y) % size > 1) continue;
      data.set([r, g, b, 230], (y * size + x) * 4);
    }
  return { width: size, height: size, data };
}

export type FacilityGroup = 'elderly' | 'childcare' | 'health';

export interface KindStyle {
  group: FacilityGroup;
  colour: string;
  /** one character drawn on the marker, so kinds differ by shape of the mark, not colour alone */
  glyph: Record<Lang, string>;
}

export const KIND_STYLES: Record<FacilityKind, KindStyle> = {
  elderly_institution: { group: 'elderly', colour: '#542788', glyph: { zh: '院', en: 'I' } },
  elderly_township_centre: { group: 'elderly', colour: '#8073ac', glyph: { zh: '镇', en: 'T' } },
  elderly_complex: { group: 'elderly', colour: '#b35806', glyph: { zh: '综', en: 'C' } },
  elderly_daycare: { group: 'elderly', colour: '#e08214', glyph: { zh: '日', en: 'D' } },
  elderly_rural_point: { group: 'elderly', colour: '#9c6b30', glyph: { zh: '村', en: 'V' } },
  childcare_centre: { group: 'childcare', colour: '#1b7837', glyph: { zh: '托', en: 'N' } },
  kindergarten_nursery: { group: 'childcare', colour: '#35978f', glyph: { zh: '幼', en: 'K' } },
  family_childcare: { group: 'childcare', colour: '#5aae61', glyph: { zh: '家', en: 'F' } },
  health_centre: { group: 'health', colour: '#c51b7d', glyph: { zh: '医', en: 'H' } },
};

export const CIRCLE_COLOURS: Record<'elderly' | 'childcare', string> = {
  elderly: '#e08214',
  childcare: '#1b7837',
};

/** Marker radius in pixels by capacity (beds or places): area grows with capacity, capped so
 *  a 500-bed institution does not hide its neighbours. */
export const CAPACITY_RADIUS: readonly [capacity: number, px: number][] = [
  [0, 6],
  [50, 9],
  [200, 13],
  [500, 17],
];

/** Compare maps: what happened to a community's verdict from A to B. Blue and orange (not
 *  red/green) so colour-blind readers tell better from worse; unchanged recedes in grey. */
export const CHANGE_COLOURS: Record<'better' | 'worse' | 'same', string> = {
  better: '#1f78b4',
  worse: '#e66101',
  same: '#bdbdbd',
};

/** Facilities a compared plan adds, moves or changes: a dark ring on a white halo. */
export const CHANGED_COLOURS = { ring: '#111111', halo: '#ffffff' } as const;

/** A site under check (drawn or from its file) and its straight-line circle after the check. */
export const SITE_COLOURS = { outline: '#7b2cbf', circle: '#2b6cb0' } as const;
