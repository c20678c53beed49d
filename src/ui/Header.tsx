// Top bar: title, policy profile, the parameters that matter, reach mode, language.
import type { TargetedEvent } from 'preact';
import { circleDistance, REACH_MODES } from '../core/params';
import { LANGS, type Lang } from '../i18n';
import { PARAM_LIMITS, type EditableParam } from '../state/actions';
import { useApp, useT } from './context';
import { SuggestButton } from './suggest/SuggestButton';
import { SiteButton } from './site/SiteButton';
import { WorkspaceButton } from './workspace/WorkspaceButton';
import { LedgerButton } from './ledger/LedgerButton';
import { fmt } from './format';

function ParamInput({ name }: { name: EditableParam }) {
  const { state, actions } = useApp();
  const tr = useT();
  const lim = PARAM_LIMITS[name];
  const onChange = (e: TargetedEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const ok = actions.setParam(name, input.valueAsNumber);
    input.setCustomValidity(ok ? '' : tr('ui.param.range', { min: lim.min, max: lim.max }));
    input.reportValidity();
  };
  return (
    <label class="param">
      <span>{tr(`ui.param.${name}`)}</span>
      <input type="number" data-param={name} min={lim.min} max={lim.max} step={lim.step} value={state.params.value[name]} onChange={onChange} />
    </label>
  );
}

export function Header() {
  const { state, actions } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const p = state.params.value;
  return (
    <header class="header">
      <h1 class="title">{tr('ui.title')}</h1>
      <label class="param">
        <span>{tr('ui.profile')}</span>
        <select data-testid="profile" value={state.profile.value} onChange={(e) => void actions.setProfile(e.currentTarget.value)}>
          {state.profiles.value.map((pr) => (
            <option key={pr.id} value={pr.id}>
              {pr.name[lang]}
            </option>
          ))}
        </select>
      </label>
      <ParamInput name="circleMinutes" />
      <ParamInput name="walkSpeed" />
      <ParamInput name="detourFactor" />
      <span class="derived" data-testid="circle-distance">
        {tr('ui.param.distance', { metres: fmt(Math.round(circleDistance(p)), lang) })}
      </span>
      <label class="param">
        <span>{tr('ui.param.reach')}</span>
        <select data-testid="reach" value={p.reach} onChange={(e) => void actions.setReach(REACH_MODES.find((m) => m === e.currentTarget.value) ?? 'auto')}>
          <option value="auto">{tr('ui.reach.auto')}</option>
          <option value="straight">{tr('ui.reach.straight')}</option>
          <option value="network">{tr('ui.reach.network')}</option>
        </select>
      </label>
      <SuggestButton />
      <SiteButton />
      <WorkspaceButton />
      <LedgerButton />
      <span class="spacer" />
      <span class={`phase phase-${state.phase.value}`} data-testid="phase" data-phase={state.phase.value} role="status">
        {tr(`ui.phase.${state.phase.value}`)}
      </span>
      {/* biome-ignore lint/a11y/useSemanticElements: a toggle-button group; a <fieldset> would bring a form's border and legend */}
      <div class="lang" role="group" aria-label={tr('ui.language')}>
        {LANGS.map((l: Lang) => (
          <button key={l} type="button" data-testid={`lang-${l}`} aria-pressed={l === lang} onClick={() => actions.setLang(l)}>
            {l === 'zh' ? '中文' : 'English'}
          </button>
        ))}
      </div>
    </header>
  );
}
