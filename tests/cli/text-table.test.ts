// The command line's text tables: columns aligned by display width (CJK takes two columns), and a
// cell of megabytes (a hostile file's 5 MB name) printed as its first MAX_CELL characters.
import { describe, expect, it } from 'vitest';
import { MAX_CELL, table } from '../../src/cli/text-table';

describe('table', () => {
  it('aligns CJK by two columns a character', () => {
    expect(
      table(
        ['名称', 'n'],
        [
          ['甲', '1'],
          ['ab', '22'],
        ],
      ).split('\n'),
    ).toEqual(['名称  n', '----  --', '甲    1', 'ab    22']);
  });
  it('cuts a cell of 5 000 000 characters to MAX_CELL and says how much was left out', () => {
    const out = table(['名称', 'n'], [['x'.repeat(5_000_000), '1']]);
    const row = out.split('\n')[2];
    expect(row).toBe(`${'x'.repeat(MAX_CELL)}…（+${5_000_000 - MAX_CELL}）  1`);
  });
});
