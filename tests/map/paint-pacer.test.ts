import { describe, expect, it } from 'vitest';
import { PaintPacer } from '../../src/map/paint-pacer';
import { manualClock } from './manual-clock';

describe('PaintPacer', () => {
  it('paints at once when not pacing, whatever the last frame cost', () => {
    const { clock } = manualClock();
    const pacer = new PaintPacer(() => false, clock);
    pacer.frame(0, 100);
    const painted: string[] = [];
    pacer.paint(() => painted.push('a'));
    expect(painted).toEqual(['a']);
  });

  it('while pacing, waits until the page has been free of the last frame as long as the frame held it', () => {
    const { clock, advance, pending } = manualClock();
    const pacer = new PaintPacer(() => true, clock);
    const painted: string[] = [];
    pacer.frame(0, 80); // a frame held the page from 0 to 80 ms: free again from 160 ms
    advance(100); // t = 100
    pacer.paint(() => painted.push('a'));
    expect(painted).toEqual([]);
    expect(pending()).toBe(1);
    advance(59); // t = 159
    expect(painted).toEqual([]);
    advance(1); // t = 160
    expect(painted).toEqual(['a']);
  });

  it('a newer paint replaces a waiting one, which is never made; one timer only', () => {
    const { clock, advance, pending } = manualClock();
    const pacer = new PaintPacer(() => true, clock);
    const painted: string[] = [];
    pacer.frame(0, 50);
    advance(60);
    pacer.paint(() => painted.push('old'));
    advance(10);
    pacer.paint(() => painted.push('new'));
    expect(pending()).toBe(1);
    advance(100);
    expect(painted).toEqual(['new']);
  });

  it('once the frame has been paid for, paints at once even while pacing', () => {
    const { clock, advance } = manualClock();
    const pacer = new PaintPacer(() => true, clock);
    const painted: string[] = [];
    pacer.frame(0, 40);
    advance(80); // 40 ms free after a 40 ms frame
    pacer.paint(() => painted.push('a'));
    expect(painted).toEqual(['a']);
  });

  it('flush (the drag ends) makes the waiting paint at once and drops its timer', () => {
    const { clock, advance, pending } = manualClock();
    let pacing = true;
    const pacer = new PaintPacer(() => pacing, clock);
    const painted: string[] = [];
    pacer.frame(0, 100);
    advance(100);
    pacer.paint(() => painted.push('last'));
    pacing = false;
    pacer.flush();
    expect(painted).toEqual(['last']);
    expect(pending()).toBe(0);
    advance(1000);
    expect(painted).toEqual(['last']); // made once
  });

  it('a paint after the pacing ended goes at once and replaces one still waiting', () => {
    const { clock, advance } = manualClock();
    let pacing = true;
    const pacer = new PaintPacer(() => pacing, clock);
    const painted: string[] = [];
    pacer.frame(0, 100);
    advance(100);
    pacer.paint(() => painted.push('old'));
    pacing = false;
    pacer.paint(() => painted.push('new'));
    advance(1000);
    expect(painted).toEqual(['new']);
  });
});
