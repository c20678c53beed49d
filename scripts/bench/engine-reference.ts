// Records the rule engine's results on the seeded cases of engine-cases.ts as the
// reference tests/core/rules/engine-reference.test.ts compares with. Recorded with the engine before
// the speed-up (commit 79f0abb); re-record only after a deliberate change of rule semantics, and
// review what changed (the test prints the first differing result).
import { writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { comparable, engineCases, runCase } from './engine-cases';
const all = engineCases().map((c) => ({ case: c, evaluation: comparable(runCase(c)) }));
const json = JSON.stringify(all);
mkdirSync('tests/fixtures/engine', { recursive: true });
writeFileSync('tests/fixtures/engine/reference.json.gz', gzipSync(json, { level: 9 }));
console.log(
  all.length,
  'cases',
  json.length,
  'bytes',
  all.reduce((n, a) => n + a.evaluation.results.length, 0),
  'results',
);
