// Scenario actions: create / duplicate / rename / delete / open a scenario, commit an edit, undo,
// redo. Each changes the session (src/core/scenario/session.ts) in one step, then tells the
// worker the open scenario's edits and re-analyses there; a newer change supersedes a stale
// analysis (latestOnly in the client), so the map never paints an older state.
import { batch } from '@preact/signals';
import type { Msg } from '../core/model';
import {
  BASELINE_ID,
  baselineNotice,
  createScenario,
  importScenario,
  scenarioFile,
  scenarioFileText,
  deleteScenario as removeScenario,
  discardParked as dropParked,
  duplicateScenario as copyScenario,
  edit as editSession,
  openSession,
  redoEdit,
  renameScenario as renameInList,
  savedScenarios,
  setScenarios,
  switchTo,
  undoEdit,
  type Edit,
  type Session,
  type SkippedEdit,
} from '../core/scenario';
import type { AnalysisClient } from '../worker/client';
import type { LoadedProject } from '../service/session';
import type { AppState, PageLayers } from './app-state';
import { movedCircle, type ShownAreas } from '../service/service-areas';
import { t } from '../i18n';
import { errorMessage } from '../core/errors';

export interface ScenarioDeps {
  client: Partial<Pick<AnalysisClient, 'setEdits' | 'walkAreaAt'>>;
}

/** The edits the worker replays for this session: the open scenario's done edits, as applied. */
export function editsInEffect(s: Session<PageLayers>): Edit[] {
  return s.active === BASELINE_ID ? [] : s.editing.history.past.map((e) => e.edit);
}

/** The page's baseline layers of a loaded project (roads stay in the worker). */
export function pageBaseline(p: LoadedProject): PageLayers {
  return { communities: p.communities, facilities: p.facilities, streets: p.streets, roads: [] };
}

/** The session a freshly opened project starts with: its saved scenarios (project file keys
 *  `scenarios`, `activeScenario`), or none. A broken scenario part opens the baseline alone and
 *  says why (the layers are not affected). */
export function sessionForProject(p: LoadedProject): { session: Session<PageLayers>; problems: Msg[] } {
  // read and checked by the worker when it loaded the file (LoadedProject.scenarioPart)
  const part = p.scenarioPart;
  return { session: openSession(pageBaseline(p), part.scenarios, part.activeScenario), problems: p.scenarioNotes };
}

/** `answerEdits(edits, preview)`: the edits' verdicts as a delta patched into the held analysis
 *  (actions.ts); false when a full analysis is needed instead. */
export function createScenarioActions(
  s: AppState,
  deps: ScenarioDeps,
  analyse: () => Promise<void>,
  answerEdits: (edits: Edit[], preview: boolean) => Promise<boolean> = async () => false,
) {
  /** resolves when the analysis of the newest change has landed (tests and autosave await it) */
  let settled: Promise<void> = Promise.resolve();

  const failed = (e: unknown) => {
    s.error.value = t(s.lang.peek(), 'ui.error.analysis', { detail: errorMessage(e) });
  };

  /** Skipped edits the worker reported for the newest edits (they match the session's: same replay). */
  async function sync(session: Session<PageLayers>): Promise<void> {
    const setEdits = deps.client.setEdits;
    if (!setEdits) throw new Error('the analysis client has no setEdits(): scenarios need it');
    const edits = editsInEffect(session);
    if (await answerEdits(edits, false)) return;
    await setEdits(edits);
    await analyse();
  }

  /** Put a new session in place and re-analyse on its layers. */
  function apply(next: Session<PageLayers>, analyseToo = true): void {
    const before = s.session.peek();
    batch(() => {
      s.session.value = next;
      // a selected unit that the edit removed closes its panel
      const sel = s.selection.peek();
      if (sel && (sel.level === 'facility' || sel.level === 'community')) {
        const list = sel.level === 'facility' ? next.editing.layers.facilities : next.editing.layers.communities;
        if (!list.some((x) => x.id === sel.id)) s.selection.value = null;
      }
    });
    if (!analyseToo || (before && before.editing.layers === next.editing.layers)) return;
    s.phase.value = 'analysing'; // at once: the verdicts on screen are now those of the old layers
    settled = sync(next);
  }

  function current(): Session<PageLayers> | null {
    return s.session.peek();
  }

  return {
    /** the analysis of the newest scenario change has landed */
    scenarioSettled(): Promise<void> {
      return settled;
    },

    /** A project was opened: start its session (its saved scenarios, the saved open one) and
     *  tell the worker the open scenario's edits before the first analysis. */
    async startSession(p: LoadedProject): Promise<Msg[]> {
      const { session, problems } = sessionForProject(p);
      s.session.value = session;
      const edits = editsInEffect(session);
      if (edits.length > 0 && deps.client.setEdits) await deps.client.setEdits(edits);
      return problems;
    },
    ...scenarioListSteps(current, apply),
    ...scenarioFileSteps(s, current, apply),
    ...editSteps(s, current, apply, answerEdits, failed, deps.client.walkAreaAt),
  };
}

