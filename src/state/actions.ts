// The only code that writes app state. Each action is a small named change; analysis requests
// go to the worker and a superseded answer is dropped (client.analyse reports it).
import { batch } from '@preact/signals';
import { resolveParams, usesNetwork, type Params } from '../core/params';
import { t, tm, type Lang } from '../i18n';
import type { InputProblem } from '../schemas';
import type { LayerGroup } from './layers';
import type { Analysis, LoadedProject, LoadOutcome } from '../service/session';
import type { DataIssue, Level, Msg } from '../core/model';
import { withDelta } from '../service/analysis-columns';
import type { Edit } from '../core/scenario';
import type { AnalysisClient } from '../worker/client';
import { areasKey, type CircleGroup, type ShownAreas } from '../service/service-areas';
import type { AppState, UnitRef } from './app-state';
import { writeBasemap, writeLang, type BasemapChoice, type KeyValue } from './persist';
import type { TableQuery } from './table';
import { createScenarioActions } from './scenario-actions';
import { createSuggestActions } from './suggest-actions';
import { PARAM_BOUNDS } from '../core/limits';
import type { SuggestClient } from '../worker/suggest-client';
import { errorMessage } from '../core/errors';

/** Editable numeric parameters and the range the inputs accept (outside it the value is refused). */
export const PARAM_LIMITS = {
  circleMinutes: { ...PARAM_BOUNDS.circleMinutes, step: 1 },
  walkSpeed: { ...PARAM_BOUNDS.walkSpeed, step: 0.05 },
  detourFactor: { ...PARAM_BOUNDS.detourFactor, step: 0.05 },
  colocateDistance: { ...PARAM_BOUNDS.colocateDistance, step: 50 },
} as const;
export type EditableParam = keyof typeof PARAM_LIMITS;

export interface Deps {
  client: Pick<AnalysisClient, 'listProfiles' | 'load' | 'loadUrl' | 'analyse' | 'walkAreas'> &
    Partial<Pick<AnalysisClient, 'setEdits' | 'projectText' | 'analyseEdits' | 'loadFile' | 'walkAreaAt' | 'checkedIssues'>> &
    Partial<SuggestClient>;
  storage: KeyValue | null;
  /** keeps the user's .pmtiles file between visits (IndexedDB in the browser) */
  keepFile: (file: File) => Promise<void>;
  /** the file keepFile kept, if it is still there (none when not given: tests, or no storage) */
  keptFile?: () => Promise<File | undefined>;
  /** resolves once the map has drawn a newly opened project's outlines (the page's map, whose
   *  outlines are tiles the worker cuts): the first analysis is asked after them, so the worker,
   *  which answers in order, cuts the tiles before analysing and the outlines show meanwhile */
  outlinesDrawn?: () => Promise<void>;
  /** resolves once the map has drawn the verdicts just handed to it: along streets the walk areas
   *  are asked after it, so their seconds of walking and tracing in the worker do not take the
   *  cores from the verdicts' frames (without it they are asked with the verdicts) */
  verdictsDrawn?: () => Promise<void>;
  /** a project with at most this many communities asks its walk areas with its verdicts even so:
   *  their walking takes the worker less than the map's frames and the round trip it would wait
   *  for (the demo's 513 communities: ≈ 0.2 s of its cold load) */
  areasAtOnceUpTo?: number;
}

/** A stopping problem in words: the schema's message already names the file and the feature
 *  (number and id); the field is added when the message does not mention it. */
export function problemText(lang: Lang, p: InputProblem): string {
  const text = tm(lang, p.msg);
  const where = [p.file && !text.includes(p.file) ? p.file : '', p.id && !text.includes(p.id) ? `(${p.id})` : '', p.field && !text.includes(p.field) ? `[${p.field}]` : '']
    .filter(Boolean)
    .join(' ');
  return where ? `${where} ${text}` : text;
}

/** One edit answer at a time, each against the analysis the one before left; while one runs
 *  only the newest waiting edit list is kept (a drag sends a position per frame). */
