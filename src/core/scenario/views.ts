// Saved views for meetings and presentation: a scenario (or the baseline), a map extent and the
// visible layers. Presentation mode steps through them with the keyboard.
import type { Msg } from '../model';
import { newId } from './ids';

export interface View {
  id: string;
  name: string;
  /** a scenario id, or BASELINE_ID for the data as imported */
  scenarioId: string;
  /** [west, south, east, north], WGS84 degrees */
  extent: [number, number, number, number];
  /** ids of the map layers that are on */
  layers: string[];
}

export type ViewResult = { ok: true; views: View[]; view: View } | { ok: false; reason: Msg };

export function addView(views: readonly View[], view: Omit<View, 'id'>, id = newId('view')): ViewResult {
  if (views.some((v) => v.id === id)) return { ok: false, reason: { key: 'scenario.error.viewIdTaken', args: { id } } };
  const [w, s, e, n] = view.extent;
  if (!(w < e && s < n)) return { ok: false, reason: { key: 'scenario.error.badExtent', args: { extent: view.extent.join(', ') } } };
  const v: View = { ...view, id, extent: [w, s, e, n], layers: [...view.layers] };
  return { ok: true, views: [...views, v], view: v };
}

export function removeView(views: readonly View[], id: string): View[] {
  return views.filter((v) => v.id !== id);
}

/** Views whose scenario was deleted would show nothing meaningful: drop them with the scenario. */
export function viewsWithout(views: readonly View[], scenarioId: string): View[] {
  return views.filter((v) => v.scenarioId !== scenarioId);
}

/** The next (step 1) or previous (step −1) view, wrapping around; the first one if none is current. */
export function stepView(views: readonly View[], currentId: string | undefined, step: 1 | -1): View | undefined {
  if (views.length === 0) return undefined;
  const i = views.findIndex((v) => v.id === currentId);
  if (i < 0) return views[0];
  return views[(i + step + views.length) % views.length];
}
