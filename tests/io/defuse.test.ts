// CSV formula defusing: what Excel (also with Chinese IME input) would run as a formula gets an
// apostrophe, and our reader takes exactly that apostrophe off again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defuse, undefuse } from '../../src/io/export/table';
import { parseCsv } from '../../src/io/readers/csv';

describe('defuse / undefuse', () => {
  it.each([
    ['=1+1', "'=1+1"],
    [' =1+1', "' =1+1"],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['＝HYPERLINK("http://x")', '\'＝HYPERLINK("http://x")'],
    ['＋1', "'＋1"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['\ncmd', "'\ncmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['韦曲街道', '韦曲街道'],
    ["'quoted", "'quoted"],
  ])('%j → %j', (raw, out) => {
    expect(defuse(raw)).toBe(out);
    expect(undefuse(out)).toBe(raw);
  });
  it('undefuse(defuse(s)) = s for any text, and defused text never starts a formula', () => {
    const lead = fc.constantFrom('', '=', '+', '-', '@', '＝', '＋', '－', '＠', ' ', '\u3000', '\t', '\r', '\n', "'", "'=");
    fc.assert(
      fc.property(lead, lead, fc.string(), (a, b, rest) => {
        const s = a + b + rest;
        expect(undefuse(defuse(s))).toBe(s);
        expect(/^[\s\u3000]*[=+\-@＝＋－＠]/u.test(defuse(s)) || /^[\t\r\n]/.test(defuse(s))).toBe(false);
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
  it('a CSV cell with a CR or tab survives the trip through a quoted CSV field', () => {
    const cell = defuse('\rcmd');
    const [row] = parseCsv(`"${cell}"\r\n`);
    expect(undefuse(String(row[0]))).toBe('\rcmd');
  });
});
