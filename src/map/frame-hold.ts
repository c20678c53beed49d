// Frames held while an edit's data reach the map (MapView.lightenEdit). MapLibre draws a whole
// frame for every data event of every source — a diff's metadata and content, each batch of
// tiles, new feature state — and software WebGL (SwiftShader) takes 80–100 ms of the page's
// thread for each, so one moved facility cost ≈ 6 frames, each delaying the workers' next answer.
// Held, the map asks for no frame until the edit's verdicts are handed over and every source has
// loaded what it was given: one frame then shows it all.
//
// MapLibre has no public way to wait with its frames. Every frame it schedules goes through the
// map's own triggerRepaint (Map._update and the end of Map._render call it; maplibre-gl 6), so the
// hold replaces that method on this map instance: while held, a frame asked for is only noted.

import type { Clock } from './paint-pacer';

/** what the hold needs of a MapLibre map */
export interface Repaintable {
  triggerRepaint(): void;
}

/** longest hold: an answer that never comes must not freeze the map */
export const HOLD_MAX_MS = 1000;

export class FrameHold {
  private held = false;
  private checking = false;
  /** a frame was asked for while held */
  private owed = false;
  private timer: unknown = null;
  private readonly repaint: () => void;

  /** `ready`: whether what the hold waits for is in (checkSoon); `drawing`: called when it is,
   *  before the frame is asked for */
  constructor(
    map: Repaintable,
    private readonly ready: () => boolean,
    private readonly clock: Clock,
    private readonly drawing: () => void = () => undefined,
  ) {
    const repaint = map.triggerRepaint.bind(map);
    this.repaint = repaint;
    map.triggerRepaint = () => {
      if (this.held) this.owed = true;
      else repaint();
    };
  }

  get holding(): boolean {
    return this.held;
  }

  /** Frames wait from now until check() finds `ready`, release(), or HOLD_MAX_MS. */
  hold(): void {
    this.held = true;
    if (this.timer !== null) this.clock.cancel(this.timer);
    this.timer = this.clock.later(() => this.release(), HOLD_MAX_MS);
  }

  /** Something the hold waits for may have come: the frame is drawn once all of it is in. Looked
   *  at when the task ends: MapLibre fires a source's metadata before the content that starts
   *  its tiles' reload, and an analysis's verdicts and circles are handed over in one batch. */
  checkSoon(): void {
    if (!this.held || this.checking) return;
    this.checking = true;
    queueMicrotask(() => {
      this.checking = false;
      if (!this.held || !this.ready()) return;
      this.drawing();
      this.release();
    });
  }

  /** The frame asked for while held is drawn (the user moves the map, the canvas is resized …). */
  release(): void {
    if (this.timer !== null) this.clock.cancel(this.timer);
    this.timer = null;
    if (!this.held) return;
    this.held = false;
    if (this.owed) this.repaint();
    this.owed = false;
  }
}
