// What presentation mode draws over the full-screen map: the headline KPI cards of the open
// scenario against the baseline (the baseline's own gaps when no plan is open), the legend, the scenario switcher, the view being shown and
// how to step (←/→, PageUp/PageDown) and leave (Esc).
import { BASELINE_ID } from '../../core/scenario/scenarios';
import { HEADLINE, KpiCards } from '../compare/KpiCards';
import { useT } from '../context';
import { BaselineGaps } from './BaselineGaps';
import { Legend } from './Legend';
import { ScenarioSelect, useSideName } from './ScenarioSelect';
import { usePresent } from './wire';

export function PresentOverlay() {
  const tr = useT();
  const { compare, views, presentation, deps } = usePresent();
  const name = useSideName();
  if (!presentation.on.value) return null;
  const active = deps.active();
  const c = compare.state;
  const res = c.result.value;
  const fresh = res && c.resultFor.value?.a === BASELINE_ID && c.resultFor.value.b === active ? res : null;
  const list = views.views.value;
  const i = list.findIndex((v) => v.id === views.current.value);
  return (
    <div class="present-overlay" data-testid="present" data-fallback={String(presentation.fallback.value)} data-view={i >= 0 ? list[i].id : ''}>
      <div class="present-bar">
        <ScenarioSelect label={tr('present.mode.scenario')} value={active} onChange={(id) => void deps.openScenario(id)} testid="present-scenario" />
        <span class="present-view" data-testid="present-view">
          {i >= 0 ? `${list[i].name} (${i + 1} / ${list.length})` : list.length > 0 ? tr('present.mode.views', { n: list.length }) : tr('present.view.none')}
        </span>
        <span class="spacer" />
        <span class="present-hint">{tr('present.mode.hint')}</span>
        <button type="button" data-testid="present-leave" onClick={() => presentation.leave()}>
          {tr('present.mode.leave')}
        </button>
      </div>
      {presentation.fallback.value && <p class="present-fallback">{tr('present.mode.fallback')}</p>}
      {active === BASELINE_ID ? (
        // today alone: its gaps, not a comparison with itself (all ±0)
        <div class="present-kpis" data-mode="gaps">
          <h2>{tr('present.print.gaps', { a: tr('present.baseline') })}</h2>
          {fresh ? <BaselineGaps result={fresh} testid="present-gaps" as="cards" /> : <p>{tr('present.compare.busy')}</p>}
        </div>
      ) : (
        <div class="present-kpis" data-mode="compare">
          <h2>
            {name(active)} <span class="vs">{tr('present.mode.vsBaseline')}</span>
          </h2>
          {fresh ? (
            <KpiCards rows={fresh.rows} labels={{ a: tr('present.baseline'), b: name(active) }} only={HEADLINE} testid="present-kpis" />
          ) : (
            <p>{tr('present.compare.busy')}</p>
          )}
        </div>
      )}
      <Legend testid="present-legend" />
    </div>
  );
}
