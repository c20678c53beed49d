// Never lose work: the whole project — its data (the baseline the worker holds, roads and any
// imported layers included), the scenarios with their undo/redo stacks and parked edits, the
// saved views, the profile and parameters (all in the versioned project file format) and the
// page settings (layer switches, circles, chosen rule, language) — is written to IndexedDB a
// moment after every change. On the next load it is opened exactly as it was.
//
// Two records: the data (the project file without its scenario part, rewritten only when the
// data changes: a project opened, an import) and a small one rewritten after every change (the
// scenario part, profile, parameters, settings). Restoring puts them together into the project
// file "save project" would write and opens it, through the same validation.
import { effect } from '@preact/signals';
import { savedScenarios, writeScenarioPart, BASELINE_ID, type View } from '../core/scenario';
import type { Lang } from '../i18n';
import { LAYER_GROUPS, type LayerGroup } from './layers';
import type { CircleGroup } from '../service/service-areas';
import type { AnalysisClient } from '../worker/client';
import type { AppState } from './app-state';
import { IMPORTS_KEY } from './import-versions';
import type { KeyValue } from './persist';

/** An async key-value store: idb-keyval's get/set/del in the browser, a Map in tests. */
export interface AsyncStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

export const AUTOSAVE_KEY = 'yl.autosave';
/** the project file without its scenario part (large; rewritten only when the data change) */
export const DATA_KEY = 'yl.autosave.data';
/** the small record written as the page is left, in localStorage (see startAutosave's flush) */
export const PENDING_KEY = 'yl.autosave.pending';
/** the map's extent, written on its own (small, so it also gets out as the page is left) */
export const EXTENT_KEY = 'yl.autosave.extent';

/** [west, south, east, north] */
export type Extent = [number, number, number, number];

export function parseExtent(v: unknown): Extent | null {
  if (!Array.isArray(v) || v.length !== 4 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) return null;
  const [w, so, e, n] = v as number[];
  return w < e && so < n && w >= -180 && e <= 180 && so >= -90 && n <= 90 ? [w, so, e, n] : null;
}
export const AUTOSAVE_VERSION = 2;
/** the project file's own keys for scenarios (src/core/scenario/project-part.ts) and the ledger's
 *  entered values (src/state/ledger.ts): small, written with every change */
const PART_KEYS = ['scenarios', 'views', 'activeScenario', 'ledger'];

export interface Settings {
  lang: Lang;
  visible: Record<LayerGroup, boolean>;
  circles: CircleGroup[];
  rule: string | null;
}

export interface AutosaveRecord {
  version: typeof AUTOSAVE_VERSION;
  /** ISO time of the save */
  savedAt: string;
  /** the file name the project was opened from (the demo keeps DEMO_FILE, so its note shows) */
  fileName: string;
  /** the project file's scenario part: scenarios (with redo stacks, parked edits), views, open scenario */
  part: Record<string, unknown>;
  profile: string;
  params: Record<string, unknown>;
  settings: Settings;
  /** the id of the data record this record was made on (absent: written before ids, 7 Dec 2026) */
  dataId?: string;
}

/** The data record: the project text (the worker's Blob, or a string) under the id records name it by. */
interface DataRecord {
  id: string | null;
  data: Blob | string;
}

/** A stored data record; one written before ids (the text alone) has none. */
function parseData(v: unknown): DataRecord | null {
  if (typeof v === 'string' || v instanceof Blob) return { id: null, data: v };
  if (typeof v !== 'object' || v === null) return null;
  const { id, data } = v as Record<string, unknown>;
  return typeof id === 'string' && (typeof data === 'string' || data instanceof Blob) ? { id, data } : null;
}

/** Unique enough to tell two data records of this browser apart (randomUUID needs a secure context). */
function newDataId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export interface ProjectDeps {
  /** projectData when the client has it: the data record is then a Blob the page never reads */
  client: Pick<AnalysisClient, 'projectText'> & Partial<Pick<AnalysisClient, 'projectData'>>;
  /** the project's saved views (PRESENT's views list) */
  views: () => View[];
}

function scenarioPart(s: AppState, deps: Pick<ProjectDeps, 'views'>): Record<string, unknown> {
  const session = s.session.peek();
  const ledger = s.project.peek()?.other.ledger;
  return {
    ...writeScenarioPart({ scenarios: session ? savedScenarios(session) : [], views: deps.views(), activeScenario: session?.active ?? BASELINE_ID }),
    ...(ledger ? { ledger } : {}),
  };
}

