// How an accepted import reaches the app. The worker has already put the layer into its baseline
// (src/worker/import.ts); here the page's project follows, the editing session gets the new
// baseline (replaceBaseline replays the open scenario onto it, so scenarios survive a re-import
// and autosave writes the imported data), the worker gets the open scenario's edits again, and
// the analysis runs. Circles are rebuilt by analyse() when the facilities changed.
import { batch } from '@preact/signals';
import { replaceBaseline, type Edit } from '../core/scenario';
import type { LoadedProject } from '../worker/api';
import type { ImportApplied } from '../worker/import';
import type { AppState } from './app-state';
import { editsInEffect, pageBaseline } from './scenario-actions';

export interface ApplyDeps {
  analyse(): Promise<void>;
  /** the worker's setEdits: replays the open scenario onto the new baseline */
  setEdits?(edits: Edit[]): Promise<unknown>;
}

const LEVEL_OF = { communities: 'community', facilities: 'facility', streets: 'street' } as const;

/** the good records, one JSON chunk per task so the page stays responsive (each parse is
 *  timed as the performance measure import:parse) */
export async function parseGood(chunks: readonly string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const c of chunks) {
    const t0 = performance.now();
    for (const x of JSON.parse(c) as unknown[]) out.push(x);
    performance.measure?.('import:parse', { start: t0, end: performance.now() });
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}

/** the project as the page keeps it, with the imported records in place (as the worker did it:
 *  acceptImport's replace or append) */
export function projectWithImport(p: LoadedProject, a: ImportApplied, good: readonly unknown[]): LoadedProject {
  // the import is recorded with the project (kept top-level key `imports`, written on save)
  const imports = Array.isArray(p.other.imports) ? (p.other.imports as unknown[]) : [];
  const next: LoadedProject = { ...p, roadCount: a.roadCount, credits: a.credits, other: { ...p.other, imports: [...imports, a.record] } };
  if (a.kind === 'roads') return next;
  const k = a.kind;
  const merged = (old: readonly unknown[]) => (a.mode === 'append' ? [...old, ...good] : [...good]) as never[];
  if (k === 'communities') next.communities = merged(p.communities);
  else if (k === 'facilities') next.facilities = merged(p.facilities);
  else next.streets = merged(p.streets);
  // the loader's data issues about the replaced layer's old rows no longer apply
  if (a.mode === 'replace') next.issues = p.issues.filter((i) => i.level !== LEVEL_OF[k]);
  return next;
}

export function applyImportToApp(state: AppState, deps: ApplyDeps): (a: ImportApplied) => Promise<void> {
  return async (a) => {
    const p = state.project.peek();
    if (!p) throw new Error('no project is open to import into');
    const good = await parseGood(a.goodJson);
    // timed as performance measures (import:merge, import:publish) so the browser test can tell
    // the import's own main-thread work from the app's redrawing of the new layer
    const t0 = performance.now();
    const next = projectWithImport(state.project.peek() ?? p, a, good);
    const session = state.session.peek();
    const moved = session ? replaceBaseline(session, pageBaseline(next)) : null;
    const t1 = performance.now();
    performance.measure?.('import:merge', { start: t0, end: t1 });
    batch(() => {
      state.project.value = next;
      if (moved) state.session.value = moved;
      state.selection.value = null;
    });
    performance.measure?.('import:publish', { start: t1, end: performance.now() });
    if (deps.setEdits) await deps.setEdits(moved ? editsInEffect(moved) : []);
    await deps.analyse();
  };
}
