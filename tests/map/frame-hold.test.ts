import { describe, expect, it } from 'vitest';
import { FrameHold, HOLD_MAX_MS } from '../../src/map/frame-hold';
import { manualClock } from './manual-clock';

/** a stand-in for MapLibre's map: counts the frames it really asked for, as its own code asks
 *  them (through the instance's triggerRepaint) */
function fakeMap() {
  const map = {
    frames: 0,
    triggerRepaint(): void {
      map.frames++;
    },
    /** what MapLibre's _update does on a data event */
    dataEvent(): void {
      map.triggerRepaint();
    },
  };
  return map;
}

const task = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('FrameHold', () => {
  it('passes frames through when not held', () => {
    const map = fakeMap();
    new FrameHold(map, () => false, manualClock().clock);
    map.dataEvent();
    map.dataEvent();
    expect(map.frames).toBe(2);
  });

  it('while held, the frames asked become one, drawn when what it waits for is in', async () => {
    const map = fakeMap();
    let ready = false;
    const hold = new FrameHold(map, () => ready, manualClock().clock);
    hold.hold();
    map.dataEvent(); // the facilities' diff
    hold.checkSoon();
    await task();
    map.dataEvent(); // the verdicts
    map.dataEvent(); // a batch of tiles
    expect(map.frames).toBe(0);
    ready = true;
    hold.checkSoon();
    expect(map.frames).toBe(0); // looked at when the task ends, not between two events of one task
    await task();
    expect(map.frames).toBe(1);
    expect(hold.holding).toBe(false);
    map.dataEvent();
    expect(map.frames).toBe(2);
  });

  it('a release with no frame asked draws none', () => {
    const map = fakeMap();
    const hold = new FrameHold(map, () => true, manualClock().clock);
    hold.hold();
    hold.release();
    expect(map.frames).toBe(0);
  });

  it('never holds longer than HOLD_MAX_MS, nor past a release', () => {
    const map = fakeMap();
    const { clock, advance } = manualClock();
    const hold = new FrameHold(map, () => false, clock);
    hold.hold();
    map.dataEvent();
    advance(HOLD_MAX_MS - 1);
    expect(map.frames).toBe(0);
    advance(1);
    expect(map.frames).toBe(1);
    hold.hold();
    map.dataEvent();
    hold.release(); // the user moves the map
    expect(map.frames).toBe(2);
    advance(HOLD_MAX_MS); // the first hold's timer is gone with it
    expect(map.frames).toBe(2);
  });
});
