// Compare, views, presentation and print, created once for the page (main.tsx calls
// installPresent) and reached by their components through usePresent().
import type { Scenario } from '../../core/scenario/scenarios';
import { createCompare, type CompareRun } from '../../state/compare';
import type { AppState } from '../../state/app-state';
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

let present: Present | null = null;

export function installPresent(app: AppState, deps: PresentDeps): Present {
  present?.compare.dispose();
  present?.views.dispose();
  present = build(app, deps);
  return present;
}

export function usePresent(): Present {
  if (!present) throw new Error('usePresent() before installPresent() (main.tsx)');
  return present;
}
