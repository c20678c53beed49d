// The source documents for tests that check quotes and hashes: ../shared/seeds next to the
// repository (never needed at run time). Where it is missing the check is skipped on a developer's
// machine, but on CI (CI=true, where ../shared is checked out) a missing document fails the test.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SEED_FILES: Record<string, string> = {
  ak: '000_15cd3f7614f42f7e.txt',
  cf: '001_7c036d5f6495b3b1.txt',
  wy: '002_441e68a172e8d3db.txt',
  xn: '003_c24b22636d465860.txt',
  ca: '004_3e622fd8b3c27c7b.txt',
};

export const SEEDS_DIR = resolve(process.cwd(), '..', 'shared', 'seeds');

/** The document's text, or null when it is absent here (throws on CI: the check must not skip there). */
export function seedText(profile: string): string | null {
  const file = resolve(SEEDS_DIR, SEED_FILES[profile]);
  if (!existsSync(file)) {
    if (process.env.CI === 'true') throw new Error(`${file} is missing: on CI ../shared/seeds must be present to check the quotes`);
    return null;
  }
  return readFileSync(file, 'utf8');
}

export const seedsPresent = (): boolean => process.env.CI === 'true' || existsSync(SEEDS_DIR);
