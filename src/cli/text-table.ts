// Plain-text tables for the command line: CJK characters take two columns.
/** Display width: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
export function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

/** A cell longer than this is cut (a 5 MB name in a file is data, but not a screenful of it). */
export const MAX_CELL = 2000;

function cut(s: string): string {
  return s.length <= MAX_CELL ? s : `${s.slice(0, MAX_CELL)}…（+${s.length - MAX_CELL}）`;
}

export function table(header: string[], cells: string[][]): string {
  const rows = cells.map((r) => r.map(cut));
  const widths = header.map((h, i) => Math.min(48, Math.max(width(h), ...rows.map((r) => width(r[i])))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
