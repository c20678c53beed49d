// Paints paced behind the map's frames (MapView.paced): while `pacing()` says so, a paint waits
// until the map has been free of its last frame for as long as that frame held the page, so at
// most half the time goes to such frames; a newer paint replaces a waiting one, and `flush()`
// (the drag's end) makes the waiting one at once. Pure: the clock and the timer are given.

export interface Clock {
  now(): number;
  later(fn: () => void, ms: number): unknown;
  cancel(timer: unknown): void;
}

export class PaintPacer {
  /** the last frame: when the page was free of it, and for how long it held the page */
  private last = { end: Number.NEGATIVE_INFINITY, cost: 0 };
  private waiting: (() => void) | null = null;
  private timer: unknown = null;

  constructor(
    private readonly pacing: () => boolean,
    private readonly clock: Clock,
  ) {}

  /** A frame held the page from `start` until `end` (ms on the clock). */
  frame(start: number, end: number): void {
    this.last = { end, cost: end - start };
  }

  paint(fn: () => void): void {
    const wait = this.pacing() ? this.last.end + this.last.cost - this.clock.now() : 0;
    this.waiting = fn;
    if (wait <= 0) this.flush();
    else if (this.timer === null) this.timer = this.clock.later(() => this.flush(), wait);
  }

  /** The waiting paint dropped (the map is going away). */
  cancel(): void {
    if (this.timer !== null) this.clock.cancel(this.timer);
    this.timer = null;
    this.waiting = null;
  }

  flush(): void {
    const fn = this.waiting;
    this.cancel();
    fn?.();
  }
}
