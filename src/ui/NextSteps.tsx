// The next step from a failing community, one click away: the nearest facility of the kinds a
// failing circle rule asks for (go there), add a facility here (opens the scenario's form at the
// community, making a scenario first when the read-only baseline is open), and suggest sites for
// this gap (opens the suggestion panel for the kind that is short).
import type { Community, FacilityKind, RuleResult } from '../core/model';
import { representativePoint, type AnyGeom } from '../core/geo';
import { BASELINE_ID } from '../core/scenario';
import { useApp, useT } from './context';
import { fmt } from './format';

/** the kind the gap is short of: that of the rule the map shows when it fails here, else of the
 *  first failing rule; childcare when it counts places or names childcare */
function shortKind(fails: readonly RuleResult[], chosen: string | null): FacilityKind {
  const r = fails.find((x) => chosen !== null && (x.rule === chosen || `${x.rule}:${x.part ?? ''}` === chosen)) ?? fails[0];
  const childcare = r.measure.startsWith('places') || /childcare|infant|places/i.test(`${r.rule}:${r.part ?? ''}`);
  return childcare ? 'childcare_centre' : 'elderly_daycare';
}

export function NextSteps({ c, results }: { c: Community; results: readonly RuleResult[] }) {
  const { state, actions, tools } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const fails = results.filter((r) => r.status === 'fail' && r.view !== 'catchment');
  if (fails.length === 0) return null;
  // one line per nearest facility (a profile may ask the same circle twice)
  const nearest = [...new Map(fails.filter((r) => r.nearest).map((r) => [r.nearest!.id, r.nearest!])).values()];
  const kind = shortKind(fails, state.rule.value);
  const addHere = () => {
    const session = state.session.peek();
    if (!session) return;
    if (session.active === BASELINE_ID) {
      const names = new Set(session.scenarios.map((x) => x.name));
      let n = session.scenarios.length + 1;
      while (names.has(tr('scenario.ui.defaultName', { n }))) n++;
      if (!tools.say(actions.newScenario(tr('scenario.ui.defaultName', { n })))) return;
    }
    tools.pending.value = { kind: 'facility', at: representativePoint(c.geometry as AnyGeom) };
  };
  const suggestHere = () => {
    actions.suggest.setForm({ kind });
    actions.suggest.setOpen(true);
  };
  return (
    <div class="next-steps" data-testid="next-steps">
      {nearest.map((n) => (
        <p key={n.id} data-testid="nearest" data-id={n.id} data-metres={Math.ceil(n.distance)}>
          {tr('ui.next.nearest', { name: n.name, m: fmt(Math.ceil(n.distance), lang), via: tr(`ui.next.via.${n.via}`) })}{' '}
          <button type="button" class="link" data-testid="nearest-go" onClick={() => actions.focusOn({ level: 'facility', id: n.id })}>
            {tr('ui.next.go')}
          </button>
        </p>
      ))}
      <div class="next-buttons">
        <button type="button" class="primary" data-testid="add-here" onClick={addHere}>
          {tr('ui.next.addHere')}
        </button>
        <button type="button" data-testid="suggest-here" onClick={suggestHere}>
          {tr('ui.next.suggest', { kind: tr(`kind.${kind}`) })}
        </button>
      </div>
    </div>
  );
}