/** The project's own extra keys without a scenario part (the part is written fresh). */
export function dataOther(other: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(other).filter(([k]) => !PART_KEYS.includes(k)));
}

/** The project file text of what is open now: "save project" downloads it. */
export async function projectFileText(s: AppState, deps: ProjectDeps): Promise<string> {
  const p = s.project.peek();
  if (!p) throw new Error('no project is open');
  return deps.client.projectText({ profile: s.profile.peek(), params: s.params.peek(), other: { ...dataOther(p.other), ...scenarioPart(s, deps) } });
}

/** The open data alone (no scenarios, views or ledger entries): what a workspace data version holds. */
export async function dataFileText(s: AppState, deps: Pick<ProjectDeps, 'client'>): Promise<string> {
  const p = s.project.peek();
  if (!p) throw new Error('no project is open');
  return deps.client.projectText({ profile: s.profile.peek(), params: s.params.peek(), other: dataOther(p.other) });
}

/** The project file of the kept data `data` (e.g. from before an import) with what is open now:
 *  its scenarios, views, profile and parameters. */
export function projectWithData(s: AppState, deps: Pick<ProjectDeps, 'views'>, data: string): string {
  const obj = JSON.parse(data) as Record<string, unknown>;
  return JSON.stringify({ ...obj, ...scenarioPart(s, deps), profile: s.profile.peek(), params: s.params.peek() });
}

/** The project file from the two autosave records (what projectFileText gave when they were written). */
export function joinRecords(rec: AutosaveRecord, data: string): string {
  const obj = JSON.parse(data) as Record<string, unknown>;
  return JSON.stringify({ ...obj, ...rec.part, profile: rec.profile, params: rec.params });
}

export function currentSettings(s: AppState): Settings {
  return { lang: s.lang.peek(), visible: s.visible.peek(), circles: s.circles.peek(), rule: s.rule.peek() };
}

/** A stored record, checked field by field: anything else (another version, damage) is null. */
export function parseRecord(v: unknown): AutosaveRecord | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (r.version !== AUTOSAVE_VERSION || typeof r.fileName !== 'string' || typeof r.savedAt !== 'string' || typeof r.profile !== 'string' || !obj(r.part) || !obj(r.params))
    return null;
  const st = (typeof r.settings === 'object' && r.settings !== null ? r.settings : {}) as Record<string, unknown>;
  const vis = (typeof st.visible === 'object' && st.visible !== null ? st.visible : {}) as Record<string, unknown>;
  const settings: Settings = {
    lang: st.lang === 'en' ? 'en' : 'zh',
    visible: Object.fromEntries(LAYER_GROUPS.map((g) => [g, vis[g] !== false])) as Record<LayerGroup, boolean>,
    circles: Array.isArray(st.circles) ? st.circles.filter((c): c is CircleGroup => c === 'elderly' || c === 'childcare') : ['elderly', 'childcare'],
    rule: typeof st.rule === 'string' ? st.rule : null,
  };
  const rec: AutosaveRecord = { version: AUTOSAVE_VERSION, savedAt: r.savedAt, fileName: r.fileName, part: r.part, profile: r.profile, params: r.params, settings };
  return typeof r.dataId === 'string' ? { ...rec, dataId: r.dataId } : rec;
}

export async function readAutosave(store: AsyncStore): Promise<AutosaveRecord | null> {
  try {
    return parseRecord(await store.get(AUTOSAVE_KEY));
  } catch {
    return null; // storage blocked or damaged: start from the demo
  }
}

/** What the data record depends on: a new object here means the data changed. */
function dataIdentity(s: AppState): unknown[] {
  return [s.project.peek(), s.session.peek()?.baseline];
}

/** The small record of what is open now. */
function recordNow(s: AppState, deps: Pick<ProjectDeps, 'views'> & { now?: () => Date }, dataId: string | null): AutosaveRecord {
  const rec: AutosaveRecord = {
    version: AUTOSAVE_VERSION,
    savedAt: (deps.now?.() ?? new Date()).toISOString(),
    fileName: s.projectFile.peek() ?? 'project.json',
    part: scenarioPart(s, deps),
    profile: s.profile.peek(),
    params: { ...s.params.peek() },
    settings: currentSettings(s),
  };
  return dataId === null ? rec : { ...rec, dataId };
}

/** Writes the small record, and the data record too unless `sameData` says it is already
 *  stored (as `dataId`). The data are written first, with a new id the record names, so a record
 *  never points at data older than itself and is never restored onto data it wasn't made on. */