function oneAtATime(answerEdits: (edits: Edit[], preview: boolean) => Promise<boolean>) {
  let waiting: { edits: Edit[]; preview: boolean; done: ((handled: boolean) => void)[] } | null = null;
  let answering = false;
  return function editsAnswered(edits: Edit[], preview: boolean): Promise<boolean> {
    return new Promise((resolve) => {
      const done = waiting ? waiting.done : [];
      done.push(resolve);
      waiting = { edits, preview, done };
      if (answering) return;
      answering = true;
      void (async () => {
        while (waiting) {
          const job = waiting;
          waiting = null;
          // a failed answer is not lost: the caller analyses in full, which reports the error
          const handled = await answerEdits(job.edits, job.preview).catch(() => false);
          for (const d of job.done) d(handled);
        }
        answering = false;
      })();
    });
  };
}

/** Which circles s.areas holds: their parameters and the facilities' version (a scenario edit that
 *  changes the facilities bumps it). A request with the key `held` need not rebuild them. */
function circlesHeld(s: AppState) {
  let facilitiesSeen: unknown = null;
  let facilitiesVersion = 0;
  return {
    held: null as string | null,
    keyNow(): string {
      const facilities = s.layers.peek()?.facilities;
      if (facilities !== facilitiesSeen) {
        facilitiesSeen = facilities;
        facilitiesVersion++;
      }
      return `${areasKey(s.params.peek())}|${facilitiesVersion}`;
    },
  };
}

/** Walk areas answered for `analysis` put in place, unless a newer analysis came meanwhile: the
 *  circles held are then those of `key` (`also`: more to change with them in the same batch). */
function areasLanded(
  s: AppState,
  circles: ReturnType<typeof circlesHeld>,
  analysis: Analysis<ShownAreas>,
  areas: Awaited<ReturnType<Deps['client']['walkAreas']>>,
  key: string,
  also: () => void,
): void {
  if (!areas.ok || s.analysis.peek() !== analysis) return;
  batch(() => {
    s.areas.value = areas.value;
    also();
  });
  circles.held = key;
}

/** A full analysis (a project opened, a setting changed): the verdicts, then — along streets —
 *  the walk areas, which the worker answers after them. */
function fullAnalysis(s: AppState, deps: Pick<Deps, 'client' | 'verdictsDrawn' | 'areasAtOnceUpTo'>, circles: ReturnType<typeof circlesHeld>) {
  async function analyse(): Promise<void> {
    s.phase.value = 'analysing';
    const key = circles.keyNow();
    const keep = key === circles.held && s.areas.peek() !== null;
    const req = { profile: s.profile.value, params: s.params.value, areas: !keep };
    // Along streets the worker answers with the verdicts alone and the walk areas follow (seconds on
    // a large city). The verdicts are asked first (the worker answers in order); the walk areas once
    // the map has drawn them when it says so (verdictsDrawn), else at once after them.
    const verdicts = deps.client.analyse(req);
    const walks = !keep && usesNetwork(s.params.value, s.project.peek()?.roadCount ?? 0);
    const small = (s.project.peek()?.communities.length ?? Number.POSITIVE_INFINITY) <= (deps.areasAtOnceUpTo ?? -1);
    const early = walks && (!deps.verdictsDrawn || small) ? deps.client.walkAreas(req) : null;
    early?.catch(() => undefined); // a failure is reported by the analysis asked with it
    try {
      const out = await verdicts;
      if (!out.ok) return; // a newer request is on its way; its answer will land instead
      // walk areas the session kept (minutes changed back) wait for the verdicts' frame too: drawn
      // in it, they made it ≈ 0.5 s longer on a large city (their tiles over the whole map); those
      // on the map already stay
      const kept = out.value.serviceAreas;
      const held = walks && deps.verdictsDrawn && kept && kept.id !== s.areas.peek()?.id ? { ok: true as const, value: kept } : null;
      batch(() => {
        s.analysis.value = out.value;
        s.previewFrom.value = null;
        if (!keep) {
          s.areas.value = held ? null : out.value.serviceAreas;
          s.areasPending.value = out.value.serviceAreas === null;
          circles.held = out.value.serviceAreas && !held ? key : null;
        }
        s.phase.value = 'ready';
        s.error.value = null;
      });
      if (!keep && (out.value.serviceAreas === null || held)) await walkAreasAfter(out.value, held ? Promise.resolve(held) : early, held !== null);
    } catch (e) {
      batch(() => {
        s.areasPending.value = false;
        s.phase.value = 'error';
        s.error.value = t(s.lang.value, 'ui.error.analysis', { detail: errorMessage(e) });
      });
    }
    /** the walk areas of `analysis` (asked with it or kept: `early`; `drawnFirst`: kept, landed
     *  once the verdicts are drawn), unless a newer analysis came meanwhile */
    async function walkAreasAfter(analysis: Analysis<ShownAreas>, early: ReturnType<Deps['client']['walkAreas']> | null, drawnFirst = false): Promise<void> {
      if (!early || drawnFirst) await deps.verdictsDrawn?.();
      if (s.analysis.peek() !== analysis) return; // a newer analysis asks for its own
      const areas = await (early ?? deps.client.walkAreas(req));
      areasLanded(s, circles, analysis, areas, key, () => (s.areasPending.value = false));
    }
  }
  return analyse;
}

