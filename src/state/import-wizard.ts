// The import wizard's state machine: read the file (in the worker, with progress) → 1 which layer
// → 2 coordinates → 3 column mapping → 4 validation report → import the good ones or cancel.
// Nothing in the project changes before `accept()`; cancel or a failure at any step leaves it as
// it was. The wizard's own signals live here; the project change goes through `apply`, which the
// app wires to the session (replaceBaseline), the worker and a fresh analysis.
import { batch, signal, type Signal } from '@preact/signals';
import type { Msg } from '../core/model';
import { recallMapping, rememberMapping, type MappingStore } from '../io/mapping-memory';
import type { ImportMode, ImportPlan } from '../io/merge';
import type { LayerKind, Mapping, ValidationReport, WebCoords } from '../io/types';
import type { LoadedProject } from '../service/session';
import type { ImportApplied, ImportLayerInfo } from '../service/import-export';
import type { Importer } from '../worker/import-client';
import { errorMessage } from '../core/errors';

export type ImportStep = 'idle' | 'reading' | 'layer' | 'coords' | 'mapping' | 'checking' | 'report' | 'applying' | 'done' | 'failed';
export const WIZARD_STEPS = ['layer', 'coords', 'mapping', 'report'] as const;

/** what the wizard needs of a dropped or picked file (a DOM File has both) */
export interface ImportFile {
  name: string;
  size?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ImportState {
  step: Signal<ImportStep>;
  fileName: Signal<string | null>;
  /** 0…1 while the worker reads the file */
  progress: Signal<number>;
  layers: Signal<ImportLayerInfo[]>;
  layerIndex: Signal<number>;
  kind: Signal<LayerKind>;
  /** '' = as the file says (.prj) or as guessed from the numbers; else "EPSG:…" or a proj4 string */
  crs: Signal<string>;
  /** spreadsheets: the x (longitude) and y (latitude) columns when the user swapped them */
  columns: Signal<{ x: string; y: string } | null>;
  coords: Signal<WebCoords>;
  mapping: Signal<Mapping>;
  /** the mapping came from a file of the same layout the user imported before */
  remembered: Signal<boolean>;
  mode: Signal<ImportMode>;
  /** a value for every row where a field's column is missing or empty ("all rows are 托育机构") */
  defaults: Signal<Record<string, string>>;
  report: Signal<ValidationReport | null>;
  /** what accepting would change: added / updated / removed (listed), shown before accepting */
  plan: Signal<ImportPlan | null>;
  /** why the file cannot be read or a step failed: a catalogue message or plain text */
  error: Signal<Msg | string | null>;
  done: Signal<ImportApplied | null>;
  /** every accepted import of this session, newest last, with the project before and after it:
   *  the newest can be restored while the project is still what it left */
  versions: Signal<ImportVersion[]>;
}

export interface ImportVersion {
  applied: Pick<ImportApplied, 'kind' | 'mode' | 'imported' | 'plan' | 'record'>;
  /** the page's project before the import (null for a version kept across a reload) */
  before: LoadedProject | null;
  /** the data before the import as a project file, kept in IndexedDB (src/state/import-versions.ts) */
  beforeData?: string;
  /** the project this import left (null until known, for an older version kept across a reload) */
  after: LoadedProject | null;
}

export interface ImportDeps {
  importer: Importer;
  store: MappingStore;
  /** puts an accepted layer into the project (baseline) and re-runs the analysis */
  apply(applied: ImportApplied): Promise<void>;
}

export function createImportState(): ImportState {
  return {
    step: signal<ImportStep>('idle'),
    fileName: signal<string | null>(null),
    progress: signal(0),
    layers: signal<ImportLayerInfo[]>([]),
    layerIndex: signal(0),
    kind: signal<LayerKind>('facilities'),
    crs: signal(''),
    columns: signal<{ x: string; y: string } | null>(null),
    coords: signal<WebCoords>('wgs84'),
    mapping: signal<Mapping>({}),
    remembered: signal(false),
    mode: signal<ImportMode>('merge'),
    defaults: signal<Record<string, string>>({}),
    report: signal<ValidationReport | null>(null),
    plan: signal<ImportPlan | null>(null),
    error: signal<Msg | string | null>(null),
    done: signal<ImportApplied | null>(null),
    versions: signal<ImportVersion[]>([]),
  };
}

/** read errors about coordinates the wizard lets the user fix on its coordinates step */
const COORD_ERRORS = new Set(['io.err.crsMissing', 'io.err.swappedColumns', 'io.err.prjMismatch']);

/** The file being imported, and its generation: bumped on every new file or cancel, so answers to
 *  an older one are dropped. */
interface Wizard {
  file: ImportFile | null;
  generation: number;
}

const currentLayer = (s: ImportState): ImportLayerInfo | undefined => s.layers.peek()[s.layerIndex.peek()];

function failed(s: ImportState, e: Msg | string): void {
  batch(() => {
    s.step.value = 'failed';
    s.error.value = e;
  });
}

/** The mapping remembered for these columns and kind, or the guessed one. */
async function mappingFor(s: ImportState, deps: ImportDeps, w: Wizard, layer: ImportLayerInfo, kind: LayerKind): Promise<void> {
  const g = w.generation;
  const r = await recallMapping(deps.store, layer.columns, kind).catch(() => ({ mapping: layer.mapping, remembered: false }));
  if (g !== w.generation) return;
  batch(() => {
    s.mapping.value = r.mapping;
    s.remembered.value = r.remembered;
  });
}

/** (Re)reads the file in the worker; `again` keeps the user's layer, kind and mapping (a CRS change). */
function readStep(s: ImportState, deps: ImportDeps, w: Wizard) {
  const fail = (e: Msg | string) => failed(s, e);
  return async function read(again: boolean): Promise<void> {
    const file = w.file;
    if (!file) return;
    const g = w.generation;
    const back = s.step.peek();
    // a file first refused for its coordinates is read "again" with nothing of it kept yet
    const keep = again && s.layers.peek().length > 0;
    batch(() => {
      s.step.value = 'reading';
      s.progress.value = 0;
      s.error.value = null;
    });
    try {
      const buffer = await file.arrayBuffer();
      const cols = s.columns.peek();
      const answer = await deps.importer.read(
        {
          name: file.name,
          buffer,
          kind: keep ? s.kind.peek() : undefined,
          crs: s.crs.peek() || undefined,
          coords: s.coords.peek(),
          ...(cols ? { xColumn: cols.x, yColumn: cols.y } : {}),
        },
        (f) => {
          if (g === w.generation) s.progress.value = f;
        },
      );
      if (g !== w.generation) return;
      if (!answer.ok && (again || COORD_ERRORS.has(answer.error.key))) {
        // a coordinate choice the file does not fit, or coordinates it cannot tell by itself: say
        // so on the coordinates step, where the user chooses (a system from the list, swapped columns)
        batch(() => {
          s.layers.value = [];
          s.error.value = answer.error;
          s.step.value = !again || back === 'reading' ? 'coords' : back;
        });
        return;
      }
      if (!answer.ok) return fail(answer.error);
      if (answer.layers.length === 0) return fail({ key: 'importui.err.empty', args: { file: file.name } });
      const index = keep ? Math.min(s.layerIndex.peek(), answer.layers.length - 1) : 0;
      const layer = answer.layers[index];
      batch(() => {
        s.layers.value = answer.layers;
        s.layerIndex.value = index;
        s.progress.value = 1;
        if (!keep) {
          s.kind.value = layer.guessedKind;
          s.coords.value = layer.coords;
        }
        s.step.value = again ? (back === 'reading' ? 'coords' : back) : 'layer';
      });
      if (!keep) await mappingFor(s, deps, w, layer, layer.guessedKind);
    } catch (e) {
      if (g === w.generation) fail(errorMessage(e));
    }
  };
}

/** The worker checks the layer as mapped: the report and the plan of what an import would do. */
function checkStep(s: ImportState, deps: ImportDeps, w: Wizard) {
  const fail = (e: Msg | string) => failed(s, e);
  return async function check(): Promise<void> {
    const layer = currentLayer(s);
    if (!layer) return;
    const g = w.generation;
    s.step.value = 'checking';
    try {
      const defaults = Object.fromEntries(Object.entries(s.defaults.peek()).filter(([, v]) => v !== ''));
      const answer = await deps.importer.check({ layer: s.layerIndex.peek(), kind: s.kind.peek(), mapping: s.mapping.peek(), mode: s.mode.peek(), defaults });
      if (g !== w.generation) return;
      batch(() => {
        s.report.value = answer.report;
        s.plan.value = answer.plan;
        s.step.value = 'report';
      });
    } catch (e) {
      if (g === w.generation) fail(errorMessage(e));
    }
  };
}

/** The user's choices: layer, kind, coordinates (each read again), the mapping, the mode, defaults. */
function choiceSteps(s: ImportState, deps: ImportDeps, w: Wizard, read: (again: boolean) => Promise<void>) {
  const current = () => currentLayer(s);
  return {
    async chooseLayer(index: number): Promise<void> {
      const layer = s.layers.peek()[index];
      if (!layer) return;
      batch(() => {
        s.layerIndex.value = index;
        s.kind.value = layer.guessedKind;
        s.defaults.value = {};
      });
      await mappingFor(s, deps, w, layer, layer.guessedKind);
    },

    async setKind(kind: LayerKind): Promise<void> {
      batch(() => {
        s.kind.value = kind;
        s.defaults.value = {};
      });
      const layer = current();
      if (layer) await mappingFor(s, deps, w, layer, kind);
    },

    /** a coordinate system the user names, or '' for the file's own: the file is read again */
    setCrs(crs: string): Promise<void> {
      s.crs.value = crs.trim();
      return read(true);
    },

    /** the longitude and latitude columns the other way round: the file is read again */
    swapColumns(x: string, y: string): Promise<void> {
      s.columns.value = { x, y };
      return read(true);
    },

    setCoords(coords: WebCoords): Promise<void> {
      s.coords.value = coords;
      return read(true);
    },

    /** one field → column ('' = leave the field unmapped) */
    setField(field: string, column: string): void {
      const m = { ...s.mapping.peek() };
      if (column) {
        // a column feeds one field: moving it takes it away from the other
        for (const [f, c] of Object.entries(m)) if (c === column) delete m[f];
        m[field] = column;
      } else delete m[field];
      s.mapping.value = m;
    },

    setMode(mode: ImportMode): void {
      s.mode.value = mode;
    },

    /** a constant for a field the file lacks ('' = none): every row without a value gets it */
    setDefault(field: string, value: string): void {
      s.defaults.value = { ...s.defaults.peek(), [field]: value };
    },
  };
}

/** A new file: nothing of the one before is kept (its layers, choices, report, result). */
function forgetFile(s: ImportState, name: string): void {
  batch(() => {
    s.fileName.value = name;
    s.layers.value = [];
    s.layerIndex.value = 0;
    s.crs.value = '';
    s.columns.value = null;
    s.coords.value = 'wgs84';
    s.mapping.value = {};
    s.remembered.value = false;
    s.mode.value = 'merge';
    s.defaults.value = {};
    s.report.value = null;
    s.plan.value = null;
    s.done.value = null;
  });
}

export function createImportActions(s: ImportState, deps: ImportDeps) {
  const w: Wizard = { file: null, generation: 0 };
  const current = () => currentLayer(s);
  const fail = (e: Msg | string) => failed(s, e);
  const read = readStep(s, deps, w);
  const check = checkStep(s, deps, w);

  return {
    /** a dropped or picked file: forget any earlier one and read this */
    async open(f: ImportFile): Promise<void> {
      w.generation++;
      w.file = f;
      forgetFile(s, f.name);
      await read(false);
    },
    ...choiceSteps(s, deps, w, read),

    /** forward through the steps; from the mapping step the worker checks the layer */
    async next(): Promise<void> {
      const step = s.step.peek();
      if (step === 'layer') s.step.value = 'coords';
      else if (step === 'coords' && current()) s.step.value = 'mapping';
      else if (step === 'mapping') await check();
    },

    back(): void {
      const step = s.step.peek();
      if (step === 'coords') s.step.value = 'layer';
      else if (step === 'mapping') s.step.value = 'coords';
      else if (step === 'report') s.step.value = 'mapping';
    },
    /** "import the N good ones": the only step that changes the project */
    async accept(): Promise<void> {
      const layer = current();
      const report = s.report.peek();
      if (!layer || !report || report.good === 0 || s.step.peek() !== 'report') return;
      const g = w.generation;
      s.step.value = 'applying';
      try {
        await rememberMapping(deps.store, layer.columns, s.kind.peek(), s.mapping.peek()).catch(() => undefined);
        const applied = await deps.importer.accept();
        if (!applied) return fail({ key: 'importui.err.nothing' });
        await deps.apply(applied);
        if (g !== w.generation) return;
        batch(() => {
          s.done.value = applied;
          s.step.value = 'done';
        });
        w.file = null;
      } catch (e) {
        if (g === w.generation) fail(errorMessage(e));
      }
    },
    /** closes the wizard; before accept() nothing was applied */
    async cancel(): Promise<void> {
      w.generation++;
      w.file = null;
      batch(() => {
        s.step.value = 'idle';
        s.layers.value = [];
        s.report.value = null;
        s.error.value = null;
        s.fileName.value = null;
      });
      await deps.importer.cancel().catch(() => undefined);
    },
  };
}

export type ImportActions = ReturnType<typeof createImportActions>;