export async function saveNow(s: AppState, deps: AutosaveDeps & { sameData?: boolean; dataId?: string | null }): Promise<AutosaveRecord> {
  const p = s.project.peek();
  if (!p) throw new Error('no project is open');
  let dataId = deps.dataId ?? null;
  if (!deps.sameData) {
    const req = { profile: s.profile.peek(), params: s.params.peek(), other: dataOther(p.other) };
    const data = deps.client.projectData ? await deps.client.projectData(req) : await deps.client.projectText(req);
    dataId = newDataId();
    await deps.store.set(DATA_KEY, { id: dataId, data });
  }
  const record = recordNow(s, deps, dataId);
  await deps.store.set(AUTOSAVE_KEY, record);
  const extent = deps.extent?.();
  if (extent) await deps.store.set(EXTENT_KEY, extent);
  return record;
}

/** The small record as the page went, in `sync` (localStorage). */
function readPending(sync: KeyValue | null | undefined): AutosaveRecord | null {
  try {
    const text = sync?.getItem(PENDING_KEY);
    return text ? parseRecord(JSON.parse(text)) : null;
  } catch {
    return null;
  }
}

/** characters: a record this long stays out of localStorage (≈ 5 M characters an origin) */
const PENDING_MAX = 500_000;

/** The record kept in `sync` as the page goes, emptied once an IndexedDB save is as new. */
function pendingSlot(sync: KeyValue | null | undefined) {
  let at = readPending(sync)?.savedAt ?? null;
  return {
    write(record: AutosaveRecord): void {
      const text = JSON.stringify(record);
      // scenarios with large drawn areas: IndexedDB's try is all, leaving localStorage's few MB
      // to the language and base-map choices
      if (text.length > PENDING_MAX) return;
      try {
        sync?.setItem(PENDING_KEY, text);
        at = record.savedAt;
      } catch {
        // storage full or blocked: as above
      }
    },
    /** an IndexedDB save of `r` has landed (and `then` hears of it) */
    stored(r: AutosaveRecord, then?: (r: AutosaveRecord) => void): void {
      then?.(r);
      if (at === null || r.savedAt < at) return;
      at = null;
      try {
        sync?.setItem(PENDING_KEY, ''); // KeyValue has no removal; empty reads as none
      } catch {
        // left there it is only restored while newer than the IndexedDB record
      }
    },
  };
}

export interface AutosaveDeps extends ProjectDeps {
  store: AsyncStore;
  /** localStorage, for the record written as the page goes */
  sync?: KeyValue | null;
  delayMs?: number;
  now?: () => Date;
  extent?: () => Extent | null;
  onSaved?: (r: AutosaveRecord) => void;
  onError?: (e: unknown) => void;
}

/** Saves a moment (`delayMs`) after any change of what the record holds. `flush()` is for a page
 *  being left or hidden: a change still waiting for its moment, or whose write has begun, is saved
 *  at once, and the small record also goes to `sync` (localStorage, written before flush returns).
 *  IndexedDB writes begun as the page goes, or a moment before, are lost with it in Chromium: a
 *  reload right after an edit restored the state before it. `onSaved`/`onError` let the page say
 *  "saved" or why not (e.g. storage full). */
export function startAutosave(s: AppState, deps: AutosaveDeps): { stop: () => void; flush: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** identities of the data last written (see dataIdentity), and the id they were stored under */
  let written: unknown[] | null = null;
  let dataId: string | null = null;
  // one save at a time: a change while the data of a large project are still being written
  // (seconds) must not start writing them again; it saves once that one is done
  let saving = false;
  let again = false;
  let stopped = false;
  const pending = pendingSlot(deps.sync);
  const saved = (r: AutosaveRecord): void => pending.stored(r, deps.onSaved);
  const sameAsWritten = (id: unknown[]): boolean => written !== null && id.every((x, i) => x === written?.[i]);
  const save = (): void => {
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    const id = dataIdentity(s);
    saveNow(s, { ...deps, sameData: sameAsWritten(id), dataId })
      .then(
        (r) => {
          written = id;
          dataId = r.dataId ?? null;
          saved(r);
        },
        (e: unknown) => {
          written = null; // write the data again next time
          deps.onError?.(e);
        },
      )
      .finally(() => {
        saving = false;
        if (again && !stopped) {
          again = false;
          save();
        }
      });
  };
  const stop = effect(() => {
    // read everything the record holds, so a change to any of them schedules a save
    void [s.project.value, s.session.value, s.profile.value, s.params.value, s.lang.value, s.visible.value, s.circles.value, s.rule.value, deps.views(), s.ledgerVersion.value];
    const phase = s.phase.value; // a project half-opened is not saved; its session comes next
    if (!s.project.peek() || phase === 'loading' || phase === 'starting') return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      save();
    }, deps.delayMs ?? 400);
  });
  const flush = (): void => {
    if (stopped || (timer === null && !saving)) return; // the stored record is what is open
    if (timer) clearTimeout(timer);
    timer = null;
    if (!sameAsWritten(dataIdentity(s))) {
      save(); // new data go first (a worker round trip: it may not finish as the page goes)
      return;
    }
    const record = recordNow(s, deps, dataId);
    pending.write(record);
    // and to IndexedDB, which keeps it if the page stays (a hidden tab); IndexedDB applies
    // writes in the order they were made, so a save still running can't overwrite it
    again = false;
    deps.store.set(AUTOSAVE_KEY, record).then(
      () => saved(record),
      (e: unknown) => deps.onError?.(e),
    );
  };
  return {
    flush,
    stop: () => {
      stopped = true;
      stop();
      if (timer) clearTimeout(timer);
    },
  };
}