/** The analysis of the open project: full analyses (a project opened, a setting changed) and the
 *  worker's deltas for edits, with the circles kept while their inputs are the same. */
function createAnalysisRunner(s: AppState, deps: Pick<Deps, 'client'>) {
  const circles = circlesHeld(s);

  const analyse = fullAnalysis(s, deps, circles);

  /** The circles after an edit moved, added or removed facilities, asked with its verdicts (null:
   *  the circles held are still right): the worker answers them right after the verdicts, so their
   *  tiles are asked for while the page paints the verdicts, not a round trip later. */
  function areasAsked(): { key: string; areas: ReturnType<Deps['client']['walkAreas']> } | null {
    const key = circles.keyNow();
    if (key === circles.held) return null;
    const areas = deps.client.walkAreas({ profile: s.profile.peek(), params: s.params.peek() });
    areas.catch(() => undefined); // unread when the edit is analysed in full instead
    return { key, areas };
  }

  /** The circles after an edit (asked with it: areasAsked) put in place. */
  async function areasAfterEdit(analysis: Analysis<ShownAreas>, asked: ReturnType<typeof areasAsked>): Promise<void> {
    if (!asked) {
      s.movingCircle.value = null;
      return;
    }
    // the dropped facility's circle is among them now
    areasLanded(s, circles, analysis, await asked.areas, asked.key, () => (s.movingCircle.value = null));
  }

  /** Straight circles asked with an edit: the worker answers them right after its verdicts (a
   *  few ms), so they are awaited and land with the verdicts, and the map draws the edit in one
   *  frame instead of one for the verdicts and more for the circles (MapView.holdEdit). Walk areas
   *  along streets take longer: the verdicts do not wait for them (null). */
  async function straightCircles(asked: ReturnType<typeof areasAsked>): Promise<Awaited<ReturnType<Deps['client']['walkAreas']>> | null> {
    if (!asked || usesNetwork(s.params.peek(), s.project.peek()?.roadCount ?? 0)) return null;
    return asked.areas;
  }

  async function answerEdits(edits: Edit[], preview: boolean): Promise<boolean> {
    const held = s.analysis.peek();
    const run = deps.client.analyseEdits;
    if (!held || !run) return false;
    const asking = run(edits, { profile: s.profile.peek(), params: s.params.peek(), base: held.serial });
    const areas = preview ? null : areasAsked();
    const out = await asking;
    const withCircles = out.delta ? await straightCircles(areas) : null;
    if (!out.delta || s.analysis.peek() !== held) return false;
    const next = withDelta(held, out.delta, { serial: out.serial, ms: out.ms });
    batch(() => {
      s.analysis.value = next;
      if (!preview) {
        s.phase.value = 'ready';
        s.previewFrom.value = null; // the drop (or the drag's end) is analysed: the panels follow again
      }
      s.error.value = null;
      if (withCircles && areas) areasLanded(s, circles, next, withCircles, areas.key, () => (s.movingCircle.value = null));
    });
    if (!preview && !withCircles) await areasAfterEdit(next, areas);
    return true;
  }

  const editsAnswered = oneAtATime(answerEdits);
  return { analyse, editsAnswered };
}

