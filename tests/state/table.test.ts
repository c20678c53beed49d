import { describe, expect, it } from 'vitest';
import { buildRows, DEFAULT_QUERY, drawnRows, rowWindow, scrollToRow, sortRows, type TableQuery } from '../../src/state/table';
import { result } from './results.fixture';
import { encodeResults, ResultTable } from '../../src/core/report/result-columns';

// the table reads the columns the page gets from the worker
const results = new ResultTable(
  encodeResults([
    result('places', 'community', 'c1', 'fail', { value: 3, threshold: 10, shortfall: 7 }),
    result('floor', 'community', 'c1', 'pass', { value: 0.2, threshold: 0.1 }),
    result('places', 'community', 'c2', 'pass', { value: 12, threshold: 10, shortfall: 0 }),
    result('places', 'community', 'c3', 'na'),
    result('places', 'community', 'c2', 'fail', { view: 'catchment' }),
    result('places', 'street', 's1', 'fail'),
  ]),
);
const names = (_l: string, id: string) => ({ c1: '乙社区', c2: '甲社区', c3: 'Third' })[id];
const q = (over: Partial<TableQuery>): TableQuery => ({ ...DEFAULT_QUERY, ...over });

describe('buildRows', () => {
  it('one row per unit of the level with counts over every rule (main view)', () => {
    const rows = buildRows(results, q({}), names);
    expect(rows.map((r) => [r.id, r.verdict, r.fails, r.passes, r.nas])).toEqual([
      ['c1', 'fail', 1, 1, 0],
      ['c2', 'pass', 0, 1, 0],
      ['c3', 'na', 0, 0, 1],
    ]);
    expect(rows[0].name).toBe('乙社区');
  });
  it('with a rule chosen, shows its value, threshold and shortfall', () => {
    const rows = buildRows(results, q({ rule: 'places', sort: { key: 'shortfall', dir: 'desc' } }), names);
    // shortfall 7 (c1) > 0 (c2); c3 has none and sorts last in either direction
    expect(rows.map((r) => [r.id, r.value, r.threshold, r.shortfall])).toEqual([
      ['c1', 3, 10, 7],
      ['c2', 12, 10, 0],
      ['c3', null, null, null],
    ]);
  });
  it('a unit no rule applies to still has a row (no rule), unless a rule is chosen or failing only', () => {
    const ids = ['c1', 'c2', 'c3', 'c4'];
    const rows = buildRows(results, q({}), names, ids);
    expect(rows.map((r) => [r.id, r.verdict])).toEqual([
      ['c1', 'fail'],
      ['c2', 'pass'],
      ['c3', 'na'],
      ['c4', 'none'],
    ]);
    expect(buildRows(results, q({ rule: 'places' }), names, ids).map((r) => r.id)).not.toContain('c4');
    expect(buildRows(results, q({ failingOnly: true }), names, ids).map((r) => r.id)).toEqual(['c1']);
    expect(buildRows(results, q({ text: 'zz' }), names, ids)).toEqual([]);
  });
  it('failing only, and the text filter on name or id', () => {
    expect(buildRows(results, q({ failingOnly: true }), names).map((r) => r.id)).toEqual(['c1']);
    expect(buildRows(results, q({ text: '甲' }), names).map((r) => r.id)).toEqual(['c2']);
    expect(buildRows(results, q({ text: 'C3' }), names).map((r) => r.id)).toEqual(['c3']);
  });
  it('other levels have their own rows', () => {
    expect(buildRows(results, q({ level: 'street' }), () => undefined).map((r) => [r.id, r.name, r.verdict])).toEqual([['s1', 's1', 'fail']]);
  });
});

