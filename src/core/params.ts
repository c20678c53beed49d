// Every parameter the analysis uses, its default, and why (README "Parameters" repeats this).
import type { FacilityKind } from './model';

export interface Params {
  /** how far a resident is from a facility: 'auto' walks along the streets whenever the project has a
   *  street network (roads) — the documents' 15-minute circle is a walk, not a line across rivers and
   *  rail yards — and falls back to straight lines without one; 'straight' and 'network' force a mode */
  reach: 'auto' | 'straight' | 'network';
  /** minutes of the service circle: "15分钟养老服务圈" (002 二(五)), "15分钟便民服务圈" (004 二(四)11) */
  circleMinutes: number;
  /** walking speed, metres per second. 0.9 m/s: a comfortable pace for older pedestrians; 15 min × 0.9 m/s = 810 m,
   *  the lower bound of the 800–1000 m walking distance that GB 50180-2018 (城市居住区规划设计标准) 表3.0.4 gives
   *  for the 15-minute life circle */
  walkSpeed: number;
  /** straight-line mode only: walking distance ÷ this = circle radius. 1.0 draws the plain radius most plans use */
  detourFactor: number;
  /** "同址或邻近" (002 四(十), 003 三(六)7) gives no distance: 300 m (≈5 minutes' walk) by default */
  colocateDistance: number;
  /** max metres from a community or facility to the street network before it counts as unsnapped */
  snapDistance: number;
  /** kinds that make the elderly-care circle (002 二(五): 日间照料中心 and above) */
  elderlyCircleKinds: FacilityKind[];
  /** kinds that make the childcare circle */
  childcareCircleKinds: FacilityKind[];
  /** year the evaluation stands in (targets due by a year are checked only when this year is reached… see rules) */
  year: number;
  /** optional per-rule threshold overrides, keyed by rule key (`ca.community.min:elderly`, `wy.places.new` …);
   *  a rule without an entry uses the value its document states */
  thresholds?: Record<string, number>;
}

export const REACH_MODES: readonly Params['reach'][] = ['auto', 'straight', 'network'];

export const DEFAULT_PARAMS: Readonly<Params> = Object.freeze({
  reach: 'auto',
  circleMinutes: 15,
  walkSpeed: 0.9,
  detourFactor: 1.0,
  colocateDistance: 300,
  snapDistance: 500,
  elderlyCircleKinds: ['elderly_daycare', 'elderly_complex', 'elderly_institution', 'elderly_township_centre'],
  childcareCircleKinds: ['childcare_centre', 'kindergarten_nursery', 'family_childcare'],
  year: 2025,
}) as Readonly<Params>;

/** Whether the analysis walks along the streets: asked for (or 'auto') and a street network is loaded. */
export function usesNetwork(p: Partial<Pick<Params, 'reach'>>, roadCount: number): boolean {
  return (p.reach ?? DEFAULT_PARAMS.reach) !== 'straight' && roadCount > 0;
}

/** Metres a resident walks within the circle. */
export function circleDistance(p: Params): number {
  return p.circleMinutes * 60 * p.walkSpeed;
}

export function resolveParams(over: Partial<Params> = {}): Params {
  return { ...DEFAULT_PARAMS, ...over } as Params;
}
