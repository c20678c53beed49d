// "Where should the next centres go?": the form (kind, goal, cohort, number of sites, capacity,
// budget, candidate sites), progress while the worker computes, then the ranked sites with each
// one's marginal gain and the running totals, the quality bound in words, the cumulative curves,
// and one click to turn the selection into a scenario. All names render as text.
import '../../i18n/suggest'; // its strings: loaded with this code, not with the page
import type { RefObject, TargetedEvent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { areaM2 } from '../../core/geo';
import { CHILDCARE_KINDS, type FacilityKind } from '../../core/model';
import { COHORTS, GOALS, type Cohort, type Goal, type SuggestResult } from '../../core/suggest/types';
import { tm } from '../../i18n';
import { GRID_SPACING, MAX_SITES, qualityNote, SUGGEST_KINDS } from '../../state/suggest';
import { useApp, useT } from '../context';
import { FileInput } from '../FileInput';
import { fmt } from '../format';
import { CurveChart } from './CurveChart';
import './suggest.css';

/** a number input's value, or null when empty */
const optionalNumber = (e: TargetedEvent<HTMLInputElement>): number | null => (e.currentTarget.value.trim() === '' ? null : e.currentTarget.valueAsNumber);

function capacityUnitKey(kind: FacilityKind, goal: Goal): string {
  if (CHILDCARE_KINDS.includes(kind)) return 'suggest.unit.places';
  return goal === 'shortfall' ? 'suggest.unit.m2' : 'suggest.unit.beds';
}

/** Kind, goal and (for coverage) the cohort served. */
function KindGoal() {
  const { state, actions } = useApp();
  const tr = useT();
  const f = state.suggest.form.value;
  const a = actions.suggest;
  return (
    <>
      <label class="field">
        <span>{tr('suggest.ui.kind')}</span>
        <select data-testid="suggest-kind" value={f.kind} onChange={(e) => a.setForm({ kind: e.currentTarget.value as FacilityKind })}>
          {SUGGEST_KINDS.map((k) => (
            <option key={k} value={k}>
              {tr(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{tr('suggest.ui.goal')}</span>
        <select data-testid="suggest-goal" value={f.goal} onChange={(e) => a.setForm({ goal: e.currentTarget.value as Goal })}>
          {GOALS.map((x) => (
            <option key={x} value={x}>
              {tr(`suggest.goal.${x}`)}
            </option>
          ))}
        </select>
      </label>
      {f.goal === 'coverage' && (
        <label class="field">
          <span>{tr('suggest.ui.cohort')}</span>
          <select data-testid="suggest-cohort" value={f.cohort} onChange={(e) => a.setForm({ cohort: e.currentTarget.value as Cohort | 'auto' })}>
            {(['auto', ...COHORTS] as const).map((c) => (
              <option key={c} value={c}>
                {tr(`suggest.cohort.${c}`)}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

/** How many sites, each one's capacity, and the budget of them all. */
function Amounts() {
  const { state, actions } = useApp();
  const tr = useT();
  const f = state.suggest.form.value;
  const a = actions.suggest;
  return (
    <div class="row3">
      <label class="field">
        <span>{tr('suggest.ui.sites')}</span>
        <input type="number" data-testid="suggest-sites" min={1} max={MAX_SITES} step={1} value={f.sites} onChange={(e) => a.setForm({ sites: e.currentTarget.valueAsNumber })} />
      </label>
      <label class="field">
        <span>
          {tr('suggest.ui.capacity')} ({tr(capacityUnitKey(f.kind, f.goal))})
        </span>
        <input
          type="number"
          data-testid="suggest-capacity"
          min={1}
          step={1}
          placeholder={tr('suggest.ui.noLimit')}
          value={f.capacity ?? ''}
          onChange={(e) => a.setForm({ capacity: optionalNumber(e) })}
        />
      </label>
      <label class="field">
        <span>{tr('suggest.ui.budget')}</span>
        <input
          type="number"
          data-testid="suggest-budget"
          min={0}
          step={10000}
          placeholder={tr('suggest.ui.noLimit')}
          value={f.budget ?? ''}
          onChange={(e) => a.setForm({ budget: optionalNumber(e) })}
        />
      </label>
    </div>
  );
}

/** Where the grid is laid: the whole area or a drawn one (drawn on the main map). */
function GridArea() {
  const { state, actions, map } = useApp();
  const tr = useT();
  const g = state.suggest;
  const f = g.form.value;
  const a = actions.suggest;
  const drawing = map.drawing.value;
  const drawArea = async () => {
    const ring = await drawing?.drawPolygon();
    if (ring) a.setDrawnArea({ type: 'Polygon', coordinates: [ring] });
  };
  return (
    <div class="sub">
      <label>
        <input type="radio" name="grid-area" data-testid="suggest-grid-whole" checked={!f.gridInDrawn} onChange={() => a.setForm({ gridInDrawn: false })} />
        {tr('suggest.ui.grid.whole')}
      </label>
      <label>
        <input
          type="radio"
          name="grid-area"
          data-testid="suggest-grid-drawn"
          checked={f.gridInDrawn}
          disabled={!g.drawnArea.value}
          onChange={() => a.setForm({ gridInDrawn: true })}
        />
        {tr('suggest.ui.grid.drawn')}
      </label>
      <button type="button" data-testid="suggest-draw" disabled={!drawing} onClick={() => void drawArea()}>
        {tr(g.drawnArea.value ? 'suggest.ui.redraw' : 'suggest.ui.draw')}
      </button>
      {g.drawnArea.value && (
        <button type="button" class="link" onClick={() => a.setDrawnArea(null)}>
          {tr('suggest.ui.clearArea')}
        </button>
      )}
      {drawing?.active.value === 'polygon' && (
        <p class="hint">
          {tr('suggest.ui.drawHint')}{' '}
          <button type="button" class="link" onClick={() => drawing.stop()}>
            {tr('suggest.ui.stopDrawing')}
          </button>
        </p>
      )}
    </div>
  );
}

/** The candidate sites: communities, a grid (with how many points it gives), parcels from a file. */
function Candidates() {
  const { state, actions } = useApp();
  const tr = useT();
  const g = state.suggest;
  const f = g.form.value;
  const a = actions.suggest;
  const parcels = g.parcels.value;

  // about how many grid points the spacing gives (area ÷ spacing²): a small spacing over a whole
  // district means tens of thousands of candidates and seconds of work
  const gridArea = f.gridInDrawn ? g.drawnArea.value : null;
  const streets = state.layers.value?.streets ?? [];
  const m2 = gridArea ? areaM2(gridArea) : streets.reduce((sum, st) => sum + areaM2(st.geometry), 0);
  const gridEstimate = f.grid && f.gridSpacing > 0 && m2 > 0 ? Math.round(m2 / (f.gridSpacing * f.gridSpacing)) : null;

  const pickParcels = async (e: TargetedEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    await a.loadParcels(file.name, await file.arrayBuffer());
    input.value = '';
  };
  return (
    <fieldset class="candidates">
      <legend>{tr('suggest.ui.candidates')}</legend>
      <label>
        <input type="checkbox" data-testid="suggest-cand-communities" checked={f.communities} onChange={(e) => a.setForm({ communities: e.currentTarget.checked })} />
        {tr('suggest.ui.cand.communities')}
      </label>
      <label>
        <input type="checkbox" data-testid="suggest-cand-grid" checked={f.grid} onChange={(e) => a.setForm({ grid: e.currentTarget.checked })} />
        {tr('suggest.ui.cand.grid')}
        <input
          type="number"
          class="spacing"
          data-testid="suggest-spacing"
          aria-label={tr('suggest.ui.spacing')}
          min={GRID_SPACING.min}
          max={GRID_SPACING.max}
          step={50}
          value={f.gridSpacing}
          onChange={(e) => a.setForm({ gridSpacing: e.currentTarget.valueAsNumber })}
        />
        {tr('suggest.ui.metres')}
      </label>
      {f.grid && gridEstimate !== null && (
        <p class="sub hint-count" data-testid="suggest-grid-estimate" data-n={gridEstimate}>
          {tr('suggest.ui.gridEstimate', { n: fmt(gridEstimate, state.lang.value) })}
        </p>
      )}
      {f.grid && <GridArea />}
      <label>
        <input type="checkbox" data-testid="suggest-cand-parcels" checked={f.parcels} disabled={!parcels} onChange={(e) => a.setForm({ parcels: e.currentTarget.checked })} />
        {parcels ? tr('suggest.ui.cand.parcelsLoaded', { file: parcels.file, n: parcels.parcels.length }) : tr('suggest.ui.cand.parcels')}
      </label>
      <label class="file sub">
        <span>{tr('suggest.ui.parcelsFile')}</span>
        <FileInput data-testid="suggest-parcels-file" accept=".geojson,.json,.csv,.xlsx,.kml,.kmz,.zip,.shp" onChange={(e) => void pickParcels(e)} />
      </label>
    </fieldset>
  );
}

/** Run, cancel while running, and the progress. */
function RunBar() {
  const { state, actions } = useApp();
  const tr = useT();
  const g = state.suggest;
  const a = actions.suggest;
  const running = g.status.value === 'running';
  return (
    <div class="actions">
      {/* the run button stays (disabled while running) and cancel is a separate element: if one
          <button> were re-used for both, a click on cancel would turn it into the submit button
          before the click's default action and start a new run */}
      <button type="submit" class="primary" data-testid="suggest-run" disabled={running}>
        {tr('suggest.ui.run')}
      </button>
      {running && (
        <button type="button" key="cancel" data-testid="suggest-cancel" onClick={() => a.cancel()}>
          {tr('suggest.ui.cancel')}
        </button>
      )}
      {running && g.progress.value && (
        <span class="progress" role="status">
          <progress max={1} value={g.progress.value.fraction} />
          {tr(`suggest.step.${g.progress.value.step}`)}
        </span>
      )}
    </div>
  );
}

function Form() {
  const { actions } = useApp();
  return (
    <form
      class="suggest-form"
      data-testid="suggest-form"
      onSubmit={(e) => {
        e.preventDefault();
        void actions.suggest.run();
      }}
    >
      <KindGoal />
      <Amounts />
      <Candidates />
      <RunBar />
    </form>
  );
}

/** The answer in words: what was found, against what, how good it is (the quality bound). */
function Summary({ r, outdated }: { r: SuggestResult; outdated: boolean }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const g = state.suggest;
  const unit = tr(`suggest.unit.${r.unit}`);
  const n = (v: number | null) => fmt(v === null ? null : Math.round(v * 10) / 10, lang);
  return (
    <>
      <h3 id="suggest-result-h">{tr('suggest.ui.result', { n: r.sites.length, kind: tr(`kind.${r.kind}`) })}</h3>
      <p class="note">
        {tr('suggest.ui.summary', {
          candidates: fmt(r.counts.candidates, lang),
          existing: n(r.servedByExisting),
          open: n(r.open),
          unit,
          metres: Math.round(r.distance),
          reach: tr(`ui.reach.${r.reachMode}`),
        })}
      </p>
      {g.reachNote.value && <p class="note">{tr(g.reachNote.value)}</p>}
      {outdated && (
        <p class="note outdated" data-testid="suggest-outdated">
          {tr('suggest.ui.outdated')}
        </p>
      )}
      {r.ratio && (
        <p class="note" data-testid="suggest-ratio">
          {tr(r.ratio.reached ? 'suggest.ui.ratioReached' : 'suggest.ui.ratioNotReached', {
            perThousand: r.ratio.perThousand,
            needed: fmt(r.ratio.needed, lang),
            added: fmt(r.ratio.added, lang),
          })}
        </p>
      )}
      <details class="how">
        <summary>{tr('ui.detail.how')}</summary>
        <ul class="quality" data-testid="suggest-quality">
          {qualityNote(r).map((q) => (
            <li key={q.key}>{tr(q.key, { ...q.args, bound: fmt(Number(q.args.bound ?? 0), lang), unit })}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

/** The ranked sites, each with its marginal gain, the running total, size and cost; a row zooms to its site. */
function SitesTable({ r, rows }: { r: SuggestResult; rows: RefObject<HTMLTableSectionElement | null> }) {
  const { state, actions } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const g = state.suggest;
  const a = actions.suggest;
  const unit = tr(`suggest.unit.${r.unit}`);
  const hasCost = r.sites.some((s) => s.cost !== null);
  const n = (v: number | null) => fmt(v === null ? null : Math.round(v * 10) / 10, lang);
  const nameOf = state.nameOf.value;
  return (
    <table class="suggest-table" data-testid="suggest-rows">
      <caption>{tr('suggest.ui.tableCaption', { unit })}</caption>
      <thead>
        <tr>
          <th class="num">{tr('suggest.col.rank')}</th>
          <th>{tr('suggest.col.site')}</th>
          <th class="num">{tr('suggest.col.gain')}</th>
          <th class="num">{tr('suggest.col.cumulative')}</th>
          {r.sites.some((s) => s.size !== null) && <th class="num">{tr('suggest.col.size')}</th>}
          {hasCost && <th class="num">{tr('suggest.col.cost')}</th>}
        </tr>
      </thead>
      <tbody ref={rows}>
        {r.sites.map((s) => (
          <tr
            key={s.rank}
            data-rank={s.rank}
            data-gain={s.gain}
            data-cumulative={s.cumulative}
            data-cost={s.cost ?? ''}
            class={g.highlighted.value === s.rank ? 'on' : ''}
            onClick={() => a.zoomTo(s.rank)}
            onMouseEnter={() => a.highlight(s.rank)}
          >
            <td class="num">
              <span class="rank">{s.rank}</span>
            </td>
            <td>
              <button
                type="button"
                class="link"
                onClick={(e) => {
                  e.stopPropagation();
                  a.zoomTo(s.rank);
                }}
                title={s.candidate.id}
              >
                {s.candidate.name}
              </button>
              <span class="source">
                {tr(`suggest.source.${s.candidate.source}`)}
                {s.candidate.source !== 'community' &&
                  s.candidate.community &&
                  ` · ${tr('suggest.ui.near', { name: nameOf('community', s.candidate.community) ?? s.candidate.community })}`}
              </span>
            </td>
            <td class="num">{n(s.gain)}</td>
            <td class="num">{n(s.cumulative)}</td>
            {r.sites.some((x) => x.size !== null) && <td class="num">{n(s.size)}</td>}
            {hasCost && <td class="num">{n(s.cumulativeCost)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The cumulative curves: served by number of sites, and by cost when the sites have one. */
function Curves({ r }: { r: SuggestResult }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const unit = tr(`suggest.unit.${r.unit}`);
  const hasCost = r.sites.some((s) => s.cost !== null);
  return (
    <div class="charts">
      <CurveChart
        id="suggest-curve-sites"
        testId="suggest-chart-sites"
        counts
        lang={lang}
        title={tr('suggest.chart.sitesTitle', { unit })}
        xLabel={tr('suggest.chart.sites')}
        yLabel={unit}
        points={r.curve.map((p) => ({ x: p.sites, y: p.served }))}
      />
      {hasCost && (
        <CurveChart
          id="suggest-curve-cost"
          testId="suggest-chart-cost"
          lang={lang}
          title={tr('suggest.chart.costTitle', { unit })}
          xLabel={tr('suggest.chart.cost')}
          yLabel={unit}
          points={r.curve.map((p) => ({ x: p.cost ?? 0, y: p.served }))}
        />
      )}
      {!hasCost && <p class="note">{tr('suggest.ui.noCostCurve')}</p>}
    </div>
  );
}

/** Turn the sites into a scenario, or clear them. */
function ResultActions() {
  const { state, actions } = useApp();
  const tr = useT();
  const a = actions.suggest;
  const made = state.suggest.scenarioMade.value;
  return (
    <div class="actions">
      <button type="button" class="primary" data-testid="suggest-to-scenario" onClick={() => a.toScenario()} disabled={made !== null}>
        {tr('suggest.ui.toScenario')}
      </button>
      <button type="button" data-testid="suggest-clear" onClick={() => a.clear()}>
        {tr('suggest.ui.clear')}
      </button>
      {made && (
        <span class="made" role="status" data-testid="suggest-scenario-made">
          {tr('suggest.ui.scenarioMade', { name: made })}
        </span>
      )}
    </div>
  );
}

/** How long the answer took, in the page and in the worker. */
function Timing() {
  const tr = useT();
  const timing = useApp().state.suggest.timing.value;
  if (!timing) return null;
  return (
    <p class="note timing" data-testid="suggest-timing" data-total-ms={Math.round(timing.totalMs)} data-worker-ms={Math.round(timing.workerMs)}>
      {tr('suggest.ui.timing', {
        total: Math.round(timing.totalMs),
        worker: Math.round(timing.workerMs),
        reach: Math.round(timing.reachMs),
        solve: Math.round(timing.solveMs),
      })}
    </p>
  );
}

function Result({ r }: { r: SuggestResult }) {
  const { state } = useApp();
  const tr = useT();
  const g = state.suggest;
  const made = g.scenarioMade.value;
  const top = useRef<HTMLElement>(null);
  const rows = useRef<HTMLTableSectionElement>(null);
  const on = g.highlighted.value;
  // a marker clicked on the map: show its row
  useEffect(() => {
    if (on !== null) rows.current?.querySelector(`tr[data-rank="${on}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [on]);
  // a new answer lands below the form: bring its heading into view (the panel scrolls, not the page)
  useEffect(() => top.current?.scrollIntoView({ block: 'start' }), [r]);
  const basis = g.basis.value;
  // computed on other layers or parameters than those now open (a scenario made from it is expected)
  const outdated = basis !== null && made === null && (basis.layers !== state.layers.value || basis.params !== state.params.value);
  return (
    <section
      ref={top}
      class="suggest-result"
      aria-labelledby="suggest-result-h"
      data-testid="suggest-result"
      data-goal={r.goal}
      data-unit={r.unit}
      data-candidates={r.counts.candidates}
    >
      <Summary r={r} outdated={outdated} />
      {r.sites.length === 0 ? (
        <p class="note" data-testid="suggest-none">
          {tr('suggest.cli.none')}
        </p>
      ) : (
        <SitesTable r={r} rows={rows} />
      )}
      {r.sites.length > 0 && <Curves r={r} />}
      {r.sites.length > 0 && <ResultActions />}
      <Timing />
    </section>
  );
}

export function SuggestPanel() {
  const { state, actions } = useApp();
  const tr = useT();
  const g = state.suggest;
  if (!g.open.value) return null;
  const r = g.result.value;
  const errors = g.errors.value;
  return (
    <aside class="side-panel suggest-panel" aria-labelledby="suggest-h" data-testid="suggest-panel" data-status={g.status.value}>
      <div class="detail-head">
        <h2 id="suggest-h">{tr('suggest.ui.title')}</h2>
        <button type="button" class="close" aria-label={tr('suggest.ui.close')} onClick={() => actions.suggest.setOpen(false)}>
          ×
        </button>
      </div>
      <p class="note">{tr('suggest.ui.intro')}</p>
      <Form />
      {errors.length > 0 && (
        <ul class="suggest-errors" role="alert" data-testid="suggest-errors">
          {errors.map((m, i) => (
            <li key={i}>{tm(state.lang.value, m)}</li>
          ))}
        </ul>
      )}
      {r && <Result r={r} />}
    </aside>
  );
}