describe('sortRows', () => {
  it('missing numbers go last ascending too', () => {
    const rows = buildRows(results, q({ rule: 'places' }), names);
    expect(sortRows(rows, { key: 'value', dir: 'asc' }).map((r) => r.id)).toEqual(['c1', 'c2', 'c3']);
  });
  it('sorts names in Chinese order (pinyin: 甲 jia before 乙 yi)', () => {
    const rows = buildRows(results, q({}), names).filter((r) => r.id !== 'c3');
    expect(sortRows(rows, { key: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['甲社区', '乙社区']);
  });
});

describe('rowWindow: the rows a scrolled table draws', () => {
  // 1 000 rows of 30 px in a 300 px pane: 10 rows in view
  it('at the top: the rows in view and 20 below, none above', () => {
    expect(rowWindow(1000, 0, 300, 30)).toEqual({ first: 0, end: 30 });
  });
  it('scrolled to row 500 (15 000 px): rows 480–529, i.e. 20 on each side of the 10 in view', () => {
    expect(rowWindow(1000, 15_000, 300, 30)).toEqual({ first: 480, end: 530 });
  });
  it('a partly shown row at the bottom is drawn: 15 010 px shows row 510 in part', () => {
    expect(rowWindow(1000, 15_010, 300, 30)).toEqual({ first: 480, end: 531 });
  });
  it('at the bottom and beyond it (the rows shrank under a scrolled pane): ends at the last row', () => {
    expect(rowWindow(1000, 29_700, 300, 30)).toEqual({ first: 970, end: 1000 });
    expect(rowWindow(5, 29_700, 300, 30)).toEqual({ first: 0, end: 5 });
  });
  it('no rows, or a pane not laid out yet', () => {
    expect(rowWindow(0, 0, 300, 30)).toEqual({ first: 0, end: 0 });
    expect(rowWindow(1000, 0, 0, 30)).toEqual({ first: 0, end: 20 });
  });
});

describe('drawnRows: the window, and the focused row wherever it is', () => {
  it('no focused row: the rows above as one gap, the window, the rows below as one gap', () => {
    expect(drawnRows(100, 40, 43)).toEqual([{ gap: 40 }, { row: 40 }, { row: 41 }, { row: 42 }, { gap: 57 }]);
    expect(drawnRows(3, 0, 3)).toEqual([{ row: 0 }, { row: 1 }, { row: 2 }]);
  });
  it('a focused row above the window stays drawn between two gaps that still add up to the rows above', () => {
    expect(drawnRows(100, 40, 42, 10)).toEqual([{ gap: 10 }, { row: 10 }, { gap: 29 }, { row: 40 }, { row: 41 }, { gap: 58 }]);
    expect(drawnRows(100, 40, 42, 0)).toEqual([{ row: 0 }, { gap: 39 }, { row: 40 }, { row: 41 }, { gap: 58 }]);
    expect(drawnRows(100, 40, 42, 39)).toEqual([{ gap: 39 }, { row: 39 }, { row: 40 }, { row: 41 }, { gap: 58 }]);
  });
  it('a focused row below the window, the last row included', () => {
    expect(drawnRows(100, 40, 42, 70)).toEqual([{ gap: 40 }, { row: 40 }, { row: 41 }, { gap: 28 }, { row: 70 }, { gap: 29 }]);
    expect(drawnRows(100, 40, 42, 99)).toEqual([{ gap: 40 }, { row: 40 }, { row: 41 }, { gap: 57 }, { row: 99 }]);
  });
  it('a focused row inside the window, or gone from the rows, changes nothing', () => {
    expect(drawnRows(100, 40, 42, 41)).toEqual(drawnRows(100, 40, 42));
    expect(drawnRows(100, 40, 42, 100)).toEqual(drawnRows(100, 40, 42));
  });
  it('every row index appears once or is counted in one gap', () => {
    for (const keep of [-1, 0, 5, 39, 40, 45, 60, 99]) {
      const d = drawnRows(100, 40, 50, keep);
      const count = d.reduce((s, x) => s + ('gap' in x ? x.gap : 1), 0);
      expect(count).toBe(100);
    }
  });
});

describe('scrollToRow: bringing a row chosen elsewhere (the map, the search) into the pane', () => {
  // rows of 30 px under a 40 px header, in a 340 px pane: 10 rows show below the header
  it('a row in view: no scroll', () => {
    expect(scrollToRow(0, 30, 40, 0, 340)).toBeNull();
    expect(scrollToRow(9, 30, 40, 0, 340)).toBeNull(); // 40 + 270 … 340: just in
    expect(scrollToRow(20, 30, 40, 600, 340)).toBeNull();
  });
  it('a row below or above the pane, or under the header: put in the middle of the rows shown', () => {
    // row 10 is at 340 … 370 in the table: scrolled to 300 − (340 − 40 − 30) / 2 = 165
    expect(scrollToRow(10, 30, 40, 0, 340)).toBe(165);
    // row 19 (610 … 640 in the table) with the pane at 600 lies under the header (600 … 640)
    expect(scrollToRow(19, 30, 40, 600, 340)).toBe(570 - 135);
    // near the top: never above 0
    expect(scrollToRow(1, 30, 40, 900, 340)).toBe(0);
  });
});
