// Saved views (scenario + map extent + layers) and stepping through them in presentation mode.
// The list is part of the project (ScenarioPart.views): it is read from the project file when a
// project opens and written with the scenarios by the project's save and autosave.
import { batch, effect, signal } from '@preact/signals';
import type { Msg } from '../core/model';
import { BASELINE_ID } from '../core/scenario/scenarios';
import { addView, removeView, stepView, type View } from '../core/scenario/views';
import { LAYER_GROUPS, type LayerGroup } from './layers';
import type { AppState } from './app-state';

export type Bbox = [number, number, number, number];

/** What the views need of the main map: its extent now, and a way to frame one. */
export interface MapHandle {
  bounds(): Bbox | null;
  fit(b: Bbox): void;
  /** degrees clockwise from north at the top (the print's north arrow turns by it) */
  bearing(): number;
  /** resolves once the outlines' current tiles are cut and handed to the map (MapView.outlinesCut) */
  outlinesCut?(): Promise<void>;
  /** resolves once the map has drawn what it was handed (MapView.drawn) */
  drawn?(): Promise<void>;
}

export interface ViewDeps {
  /** the main map, once it exists */
  map: () => MapHandle | null;
  /** the open scenario's id */
  active: () => string;
  /** open a scenario (or the baseline) as the editing session does */
  openScenario: (id: string) => Promise<void> | void;
}

const MAX_NAME = 60;

export function createViews(app: AppState, deps: ViewDeps) {
  /** the project's saved views (autosave and "save project" read them) */
  const views = signal<View[]>([]);
  /** the view last shown (presentation mode steps from it) */
  const current = signal<string | null>(null);

  // a newly opened project brings its own views (read by the worker; a broken part: none, the
  // scenario load says why).
  // Keyed on the file's extra keys, not the project object: an import into the open project
  // replaces the layers but keeps the file's keys, and the views with them.
  let seen: unknown = null;
  const stop = effect(() => {
    const p = app.project.value;
    if (!p || p.other === seen) return;
    seen = p.other;
    batch(() => {
      views.value = p.scenarioPart.views;
      current.value = null;
    });
  });

  async function show(v: View): Promise<void> {
    current.value = v.id;
    if (deps.active() !== v.scenarioId) await deps.openScenario(v.scenarioId);
    const on = new Set(v.layers);
    app.visible.value = Object.fromEntries(LAYER_GROUPS.map((g) => [g, on.has(g)])) as Record<LayerGroup, boolean>;
    deps.map()?.fit(v.extent);
  }

  return {
    views,
    current,
    /** Saves what is on screen under a name; returns why not (empty or long name, no map yet). */
    save(name: string): Msg | null {
      const n = name.trim();
      if (n === '') return { key: 'present.view.emptyName' };
      if (n.length > MAX_NAME) return { key: 'present.view.longName', args: { max: MAX_NAME } };
      const extent = deps.map()?.bounds() ?? null;
      if (!extent) return { key: 'present.view.noMap' };
      const vis = app.visible.peek();
      const r = addView(views.peek(), { name: n, scenarioId: deps.active() || BASELINE_ID, extent, layers: LAYER_GROUPS.filter((g) => vis[g]) });
      if (!r.ok) return r.reason;
      batch(() => {
        views.value = r.views;
        current.value = r.view.id;
      });
      return null;
    },
    remove(id: string): void {
      views.value = removeView(views.peek(), id);
      if (current.peek() === id) current.value = null;
    },
    show(id: string): Promise<void> {
      const v = views.peek().find((x) => x.id === id);
      return v ? show(v) : Promise.resolve();
    },
    /** next (1) or previous (−1) view, wrapping; the first one when none is shown yet */
    step(dir: 1 | -1): Promise<void> {
      const v = stepView(views.peek(), current.peek() ?? undefined, dir);
      return v ? show(v) : Promise.resolve();
    },
    dispose: stop,
  };
}

export type Views = ReturnType<typeof createViews>;
