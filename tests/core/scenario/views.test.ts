import { describe, expect, it } from 'vitest';
import { addView, stepView, viewsWithout, type View } from '../../../src/core/scenario/views';

const v = (id: string, scenarioId = 'baseline'): View => ({ id, name: id, scenarioId, extent: [108.9, 34.1, 109, 34.2], layers: [] });

describe('views', () => {
  it('steps forward and back with wrap-around', () => {
    const vs = [v('a'), v('b'), v('c')];
    expect(stepView(vs, 'a', 1)?.id).toBe('b');
    expect(stepView(vs, 'c', 1)?.id).toBe('a');
    expect(stepView(vs, 'a', -1)?.id).toBe('c');
    expect(stepView(vs, undefined, 1)?.id).toBe('a');
    expect(stepView([], 'a', 1)).toBeUndefined();
  });

  it('refuses an inside-out extent and a taken id', () => {
    expect(addView([], { name: 'x', scenarioId: 'baseline', extent: [109, 34.1, 108.9, 34.2], layers: [] })).toEqual({
      ok: false,
      reason: { key: 'scenario.error.badExtent', args: { extent: '109, 34.1, 108.9, 34.2' } },
    });
    expect(addView([v('a')], { name: 'x', scenarioId: 'baseline', extent: [108.9, 34.1, 109, 34.2], layers: [] }, 'a').ok).toBe(false);
  });

  it('drops the views of a deleted scenario', () => {
    expect(viewsWithout([v('a', 's1'), v('b', 's2')], 's1').map((x) => x.id)).toEqual(['b']);
  });
});