export type ScenarioActions = ReturnType<typeof createScenarioActions>;

const noProject: Msg = { key: 'scenario.ui.noProject' };

/** The scenarios' list: create, copy, rename, delete, open one. */
function scenarioListSteps(current: () => Session<PageLayers> | null, apply: (next: Session<PageLayers>, analyseToo?: boolean) => void) {
  return {
    /** Creates a scenario (optionally starting with edits, e.g. suggested sites) and opens it. */
    newScenario(name: string, edits: Edit[] = []): Msg | null {
      const cur = current();
      if (!cur) return noProject;
      const made = createScenario(savedScenarios(cur), name);
      if (!made.ok) return made.reason;
      const scenarios = edits.length ? made.scenarios.map((x) => (x.id === made.scenario.id ? { ...x, edits } : x)) : made.scenarios;
      const opened = switchTo(setScenarios(cur, scenarios), made.scenario.id);
      if (!opened.ok) return opened.reason;
      apply(opened.session);
      return null;
    },

    /** A copy of a scenario's edits under a new name; the copy opens (a new line of work). */
    duplicateScenario(id: string, name: string): Msg | null {
      const cur = current();
      if (!cur) return noProject;
      const made = copyScenario(savedScenarios(cur), id, name);
      if (!made.ok) return made.reason;
      const opened = switchTo(setScenarios(cur, made.scenarios), made.scenario.id);
      if (!opened.ok) return opened.reason;
      apply(opened.session);
      return null;
    },

    renameScenario(id: string, name: string): Msg | null {
      const cur = current();
      if (!cur) return noProject;
      const r = renameInList(savedScenarios(cur), id, name);
      if (!r.ok) return r.reason;
      apply(setScenarios(cur, r.scenarios));
      return null;
    },

    /** Deleting the open scenario opens the baseline. */
    deleteScenario(id: string): Msg | null {
      const cur = current();
      if (!cur) return noProject;
      const r = removeScenario(savedScenarios(cur), id);
      if (!r.ok) return r.reason;
      apply(setScenarios(cur, r.scenarios));
      return null;
    },

    /** Opens a scenario (BASELINE_ID for the baseline): its edits replayed, its undo stack back. */
    openScenario(id: string): Msg | null {
      const cur = current();
      if (!cur) return noProject;
      if (cur.active === id) return null;
      const r = switchTo(cur, id);
      if (!r.ok) return r.reason;
      apply(r.session);
      return null;
    },
  };
}

/** The dragged facility's circle (moved at once, straight mode) or, along streets, its own walk
 *  area from where it is now, as fast as the worker answers (the newest position asked, the
 *  others dropped); an answer that comes after the drag stopped is not shown. */
function movingArea(s: AppState, failed: (e: unknown) => void, walkAreaAt?: ScenarioDeps['client']['walkAreaAt']) {
  let drags = 0;
  return {
    follow(areas: ShownAreas | null, move: { facility: string; to: [number, number] }): void {
      const circle = areas ? movedCircle(areas, move.facility, move.to) : null;
      if (circle || !walkAreaAt) {
        s.movingCircle.value = circle;
        return;
      }
      const drag = drags;
      walkAreaAt({ profile: s.profile.peek(), params: s.params.peek(), ...move }).then((o) => {
        if (o.ok && drag === drags) s.movingCircle.value = o.value;
      }, failed);
    },
    stop(): void {
      drags++;
      s.movingCircle.value = null;
    },
    /** the drag was dropped: a walk area asked on the way is not shown (the edit's areas, asked
     *  with its verdicts, may come before it), the one shown stays until they come */
    dropped(): void {
      drags++;
    },
  };
}

/** A drag's preview starts: the panels keep the analysis from before it until its drop (or its
 *  end) is analysed (actions.ts clears AppState.previewFrom then). */
function previewStarts(s: AppState): void {
  s.previewFrom.value ??= s.analysis.peek();
}

/** A drag stopped without an edit: if its end was not answered (no delta to build on), the
 *  panels follow the analysis again all the same. */
function previewEnded(s: AppState, handled: boolean): void {
  if (!handled) s.previewFrom.value = null;
}

