// The print layout (shown only by @media print): map image with north arrow and scale bar, legend,
// the open scenario's KPIs against the baseline, the communities that changed, data sources
// (what in the demo is real and what simulated, the base map's attribution) and the citations of
// the profile's rules — document, clause, original words.
import { getProfile } from '../../core/rules/profiles';
import { BASELINE_ID } from '../../core/scenario/scenarios';
import { DEMO_FILE } from '../../state/app-state';
import { HEADLINE, useKpiLabel } from '../compare/KpiCards';
import { kpiDelta, kpiValue } from '../compare/kpi-format';
import { useApp, useT } from '../context';
import { DemoProvenance } from '../InfoNote';
import { BaselineGaps } from '../present/BaselineGaps';
import { Legend } from '../present/Legend';
import { useSideName } from '../present/ScenarioSelect';
import { usePresent } from '../present/wire';
import './print.css';

const MAX_CHANGED = 20;
const LAYERS = ['outline', 'streets', 'communities', 'facilities', 'roads'] as const;

/** Where each layer comes from, as the project file's `meta.provenance` says (the demo has it);
 *  read defensively: it is the file's data, shown as text. */
function provenance(other: Record<string, unknown>): { layer: (typeof LAYERS)[number]; simulated: boolean; source: string }[] {
  const meta = other.meta;
  const prov = meta && typeof meta === 'object' ? (meta as Record<string, unknown>).provenance : undefined;
  if (!prov || typeof prov !== 'object') return [];
  return LAYERS.flatMap((layer) => {
    const x = (prov as Record<string, unknown>)[layer];
    if (!x || typeof x !== 'object') return [];
    const { simulated, source } = x as Record<string, unknown>;
    return typeof source === 'string' ? [{ layer, simulated: simulated !== false, source }] : [];
  });
}

export function PrintSheet() {
  const { state, clock } = useApp();
  const tr = useT();
  const { compare, print, deps } = usePresent();
  const name = useSideName();
  const label = useKpiLabel();
  const lang = state.lang.value;
  const project = state.project.value;
  const snap = print.snapshot.value;
  if (!project) return null;
  const active = deps.active();
  const c = compare.state;
  const res = c.result.value;
  const fresh = res && c.resultFor.value?.a === BASELINE_ID && c.resultFor.value.b === active ? res : null;
  const rows = fresh ? HEADLINE.map((id) => fresh.rows.find((r) => r.id === id)).filter((r) => r !== undefined) : [];
  const profile = getProfile(state.profile.value);
  const profileName = state.currentProfile.value?.name[lang] ?? state.profile.value;
  // one citation per rule (a multi-part clause is cited once)
  const rules = (profile?.rules ?? []).filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i);
  const when = (snap?.at ?? clock()).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  return (
    <article class="print-sheet" data-testid="print-sheet" data-paper={print.paper.value} data-ready={String(print.ready.value)}>
      <header class="print-head">
        <h1>
          {project.area.name} · {name(active)}
        </h1>
        <p>
          {tr('present.print.profile', { profile: profileName })} · {tr('present.print.when', { when })}
        </p>
      </header>
      <div class="print-top">
        <figure class="print-map">
          {snap ? <img src={snap.image} alt={tr('ui.map')} /> : <div class="print-nomap">{tr('present.print.noMap')}</div>}
          <div class="north" role="img" aria-label={tr('present.print.north')}>
            <svg viewBox="0 0 20 30" width="28" height="42" aria-hidden="true" style={{ transform: `rotate(${-(snap?.bearing ?? 0)}deg)` }}>
              <polygon points="10,0 18,24 10,19 2,24" fill="#111" />
            </svg>
            <span>{lang === 'zh' ? '北' : 'N'}</span>
          </div>
          {snap && snap.scaleShare > 0 && (
            <div class="print-scale" style={{ width: `${(snap.scaleShare * 100).toFixed(2)}%` }}>
              {snap.scaleLabel}
            </div>
          )}
          {snap?.attribution && <figcaption class="print-attrib">{snap.attribution}</figcaption>}
        </figure>
        <div class="print-side">
          <Legend testid="print-legend" />
        </div>
      </div>
      <section class="print-kpis" data-testid="print-kpis" data-mode={active === BASELINE_ID ? 'gaps' : 'compare'}>
        {active === BASELINE_ID ? (
          // the baseline compared with itself is all ±0: print its own figures and gaps instead
          <>
            <h2>{tr('present.print.gaps', { a: tr('present.baseline') })}</h2>
            <BaselineGaps result={fresh} testid="print-gaps" as="table" />
            <p class="note no-print">{tr('present.print.chooseScenario')}</p>
          </>
        ) : (
          <h2>{tr('present.print.kpis', { a: tr('present.baseline'), b: name(active) })}</h2>
        )}
        {active === BASELINE_ID ? null : rows.length > 0 ? (
          <table>
            <thead>
              <tr>
                <th />
                <th>{tr('present.baseline')}</th>
                <th>{name(active)}</th>
                <th>{tr('present.print.delta')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} class={`kpi-${r.verdict}`}>
                  <td>{label(r)}</td>
                  <td>{kpiValue(r.a, r.unit, lang)}</td>
                  <td>{kpiValue(r.b, r.unit, lang)}</td>
                  <td>{kpiDelta(r, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{tr('present.compare.busy')}</p>
        )}
        {fresh && fresh.comparison.changed.length > 0 && (
          <p class="print-changed">
            {tr('present.compare.changed', { n: fresh.comparison.changed.length })}：
            {fresh.comparison.changed
              .slice(0, MAX_CHANGED)
              .map(
                (x) =>
                  `${x.name ?? x.id}（${x.from === x.to ? tr('present.print.rulesMoved', { n: x.rules.length }) : `${tr(`ui.status.${x.from === 'absent' ? 'none' : x.from}`)}→${tr(`ui.status.${x.to === 'absent' ? 'none' : x.to}`)}`}）`,
              )
              .join('；')}
            {fresh.comparison.changed.length > MAX_CHANGED ? ' …' : ''}
          </p>
        )}
      </section>
      <section class="print-sources">
        <h2>{tr('present.print.sources')}</h2>
        {state.projectFile.value === DEMO_FILE ? <DemoProvenance /> : <p>{tr('present.print.file', { file: state.projectFile.value ?? '—' })}</p>}
        {provenance(project.other).map((x) => (
          <p key={x.layer} data-layer={x.layer}>
            <strong>{tr(`present.print.layer.${x.layer}`)}</strong>（{tr(x.simulated ? 'present.print.simulated' : 'present.print.real')}）
          </p>
        ))}
        {snap?.attribution && <p>{tr('present.print.basemap', { attribution: snap.attribution })}</p>}
        {project.credits.length > 0 && (
          <p data-testid="print-credits">
            {tr('ui.credits.data')} {project.credits.join(' · ')}
          </p>
        )}
      </section>
      <section class="print-citations" data-testid="print-citations">
        <h2>{tr('present.print.citations', { profile: profileName })}</h2>
        <ol>
          {rules.map((r) => (
            <li key={r.id} data-rule={r.id}>
              <strong>{r.name[lang]}</strong> — {r.citation.document} {tr('present.clause', { clause: r.citation.clause })}：「{r.citation.text}」
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
