// The main map's bookkeeping of the worker's tile requests (src/map/tile-requests.ts): whether
// the current outlines are cut, and that it forgets old versions instead of growing per edit.
import { describe, expect, it } from 'vitest';
import { TileRequests } from '../../src/map/tile-requests';

describe('tile requests per layer version', () => {
  it('a layer is settled when its current version was asked for and every request answered', () => {
    const r = new TileRequests();
    r.setVersion('communities', 0);
    expect(r.settled('communities')).toBe(true); // no tiles yet: nothing to wait for
    r.setVersion('communities', 1);
    expect(r.settled('communities')).toBe(false); // not asked yet
    r.asked('communities', 1);
    r.asked('communities', 1);
    r.answer('communities', 1);
    expect(r.settled('communities')).toBe(false); // one of two still out
    r.answer('communities', 1);
    expect(r.settled('communities')).toBe(true);
  });

  it('an answer for an older version does not settle the new one', () => {
    const r = new TileRequests();
    r.setVersion('streets', 1);
    r.asked('streets', 1);
    r.setVersion('streets', 2); // an edit: version 1's request is still out
    r.answer('streets', 1);
    expect(r.settled('streets')).toBe(false);
    r.asked('streets', 2);
    r.answer('streets', 2);
    expect(r.settled('streets')).toBe(true);
  });

  it('holds at most the current version of each layer after 500 edits', () => {
    const r = new TileRequests();
    for (let v = 1; v <= 500; v++)
      for (const layer of ['communities', 'streets']) {
        r.setVersion(layer, v);
        for (let k = 0; k < 6; k++) r.asked(layer, v);
        for (let k = 0; k < 6; k++) r.answer(layer, v);
      }
    expect(r.settled('communities') && r.settled('streets')).toBe(true);
    // one "answered" mark per layer and no counters: the 998 older versions are forgotten
    expect(r.held).toBe(2);
  });
});
