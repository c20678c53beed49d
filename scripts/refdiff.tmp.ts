import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { comparable, engineCases, runCase } from '../tests/core/rules/engine-cases';
const ref = JSON.parse(gunzipSync(readFileSync('tests/fixtures/engine/reference.json.gz')).toString('utf8'));
const ch = new Map<string, number>();
engineCases().forEach((c, i) => {
  const got = JSON.parse(JSON.stringify(comparable(runCase(c)))).results;
  const want = ref[i].evaluation.results;
  if (got.length !== want.length) console.log('length', c, got.length, want.length);
  got.forEach((r: any, j: number) => {
    const w = want[j];
    const fields = [...new Set([...Object.keys(r), ...Object.keys(w)])].filter((k) => JSON.stringify(r[k]) !== JSON.stringify(w[k]));
    if (fields.length === 0) return;
    const k = `${r.rule}${r.part ? ':' + r.part : ''} ${r.view ?? ''} ${w.status}->${r.status} [${fields.join(',')}]`;
    ch.set(k, (ch.get(k) ?? 0) + 1);
  });
});
console.log([...ch].map(([k, n]) => `${n}\t${k}`).sort().join('\n'));
