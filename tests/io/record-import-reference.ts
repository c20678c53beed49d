// Records what the import gives on the cases of import-cases.ts, the reference
// tests/io/import-reference.test.ts compares with. Recorded with the importer before its speed-up
// (main at 3b82fac); re-record only after a deliberate change of what the import reads or says,
// and review what changed (the test prints the first differing case).
//   npx tsx tests/io/record-import-reference.ts
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { importCases, runImportCase } from './import-cases';

const all = importCases().map(runImportCase);
const json = JSON.stringify(all);
writeFileSync('tests/fixtures/io/import-reference.json.gz', gzipSync(json, { level: 9 }));
console.log(all.length, 'cases', json.length, 'bytes');
