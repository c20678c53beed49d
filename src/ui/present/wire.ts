// Compare, views, presentation and print, created once for the page (main.tsx calls
// installPresent) and reached by their components through usePresent().
import { savedScenarios } from '../../core/scenario/session';
import { BASELINE_ID, type Scenario } from '../../core/scenario/scenarios';
import { tm } from '../../i18n';
import type { Actions } from '../../state/actions';
import { createCompare, type CompareRun } from '../../state/compare';
import type { AppState } from '../../state/app-state';
import type { CompareClient } from '../../worker/compare-client';
import { createViews } from '../../state/views';
import { mainMap } from './main-map';
import { createPresentation } from './presentation';
import { createPrint } from '../print/print';

export interface PresentDeps {
  compare: CompareRun;
  /** the project's scenarios with the open one's unsaved edits */
  scenarios: () => Scenario[];
  /** the open scenario's id (BASELINE_ID when none) */
  active: () => string;
  openScenario: (id: string) => Promise<void> | void;
}

function build(app: AppState, deps: PresentDeps) {
  const compare = createCompare(app, { run: deps.compare, scenarios: deps.scenarios, active: deps.active });
  const views = createViews(app, { map: () => mainMap.current, active: deps.active, openScenario: deps.openScenario });
  return {
    deps,
    compare,
    views,
    presentation: createPresentation(compare, views),
    print: createPrint(compare),
  };
}

export type Present = ReturnType<typeof build>;

/** The page's wiring: the worker's compare call, the editing session's scenarios, and its
 *  openScenario action (a refusal is shown in the banner). */
export function presentDeps(app: AppState, actions: Actions, client: CompareClient): PresentDeps {
  return {
    compare: (req) => client.compare(req),
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

let present: Present | null = null;

export function installPresent(app: AppState, actions: Actions, client: CompareClient): Present {
  present?.compare.dispose();
  present?.views.dispose();
  present = build(app, presentDeps(app, actions, client));
  return present;
}

export function usePresent(): Present {
  if (!present) throw new Error('usePresent() before installPresent() (main.tsx)');
  return present;
}
