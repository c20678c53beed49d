// RFC 4180 CSV (quotes, doubled quotes, line breaks inside quotes), delimiter detected among
// comma, semicolon, tab and the Chinese full-width comma. Cells stay strings: "0012" keeps its zeros.

export function detectDelimiter(text: string): string {
  const head = text
    .slice(0, 8192)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 10);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t', '，']) {
    const counts = head.map((l) => l.split(d).length - 1);
    const nonzero = counts.filter((c) => c > 0).length;
    // most lines use it, and they agree on how often
    const score = nonzero * 100 - new Set(counts).size;
    if (nonzero > 0 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  // runs of ordinary characters are sliced out whole (a cell is one slice, not one string per
  // character); the rules are RFC 4180's as before: a quote opens quoting only at a cell's start
  const d = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (quoted) {
      const q = text.indexOf('"', i);
      if (q < 0) {
        cell += text.slice(i);
        break;
      }
      cell += text.slice(i, q);
      if (text.charCodeAt(q + 1) === QUOTE) {
        cell += '"';
        i = q + 2;
      } else {
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === QUOTE && cell === '') {
      quoted = true;
      i++;
    } else if (c === d) {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === LF || c === CR) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else {
      // up to the next delimiter or line end (a quote inside a cell is text)
      let j = i + 1;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e === d || e === LF || e === CR) break;
        j++;
      }
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