/** Applies stored page settings (the project file already carried profile and params). */
export function applySettings(s: AppState, st: Settings): void {
  s.visible.value = st.visible;
  s.circles.value = st.circles;
  s.rule.value = st.rule;
  s.query.value = { ...s.query.value, rule: st.rule };
}

export interface RestoreDeps {
  store: AsyncStore;
  /** localStorage, where the page's last record may be (see startAutosave's flush) */
  sync?: KeyValue | null;
  openProjectText: (text: string, fileName: string) => Promise<void>;
  setLang: (lang: Lang) => void;
}

export const FAILED_KEY = 'yl.autosave.failed';

/** The newer of the IndexedDB record and the one written to localStorage as the page went, among
 *  those made on the stored data (another tab may have stored other data since); when neither
 *  was, the IndexedDB record, as before records named their data. */
function chooseRecord(stored: AutosaveRecord | null, pending: AutosaveRecord | null, data: DataRecord | null): AutosaveRecord | null {
  const newestFirst = pending && stored && pending.savedAt < stored.savedAt ? [stored, pending] : [pending, stored];
  const onData = newestFirst.find((r) => r !== null && (r.dataId ?? null) === (data?.id ?? null));
  return onData ?? stored ?? pending;
}

/** Opens the autosaved project if there is one. `restored`: it opened (the caller is done);
 *  null: nothing to restore, or it did not open — then it is kept under FAILED_KEY (never thrown
 *  away) and `failed` says so, and the caller opens the demo. */
export async function restoreAutosave(s: AppState, deps: RestoreDeps): Promise<{ restored: AutosaveRecord | null; failed: boolean; extent: Extent | null }> {
  const stored = await readAutosave(deps.store);
  let data: DataRecord | null = null;
  try {
    data = parseData(await deps.store.get(DATA_KEY));
  } catch {
    data = null;
  }
  const rec = chooseRecord(stored, readPending(deps.sync), data);
  if (!rec) return { restored: null, failed: false, extent: null };
  applySettings(s, rec.settings);
  deps.setLang(rec.settings.lang);
  let text: string | null = null;
  try {
    if (data) text = joinRecords(rec, typeof data.data === 'string' ? data.data : await data.data.text());
  } catch {
    text = null;
  }
  if (text !== null) await deps.openProjectText(text, rec.fileName);
  if (text !== null && s.phase.peek() !== 'error' && s.project.peek()) {
    let extent: Extent | null = null;
    try {
      extent = parseExtent(await deps.store.get(EXTENT_KEY));
    } catch {
      // no extent: the map frames the whole area as on any open
    }
    return { restored: rec, failed: false, extent };
  }
  try {
    await deps.store.set(FAILED_KEY, { record: rec, data: await deps.store.get(DATA_KEY) });
  } catch {
    // nothing more we can do; the error banner already says what went wrong
  }
  return { restored: null, failed: true, extent: null };
}

export async function clearAutosave(store: AsyncStore, sync?: KeyValue | null): Promise<void> {
  try {
    sync?.setItem(PENDING_KEY, '');
  } catch {
    // storage blocked: nothing was kept there either
  }
  await store.del(AUTOSAVE_KEY);
  await store.del(DATA_KEY);
  await store.del(EXTENT_KEY);
  await store.del(IMPORTS_KEY);
}