/** What the user sets about the view: language, rule, selection, layers, table query, base map. */
function viewActions(s: AppState, deps: Deps) {
  let focusSeq = 0;
  return {
    setLang(lang: Lang): void {
      s.lang.value = lang;
      writeLang(deps.storage, lang);
    },

    selectRule(rule: string | null): void {
      batch(() => {
        s.rule.value = rule;
        s.query.value = { ...s.query.value, rule };
      });
    },

    select(ref: UnitRef | null): void {
      s.selection.value = ref;
    },

    /** select a unit and ask the map to zoom to it (table row click) */
    focusOn(ref: UnitRef): void {
      batch(() => {
        s.selection.value = ref;
        s.focus.value = { ...ref, seq: ++focusSeq };
      });
    },

    toggleLayer(g: LayerGroup): void {
      s.visible.value = { ...s.visible.value, [g]: !s.visible.value[g] };
    },

    toggleCircle(c: CircleGroup): void {
      const on = s.circles.value;
      s.circles.value = on.includes(c) ? on.filter((x) => x !== c) : [...on, c];
    },

    setQuery(q: Partial<TableQuery>): void {
      s.query.value = { ...s.query.value, ...q };
    },

    setBasemap(b: BasemapChoice): void {
      s.error.value = null; // a new choice gets a fresh chance; its own problems show again
      s.basemap.value = b;
      writeBasemap(deps.storage, b);
    },

    /** the user's .pmtiles file kept by useBasemapFile, if the storage still has it */
    keptBasemapFile(): Promise<File | undefined> {
      return deps.keptFile?.() ?? Promise.resolve(undefined);
    },

    async useBasemapFile(file: File): Promise<void> {
      await deps.keepFile(file);
      s.basemap.value = { kind: 'pmtiles-file', name: file.name };
      writeBasemap(deps.storage, s.basemap.value);
    },

    /** a problem outside the analysis (e.g. a base map that cannot be read), shown in the banner */
    reportError(text: string): void {
      s.error.value = text;
    },

    setMapIdle(idle: boolean): void {
      s.mapIdle.value = idle;
    },
  };
}

/** Opening a project: the worker loads it, the page takes its layers and settings, its scenarios'
 *  session starts and the first analysis runs; a refused file changes nothing but the message. */
function opening(s: AppState, deps: Pick<Deps, 'client' | 'outlinesDrawn'>, analyse: () => Promise<void>, startSession: (p: LoadedProject) => Promise<Msg[]>) {
  return async function open(fileName: string, load: () => Promise<LoadOutcome>): Promise<void> {
    s.phase.value = 'loading';
    let project: LoadedProject;
    try {
      const [profiles, loaded] = await Promise.all([s.profiles.value.length ? s.profiles.value : deps.client.listProfiles(), load()]);
      s.profiles.value = profiles;
      if (!loaded.ok) {
        batch(() => {
          s.phase.value = 'error';
          s.error.value = `${t(s.lang.value, 'ui.error.load', { file: fileName, detail: '' })}\n${loaded.problems.map((p) => problemText(s.lang.value, p)).join('\n')}`;
        });
        return;
      }
      project = loaded.project;
      const known = s.profiles.value.some((p) => p.id === project.profile);
      batch(() => {
        s.project.value = project;
        s.session.value = null; // the new project's session follows (startSession)
        s.projectFile.value = fileName;
        s.areas.value = null;
        s.analysis.value = null;
        s.previewFrom.value = null;
        s.profile.value = known ? project.profile : 'combined';
        s.params.value = resolveParams(project.params);
        s.selection.value = null;
        s.error.value = null;
      });
      const notes = await startSession(project);
      if (notes.length) s.error.value = notes.map((m) => tm(s.lang.value, m)).join('\n');
      await deps.outlinesDrawn?.();
    } catch (e) {
      batch(() => {
        s.phase.value = 'error';
        s.error.value = t(s.lang.value, 'ui.error.load', { file: fileName, detail: errorMessage(e) });
      });
      return;
    }
    await analyse();
    await completeIssues(s, deps, project);
  };
}