/** Edits to the open scenario: commit, undo, redo, jump in the history, and a drag's live preview. */
function editSteps(
  s: AppState,
  current: () => Session<PageLayers> | null,
  apply: (next: Session<PageLayers>, analyseToo?: boolean) => void,
  answerEdits: (edits: Edit[], preview: boolean) => Promise<boolean>,
  failed: (e: unknown) => void,
  walkAreaAt?: ScenarioDeps['client']['walkAreaAt'],
) {
  const moving = movingArea(s, failed, walkAreaAt);
  return {
    /** An edit not made yet (a dragged facility): its verdicts live on the map (previewStarts), the
     *  session unchanged; only the newest waiting position is answered. Its circle follows at once,
     *  in network mode its walk area from the new position as the worker answers (newest asked). */
    previewEdit(e: Edit, move?: { facility: string; to: [number, number] }): void {
      const cur = current();
      if (!cur) return;
      if (move) moving.follow(s.areas.peek(), move);
      previewStarts(s);
      answerEdits([...editsInEffect(cur), e], true).catch(failed);
    },

    /** The preview is over without an edit (the drag was stopped): the session's own verdicts
     *  and circles again. After an edit the circles follow from it. */
    previewEnd(): void {
      const cur = current();
      moving.stop();
      if (cur) answerEdits(editsInEffect(cur), false).then((handled) => previewEnded(s, handled), failed);
    },

    /** The one way the layers change: commit an edit to the open scenario. */
    commitEdit(e: Edit): Msg | null {
      const cur = current();
      if (!cur) return noProject;
      const r = editSession(cur, e);
      if (!r.ok) return r.reason;
      moving.dropped();
      apply(r.session);
      return null;
    },

    undo(): Msg | null {
      const cur = current();
      if (!cur) return noProject;
      const next = undoEdit(cur);
      if (next !== cur) apply(next);
      return null;
    },

    redo(): Msg | null {
      const cur = current();
      if (!cur) return noProject;
      const r = redoEdit(cur);
      if (!r.ok) return r.reason;
      if (r.session !== cur) apply(r.session);
      return null;
    },

    /** Undo or redo until `done` edits are in effect (a click in the history list): one step
     *  for the session and one analysis, however far it goes. */
    historyTo(done: number): Msg | null {
      const cur = current();
      if (!cur) return noProject;
      const { next, reason } = historyStepped(cur, done);
      if (next !== cur) apply(next);
      return reason;
    },
  };
}

/** The session with `done` edits in effect, undone or redone step by step; a redo that no longer
 *  fits stops there with its reason. */
function historyStepped(cur: Session<PageLayers>, done: number): { next: Session<PageLayers>; reason: Msg | null } {
  let next = cur;
  while (next.editing.history.past.length > done) {
    const back = undoEdit(next);
    if (back === next) break;
    next = back;
  }
  while (next.editing.history.past.length < done && next.editing.history.future.length > 0) {
    const r = redoEdit(next);
    if (!r.ok) return { next, reason: r.reason };
    next = r.session;
  }
  return { next, reason: null };
}

/** A scenario shared as a file and a shared file opened; edits that no longer fit let go. */
function scenarioFileSteps(s: AppState, current: () => Session<PageLayers> | null, apply: (next: Session<PageLayers>, analyseToo?: boolean) => void) {
  return {
    /** The open (or named) scenario as a file to share: the edits and which baseline they were made on. */
    scenarioFileText(id?: string): { name: string; text: string } | null {
      const cur = current();
      const p = s.project.peek();
      if (!cur || !p) return null;
      const sc = savedScenarios(cur).find((x) => x.id === (id ?? cur.active));
      if (!sc) return null;
      return { name: sc.name, text: scenarioFileText(scenarioFile(sc, cur.baseline, p.area.name)) };
    },

    /** Opens a shared scenario file into this project (as a new scenario, then opened). A broken
     *  or newer file changes nothing and says why; made on other baseline data, its edits are
     *  replayed and those that do not fit are listed (`notice`, and the session's skipped). The
     *  reader (with its schema library) loads on first use: the page does not need it to open. */
    async importScenarioText(text: string): Promise<{ ok: true; name: string; notice: Msg | null } | { ok: false; problems: Msg[] }> {
      if (!current()) return { ok: false, problems: [noProject] };
      const parsed = (await import('../schemas/scenario')).parseScenarioFile(text);
      if (!parsed.ok) return parsed;
      const cur = current();
      if (!cur) return { ok: false, problems: [noProject] };
      const added = importScenario(savedScenarios(cur), parsed.file);
      if (!added.ok) return { ok: false, problems: [added.reason] };
      const opened = switchTo(setScenarios(cur, added.scenarios), added.scenario.id);
      if (!opened.ok) return { ok: false, problems: [opened.reason] };
      apply(opened.session);
      return { ok: true, name: added.scenario.name, notice: baselineNotice(parsed.file, cur.baseline) };
    },

    /** Let go of parked edits (edits that no longer fit the baseline) after the user saw them. */
    discardParked(editIds: string[]): void {
      const cur = current();
      if (!cur || cur.active === BASELINE_ID) return;
      const skipped: SkippedEdit[] = cur.skipped.filter((x) => !editIds.includes(x.edit.id));
      const scenarios = cur.scenarios.map((x) => (x.id === cur.active ? dropParked(x, editIds) : x));
      apply({ ...cur, scenarios, skipped }, false);
    },
  };
}
