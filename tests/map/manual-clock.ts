// A clock for the map's timing classes (paint-pacer.ts, frame-hold.ts) that a test moves by hand.
import type { Clock } from '../../src/map/paint-pacer';

export /** a clock the test moves by hand; timers fire when it passes them */
function manualClock() {
  let t = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const clock: Clock = {
    now: () => t,
    later: (fn, ms) => {
      timers.push({ at: t + ms, fn, id: ++ids });
      return ids;
    },
    cancel: (id) => {
      timers = timers.filter((x) => x.id !== id);
    },
  };
  const advance = (ms: number) => {
    t += ms;
    for (const due of timers.filter((x) => x.at <= t)) {
      timers = timers.filter((x) => x !== due);
      due.fn();
    }
  };
  return { clock, advance, pending: () => timers.length };
}
