// Compare, views, presentation and print of one app (createApp builds them), reached by their
// components through usePresent().
import { savedScenarios } from '../../core/scenario/session';
import { BASELINE_ID, type Scenario } from '../../core/scenario/scenarios';
import { tm } from '../../i18n';
import type { Actions } from '../../state/actions';
import { createCompare, type CompareRun } from '../../state/compare';
import type { AppState } from '../../state/app-state';
import type { MapPorts } from '../../state/map-ports';
import { createViews } from '../../state/views';
import { useApp } from '../context';
import { createPresentation } from './presentation';
import { createPrint } from '../print/print';

export interface PresentDeps {
  compare: CompareRun;
  /** the project's scenarios with the open one's unsaved edits */
  scenarios: () => Scenario[];
  /** the open scenario's id (BASELINE_ID when none) */
  active: () => string;
  openScenario: (id: string) => Promise<void> | void;
  /** the app's clock (the print sheet's time stamp) */
  now?: () => Date;
}

export function createPresent(app: AppState, deps: PresentDeps, map: MapPorts) {
  const compare = createCompare(app, { run: deps.compare, scenarios: deps.scenarios, active: deps.active });
  const views = createViews(app, { map: () => map.main.current, active: deps.active, openScenario: deps.openScenario });
  return {
    deps,
    compare,
    views,
    presentation: createPresentation(compare, views),
    print: createPrint(compare, map, deps.now),
  };
}

export type Present = ReturnType<typeof createPresent>;

/** The page's wiring: the worker's compare call, the editing session's scenarios, and its
 *  openScenario action (a refusal is shown in the banner). */
export function presentDeps(app: AppState, actions: Actions, compare: CompareRun): PresentDeps {
  return {
    compare,
    scenarios: () => {
      const s = app.session.value;
      return s ? savedScenarios(s) : [];
    },
    active: () => app.session.value?.active ?? BASELINE_ID,
    openScenario: async (id) => {
      const bad = actions.openScenario(id);
      if (bad) actions.reportError(tm(app.lang.peek(), bad));
      await actions.scenarioSettled();
    },
  };
}

export function usePresent(): Present {
  return useApp().present;
}
