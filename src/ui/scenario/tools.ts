// The editing tools' page state (what is being drawn, which form is open, the last message) and
// the steps that use the drawing wrapper: every change ends in actions.commitEdit.
import { signal } from '@preact/signals';
import { representativePoint } from '../../core/geo';
import type { Community, Msg } from '../../core/model';
import { moveFacility, putCommunity, type OpResult } from '../../core/scenario';
import { currentDrawing, type LonLat, type Ring } from '../../map/draw';
import type { Actions } from '../../state/actions';
import type { AppState } from '../../state/app-state';

/** the form over the map: a new facility at a clicked spot, or a new residential area just drawn */
export type Pending = { kind: 'facility'; at: LonLat } | { kind: 'area'; ring: Ring } | null;

export const pending = signal<Pending>(null);
/** the last result of an editing step: an error to fix or a short confirmation. Messages stay
 *  keys until shown, so a language switch re-words them; several are shown one per line. */
export const notice = signal<{ tone: 'error' | 'info'; text: Msg | Msg[] | string } | null>(null);

export function say(m: Msg | null): boolean {
  notice.value = m ? { tone: 'error', text: m } : null;
  return m === null;
}

/** Commit an operation's edit, or show why it cannot be made; true when committed. */
export function commitOp(actions: Actions, r: OpResult): boolean {
  return say(r.ok ? actions.commitEdit(r.edit) : r.reason);
}

export async function placeFacility(): Promise<void> {
  const d = currentDrawing.value;
  if (!d) return;
  pending.value = null;
  const at = await d.placePoint({ keep: true });
  if (at) pending.value = { kind: 'facility', at };
}

export async function drawArea(): Promise<void> {
  const d = currentDrawing.value;
  if (!d) return;
  pending.value = null;
  const ring = await d.drawPolygon({ keep: true });
  if (ring) pending.value = { kind: 'area', ring };
}

/** Redraw an existing area's outline: the drawing replaces it (figures kept). */
export async function redrawArea(s: AppState, actions: Actions, id: string): Promise<void> {
  const d = currentDrawing.value;
  if (!d) return;
  const ring = await d.drawPolygon();
  const c = s.layers.peek()?.communities.find((x) => x.id === id);
  if (!ring || !c) return;
  const next: Community = { ...c, geometry: { type: 'Polygon', coordinates: [ring] } };
  const e = putCommunity(s.layers.peek()!, { community: next, replaces: true });
  commitOp(actions, e);
}

/** Reshape an existing area's outline: its corners dragged on the map, then "done" (finish()).
 *  A multi-part area is redrawn instead (one outline to drag is what people expect). */
export async function reshapeArea(s: AppState, actions: Actions, id: string): Promise<void> {
  const d = currentDrawing.value;
  const c = s.layers.peek()?.communities.find((x) => x.id === id);
  if (!d || !c) return;
  if (c.geometry.type !== 'Polygon') return redrawArea(s, actions, id);
  const [outer, ...holes] = c.geometry.coordinates;
  const ring = await d.reshapePolygon(outer.map(([x, y]) => [x, y] as [number, number]));
  const now = s.layers.peek()?.communities.find((x) => x.id === id);
  if (!ring || !now) return;
  const next: Community = { ...now, geometry: { type: 'Polygon', coordinates: [ring, ...holes] } };
  const e = putCommunity(s.layers.peek()!, { community: next, replaces: true });
  commitOp(actions, e);
}

/** Drag a facility (from the baseline or the scenario) to a new place. */
export async function dragFacility(s: AppState, actions: Actions, id: string): Promise<void> {
  const d = currentDrawing.value;
  const f = s.layers.peek()?.facilities.find((x) => x.id === id);
  if (!d || !f) return;
  const [x, y] = representativePoint(f.geometry);
  const to = await d.dragPoint([x, y]);
  if (!to) return;
  const e = moveFacility(s.layers.peek()!, { id, to });
  commitOp(actions, e);
}

/** The form is done (added or cancelled): the shape it was about goes too. */
export function closeForm(): void {
  pending.value = null;
  currentDrawing.value?.stop();
}

export function stopDrawing(): void {
  currentDrawing.value?.stop();
  pending.value = null;
}
