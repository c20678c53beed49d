// Import versions that survive a reload. Each accepted import keeps, in IndexedDB next to the
// autosave, the project's data as it was before it (the project file without its scenario part,
// as the autosave writes it). After a reload the newest import can still be restored: its kept
// data are opened with the current scenarios, profile and parameters, through the same
// validation as any project file. Only the newest KEPT_VERSIONS are kept (each is a whole
// project's data: the demo's is ≈ 0.9 MB).
import type { ImportApplied } from '../service/import-export';
import type { LoadedProject } from '../service/session';
import type { AsyncStore } from './autosave';
import type { ImportVersion } from './import-wizard';

export const IMPORTS_KEY = 'yl.autosave.imports';
export const KEPT_VERSIONS = 3;

export interface KeptImport {
  applied: ImportVersion['applied'];
  /** the project file (data only) before this import */
  beforeData: string;
}

/** the import records the project carries (`imports`, newest last), as written by projectWithImport */
function importsOf(p: LoadedProject | null): unknown[] {
  const list = p?.other.imports;
  return Array.isArray(list) ? list : [];
}

/** Whether `p` is what this import left: its newest import record is this import's (same time and file). */
export function leftBy(p: LoadedProject | null, v: Pick<ImportVersion, 'applied'>): boolean {
  const last = importsOf(p).at(-1) as Partial<ImportApplied['record']> | undefined;
  return !!last && last.at === v.applied.record.at && last.source === v.applied.record.source;
}

function parseKept(v: unknown): KeptImport[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (x): x is KeptImport =>
      typeof x === 'object' &&
      x !== null &&
      typeof (x as KeptImport).beforeData === 'string' &&
      typeof (x as KeptImport).applied?.record?.at === 'string' &&
      typeof (x as KeptImport).applied?.record?.source === 'string',
  );
}

/** Writes the versions that have kept data (the newest KEPT_VERSIONS). */
export async function keepVersions(store: AsyncStore, versions: readonly ImportVersion[]): Promise<void> {
  const kept: KeptImport[] = versions.filter((v) => typeof v.beforeData === 'string').map((v) => ({ applied: v.applied, beforeData: v.beforeData as string }));
  await store.set(IMPORTS_KEY, kept.slice(-KEPT_VERSIONS));
}

/** The kept versions for the project the page opened after a reload: only when that project is
 *  what the newest kept import left (otherwise another project was opened since: the kept data
 *  are forgotten). The newest one's `after` is the open project; older ones get theirs when the
 *  newer is restored. */
export async function resumeVersions(store: AsyncStore, project: LoadedProject | null): Promise<ImportVersion[]> {
  let kept: KeptImport[] = [];
  try {
    kept = parseKept(await store.get(IMPORTS_KEY));
  } catch {
    return [];
  }
  const top = kept.at(-1);
  if (!top || !project || !leftBy(project, top)) {
    if (kept.length) await store.del(IMPORTS_KEY).catch(() => undefined);
    return [];
  }
  return kept.map((k, i) => ({ applied: k.applied, before: null, beforeData: k.beforeData, after: i === kept.length - 1 ? project : null }));
}
