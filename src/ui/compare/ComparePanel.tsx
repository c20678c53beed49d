// Compare two states (baseline or any scenario): KPI cards with deltas, the communities whose
// verdict changed (click → both maps frame it), the cost of what B builds, and the two maps.
import { useEffect, useState } from 'preact/hooks';
import { tm } from '../../i18n';
import { useApp, useT } from '../context';
import { ruleName } from '../format';
import { ScenarioSelect, useSideName } from '../present/ScenarioSelect';
import { usePresent } from '../present/wire';
import { ChangedTable } from './ChangedTable';
import { CompareMaps } from './CompareMaps';
import { CostPanel } from './CostPanel';
import { HEADLINE, KpiCards } from './KpiCards';
import './compare.css';

export function ComparePanel({ demoBasemapUrl }: { demoBasemapUrl: string }) {
  const { state } = useApp();
  const tr = useT();
  const { compare, presentation } = usePresent();
  const c = compare.state;
  const name = useSideName();
  const [focus, setFocus] = useState<{ id: string; seq: number } | null>(null);
  const open = c.users.value.has('panel');
  // Esc closes the panel (presentation mode has its own Esc and hides the panel meanwhile)
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !presentation.on.peek()) compare.closePanel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  if (!open) return null;
  const a = c.a.value;
  const b = c.b.value;
  const res = c.result.value;
  const current = res && c.resultFor.value?.a === a && c.resultFor.value.b === b ? res : null;
  const names = { a: name(a), b: name(b) };
  // the rules that judge communities on either side, in the order they come
  const ruleKeys = res ? [...new Set([...res.a.communityRules, ...res.b.communityRules].map((r) => r[1]))] : [];
  return (
    <section
      class="compare-panel"
      data-testid="compare-panel"
      aria-label={tr('present.compare.title')}
      data-busy={String(c.busy.value || !current)}
      data-ms={current ? Math.round(current.ms) : ''}
    >
      <header class="compare-bar">
        <h2>{tr('present.compare.title')}</h2>
        <ScenarioSelect label="A" value={a} onChange={(id) => compare.choose('a', id)} testid="compare-a" />
        <button type="button" onClick={() => compare.swap()} title={tr('present.compare.swap')} aria-label={tr('present.compare.swap')}>
          ⇄
        </button>
        <ScenarioSelect label="B" value={b} onChange={(id) => compare.choose('b', id)} testid="compare-b" />
        {/* biome-ignore lint/a11y/useSemanticElements: a toggle-button group; a <fieldset> would bring a form's border and legend */}
        <div class="lang" role="group" aria-label={tr('present.compare.mode')}>
          {(['side', 'swipe'] as const).map((m) => (
            <button key={m} type="button" data-testid={`compare-mode-${m}`} aria-pressed={c.mode.value === m} onClick={() => compare.setMode(m)}>
              {tr(`present.compare.mode.${m}`)}
            </button>
          ))}
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: a toggle-button group, as above */}
        <div class="lang" role="group" aria-label={tr('present.compare.colourBy')}>
          {(['change', 'verdict'] as const).map((m) => (
            <button key={m} type="button" data-testid={`compare-colour-${m}`} aria-pressed={c.colourBy.value === m} onClick={() => compare.setColourBy(m)}>
              {tr(`present.compare.colourBy.${m}`)}
            </button>
          ))}
        </div>
        <label class="param">
          <span>{tr('present.compare.rule')}</span>
          <select data-testid="compare-rule" value={c.rule.value ?? ''} onChange={(e) => compare.setRule(e.currentTarget.value || null)}>
            <option value="">{tr('present.compare.overall')}</option>
            {ruleKeys.map((k) => (
              <option key={k} value={k}>
                {ruleName(state.profiles.value, k, state.lang.value)}
              </option>
            ))}
          </select>
        </label>
        <span class="spacer" />
        {c.busy.value && <span class="note">{tr('present.compare.busy')}</span>}
        <button type="button" class="close-btn" data-testid="compare-close" onClick={() => compare.closePanel()}>
          {tr('present.close')}
        </button>
      </header>
      {c.error.value && (
        <div class="error-banner" role="alert">
          {c.error.value}
        </div>
      )}
      <div class="compare-body">
        <div class="compare-side">
          {current ? (
            <>
              {current.comparison.warnings.map((w, i) => (
                <p key={i} class="warn">
                  {tm(state.lang.value, w)}
                </p>
              ))}
              {[...current.a.skipped.map((m) => ['A', m] as const), ...current.b.skipped.map((m) => ['B', m] as const)].map(([side, m], i) => (
                <p key={`s${i}`} class="warn">
                  {tr('present.compare.skipped', { side })} {tm(state.lang.value, m)}
                </p>
              ))}
              {/* the headline figures first, then communities passing each rule */}
              <KpiCards
                rows={[...HEADLINE.flatMap((id) => current.rows.filter((r) => r.id === id)), ...current.rows.filter((r) => !HEADLINE.includes(r.id))]}
                labels={names}
                testid="compare-kpis"
              />
              <h3>{tr('present.compare.changed', { n: current.comparison.changed.length })}</h3>
              <ChangedTable changed={current.comparison.changed} onPick={(id) => setFocus({ id, seq: (focus?.seq ?? 0) + 1 })} />
              <CostPanel cost={current.cost} notes={current.costNotes} />
              <p class="note">{tr('present.compare.time', { ms: Math.round(current.ms) })}</p>
            </>
          ) : (
            <p class="note">{tr('present.compare.busy')}</p>
          )}
        </div>
        {/* the maps stay mounted between comparisons and take the new verdicts when they land */}
        {res && <CompareMaps demoBasemapUrl={demoBasemapUrl} a={res.a} b={res.b} names={names} mode={c.mode.value} colourBy={c.colourBy.value} rule={c.rule.value} focus={focus} />}
      </div>
    </section>
  );
}