/** The opened project's issues completed by the checks the worker ran after the first analysis
 *  (the outlines' self-intersections: seconds on a large city, so the verdicts do not wait for
 *  them). The list is completed in place, so everything holding the project reads it whole. */
async function completeIssues(s: AppState, deps: Pick<Deps, 'client'>, project: LoadedProject): Promise<void> {
  const full = await deps.client.checkedIssues?.();
  if (!full) return;
  const now = s.project.peek();
  // an import accepted meanwhile made a new project (projectWithImport): its list is the opened
  // one (a merge: completed in place below) or a copy without the replaced layer's rows (a
  // replace): the findings about the layers it kept still apply and must not be lost
  if (now && now !== project && now.issues !== project.issues) now.issues = completedCopy(now, project, full);
  // in place: an import's undo puts this very project back
  project.issues.splice(0, project.issues.length, ...full);
  s.issuesChecked.value++;
}

/** `now`'s issues with `full` (the opened project's whole list) for every level whose layer is
 *  still the opened project's own (the same array), its own issues for the others */
function completedCopy(now: LoadedProject, opened: LoadedProject, full: readonly DataIssue[]): DataIssue[] {
  const layerOf = (p: LoadedProject, level: Level): unknown =>
    level === 'community' ? p.communities : level === 'facility' ? p.facilities : level === 'street' ? p.streets : p.area;
  const kept = (level: Level) => layerOf(now, level) === layerOf(opened, level);
  return [...full.filter((i) => kept(i.level)), ...now.issues.filter((i) => !kept(i.level))];
}

export function createActions(s: AppState, deps: Deps) {
  const { analyse, editsAnswered } = createAnalysisRunner(s, deps);

  const open = opening(s, deps, analyse, (p) => scenarios.startSession(p));
  const scenarios = createScenarioActions(s, deps, analyse, editsAnswered);

  return {
    analyse,
    ...scenarios,
    /** site suggestions (src/state/suggest-actions.ts) */
    suggest: createSuggestActions(s, { client: deps.client, newScenario: scenarios.newScenario }),

    /** the embedded demo (or any project served next to the app), fetched by the worker */
    openProject(url: string, fileName: string): Promise<void> {
      return open(fileName, () => deps.client.loadUrl(url, fileName));
    },

    /** a project file the user picked: the worker reads, parses and validates it (a client
     *  without loadFile, as in tests, gets its text) */
    async openProjectFile(file: Blob, fileName: string): Promise<void> {
      const loadFile = deps.client.loadFile;
      return open(fileName, async () => (loadFile ? loadFile(file, fileName) : deps.client.load(await file.text(), fileName)));
    },

    /** project file text (JSON; the worker parses and validates it) */
    openProjectText(text: string, fileName: string): Promise<void> {
      return open(fileName, () => deps.client.load(text, fileName));
    },

    setProfile(id: string): Promise<void> {
      s.profile.value = id;
      return analyse();
    },

    /** Returns false (and changes nothing) when the value is outside the accepted range. */
    setParam(name: EditableParam, value: number): boolean {
      const lim = PARAM_LIMITS[name];
      if (!Number.isFinite(value) || value < lim.min || value > lim.max) return false;
      s.params.value = { ...s.params.value, [name]: value } as Params;
      void analyse();
      return true;
    },

    setReach(mode: Params['reach']): Promise<void> {
      s.params.value = { ...s.params.value, reach: mode };
      return analyse();
    },

    ...viewActions(s, deps),
  };
}

export type Actions = ReturnType<typeof createActions>;
