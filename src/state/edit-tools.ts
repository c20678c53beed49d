// The editing tools' state of one app (which form is open, the last message) and the steps that
// use the map's drawing tools: every change ends in actions.commitEdit.
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import { representativePoint } from '../core/geo';
import type { Community, Msg } from '../core/model';
import { moveFacility, putCommunity, type OpResult } from '../core/scenario';
import type { Drawing, LonLat, Ring } from '../map/draw';
import type { Actions } from './actions';
import type { AppState } from './app-state';

/** the form over the map: a new facility at a clicked spot, or a new residential area just drawn */
export type Pending = { kind: 'facility'; at: LonLat } | { kind: 'area'; ring: Ring } | null;

/** `drawing`: the map's drawing tools (null before the map exists: the steps then do nothing) */
export function createEditTools(s: AppState, actions: Pick<Actions, 'commitEdit' | 'previewEdit' | 'previewEnd'>, drawing: ReadonlySignal<Drawing | null>) {
  const pending = signal<Pending>(null);
  /** the last result of an editing step: an error to fix or a short confirmation. Messages stay
   *  keys until shown, so a language switch re-words them; several are shown one per line. */
  const notice = signal<{ tone: 'error' | 'info'; text: Msg | Msg[] | string } | null>(null);

  function say(m: Msg | null): boolean {
    notice.value = m ? { tone: 'error', text: m } : null;
    return m === null;
  }

  /** Commit an operation's edit, or show why it cannot be made; true when committed. */
  function commitOp(r: OpResult): boolean {
    return say(r.ok ? actions.commitEdit(r.edit) : r.reason);
  }

  async function placeFacility(): Promise<void> {
    const d = drawing.value;
    if (!d) return;
    pending.value = null;
    const at = await d.placePoint({ keep: true });
    if (at) pending.value = { kind: 'facility', at };
  }

  async function drawArea(): Promise<void> {
    const d = drawing.value;
    if (!d) return;
    pending.value = null;
    const ring = await d.drawPolygon({ keep: true });
    if (ring) pending.value = { kind: 'area', ring };
  }

  /** The form is done (added or cancelled): the shape it was about goes too. */
  function closeForm(): void {
    pending.value = null;
    drawing.value?.stop();
  }

  function stopDrawing(): void {
    drawing.value?.stop();
    pending.value = null;
  }

  return { pending, notice, say, commitOp, placeFacility, drawArea, closeForm, stopDrawing, ...unitShapeSteps(s, drawing, commitOp, actions) };
}

export type EditTools = ReturnType<typeof createEditTools>;

/** Reshaping a unit already there: an area's outline redrawn or dragged, a facility moved. */
function unitShapeSteps(s: AppState, drawing: ReadonlySignal<Drawing | null>, commitOp: (r: OpResult) => boolean, actions: Pick<Actions, 'previewEdit' | 'previewEnd'>) {
  /** Redraw an existing area's outline: the drawing replaces it (figures kept). */
  async function redrawArea(id: string): Promise<void> {
    const d = drawing.value;
    if (!d) return;
    const ring = await d.drawPolygon();
    const c = s.layers.peek()?.communities.find((x) => x.id === id);
    if (!ring || !c) return;
    const next: Community = { ...c, geometry: { type: 'Polygon', coordinates: [ring] } };
    const e = putCommunity(s.layers.peek()!, { community: next, replaces: true });
    commitOp(e);
  }

  /** Reshape an existing area's outline: its corners dragged on the map, then "done" (finish()).
   *  A multi-part area is redrawn instead (one outline to drag is what people expect). */
  async function reshapeArea(id: string): Promise<void> {
    const d = drawing.value;
    const c = s.layers.peek()?.communities.find((x) => x.id === id);
    if (!d || !c) return;
    if (c.geometry.type !== 'Polygon') return redrawArea(id);
    const [outer, ...holes] = c.geometry.coordinates;
    const ring = await d.reshapePolygon(outer.map(([x, y]) => [x, y] as [number, number]));
    const now = s.layers.peek()?.communities.find((x) => x.id === id);
    if (!ring || !now) return;
    const next: Community = { ...now, geometry: { type: 'Polygon', coordinates: [ring, ...holes] } };
    const e = putCommunity(s.layers.peek()!, { community: next, replaces: true });
    commitOp(e);
  }

  /** Drag a facility (from the baseline or the scenario) to a new place. */
  async function dragFacility(id: string): Promise<void> {
    const d = drawing.value;
    const f = s.layers.peek()?.facilities.find((x) => x.id === id);
    if (!d || !f) return;
    const [x, y] = representativePoint(f.geometry);
    // live verdicts and circle while dragging: the newest position once per frame; the worker
    // answers with the units it changes (actions.previewEdit keeps only the newest waiting)
    let latest: LonLat | null = null;
    let frame = false;
    const nextFrame = globalThis.requestAnimationFrame ?? ((fn: () => void) => setTimeout(fn, 16));
    const onMove = (p: LonLat) => {
      latest = p;
      if (frame) return;
      frame = true;
      nextFrame(() => {
        frame = false;
        const layers = s.layers.peek();
        if (!latest || !layers || !dragging) return;
        const e = moveFacility(layers, { id, to: latest });
        if (e.ok) actions.previewEdit(e.edit, { facility: id, to: latest });
      });
    };
    let dragging = true;
    // the data changed under the drag (an undo or redo, the facility deleted, another scenario or
    // project): the drag ends, so no handle is left over data it no longer belongs to
    const from = s.layers.peek();
    const unwatch = effect(() => {
      if (s.layers.value !== from) d.stop();
    });
    const to = await d.dragPoint([x, y], onMove).finally(unwatch);
    dragging = false;
    if (!to) {
      actions.previewEnd();
      return;
    }
    const e = moveFacility(s.layers.peek()!, { id, to });
    if (!commitOp(e)) actions.previewEnd();
  }

  return { redrawArea, reshapeArea, dragFacility };
}
