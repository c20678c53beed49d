// The import wizard: a dialogue over the map that walks through layer → coordinates → column
// mapping → validation report. It only shows and forwards choices; src/state/import-wizard.ts decides.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Msg } from '../../core/model';
import { WIZARD_STEPS } from '../../state/import-wizard';
import { fieldName, type ImportLayerInfo, type LayerKind, mappableFields, NAME_MATCH_METRES, type Problem, problemLocation, type WebCoords } from '../../state/import-view';
import { useApp, useT } from '../context';
import { RestoreButton } from './RestoreButton';
import { useImport } from './context';
import { CRS_PRESETS, crsChoiceOf, GK_ZONES } from './crs-choices';
import { valueChoices, valueNames, wizardText } from './wizard-text';
import './import.css';

const KINDS: LayerKind[] = ['communities', 'facilities', 'streets', 'roads'];
const COORDS: WebCoords[] = ['wgs84', 'gcj02', 'bd09'];
const MAX_PROBLEMS = 300;

export function ImportWizard() {
  const { state: app } = useApp();
  const { state: s, actions: a } = useImport();
  const tr = useT();
  const lang = app.lang.value;
  const step = s.step.value;
  const box = useRef<HTMLDivElement>(null);
  const open = step !== 'idle';
  // keyboard: the dialogue takes the focus when it opens; Escape cancels (nothing is applied)
  useEffect(() => {
    if (!open) return;
    box.current?.focus();
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && s.step.peek() !== 'applying') void a.cancel();
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [open]);
  if (!open) return null;
  const text = (e: Msg | string) => (typeof e === 'string' ? e : wizardText(lang, e));
  const layer = s.layers.value[s.layerIndex.value];
  const activeStep = step === 'checking' ? 'mapping' : step === 'applying' || step === 'done' ? 'report' : step;
  return (
    <div class="import-backdrop">
      <div class="import-wizard" ref={box} tabIndex={-1} role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-wizard" data-step={step}>
        <header class="import-head">
          <h2 id="import-title">{tr('importui.title', { file: s.fileName.value ?? '' })}</h2>
          <ol class="import-steps">
            {WIZARD_STEPS.map((k, i) => (
              <li key={k} class={k === activeStep ? 'current' : ''}>
                {i + 1} {tr(`importui.step.${k}`)}
              </li>
            ))}
          </ol>
        </header>
        <div class="import-body">
          {step === 'reading' && (
            <p data-testid="import-progress">
              <progress max={1} value={s.progress.value} /> {tr('importui.reading', { pct: Math.round(s.progress.value * 100) })}
            </p>
          )}
          {step === 'failed' && (
            <div class="import-error" role="alert" data-testid="import-error">
              <p>
                {tr('importui.failed')}
                {s.error.value ? text(s.error.value) : ''}
              </p>
              <p>{tr('importui.nothingChanged')}</p>
            </div>
          )}
          {step === 'layer' && layer && <LayerStep layer={layer} />}
          {step === 'coords' && <CoordsStep layer={layer} />}
          {(step === 'mapping' || step === 'checking') && layer && <MappingStep layer={layer} />}
          {step === 'checking' && <p class="note">{tr('importui.checking')}</p>}
          {step === 'report' && <ReportStep />}
          {step === 'applying' && <p>{tr('importui.applying')}</p>}
          {step === 'done' && s.done.value && <DoneStep />}
        </div>
        <footer class="import-foot">
          {(step === 'coords' || step === 'mapping' || step === 'report') && (
            <button type="button" data-testid="import-back" onClick={() => a.back()}>
              {tr('importui.back')}
            </button>
          )}
          <span class="spacer" />
          {step !== 'done' && step !== 'applying' && (
            <button type="button" data-testid="import-cancel" onClick={() => void a.cancel()}>
              {step === 'failed' ? tr('importui.close') : tr('importui.cancel')}
            </button>
          )}
          {(step === 'layer' || step === 'coords') && (
            <button type="button" class="primary" data-testid="import-next" disabled={!layer} onClick={() => void a.next()}>
              {tr('importui.next')}
            </button>
          )}
          {step === 'mapping' && (
            <button type="button" class="primary" data-testid="import-check" onClick={() => void a.next()}>
              {tr('importui.check')}
            </button>
          )}
          {step === 'report' && s.report.value && (
            <button type="button" class="primary" data-testid="import-accept" disabled={s.report.value.good === 0} onClick={() => void a.accept()}>
              {s.report.value.good === 0
                ? tr('importui.nothingGood')
                : s.plan.value && s.plan.value.removed.length > 0
                  ? tr('importui.importReplace', { n: s.report.value.good, removed: s.plan.value.removed.length })
                  : tr('importui.importGood', { n: s.report.value.good })}
            </button>
          )}
          {step === 'done' && (
            <button type="button" class="primary" data-testid="import-close" onClick={() => void a.cancel()}>
              {tr('importui.close')}
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}

function LayerStep({ layer }: { layer: ImportLayerInfo }) {
  const { state: app } = useApp();
  const { state: s, actions: a } = useImport();
  const tr = useT();
  const layers = s.layers.value;
  const kind = s.kind.value;
  const p = app.project.value;
  const current = p ? (kind === 'roads' ? p.roadCount : p[kind].length) : 0;
  const types = Object.entries(layer.geometryTypes)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  return (
    <div class="import-step">
      {layers.length > 1 && (
        <label class="row">
          {tr('importui.layer.choose')}
          <select data-testid="import-layer" value={String(s.layerIndex.value)} onChange={(e) => void a.chooseLayer(Number(e.currentTarget.value))}>
            {layers.map((l, i) => (
              <option key={i} value={String(i)}>
                {l.name} ({l.count})
              </option>
            ))}
          </select>
        </label>
      )}
      <p data-testid="import-layer-info">
        <strong>{layer.name}</strong> · {tr('importui.layer.info', { count: layer.count, types: types || '—', columns: layer.columns.length })}
        {layer.withoutGeometry > 0 && ` · ${tr('importui.layer.noGeometry', { n: layer.withoutGeometry })}`}
      </p>
      <label class="row">
        {tr('importui.kind')}
        <select data-testid="import-kind" value={kind} onChange={(e) => void a.setKind(e.currentTarget.value as LayerKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {tr(`io.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <p class="note">{tr('importui.kind.guessed', { kind: tr(`io.kind.${layer.guessedKind}`) })}</p>
      <fieldset>
        <legend>{tr('importui.mode')}</legend>
        <label>
          <input type="radio" name="import-mode" data-testid="import-mode-merge" checked={s.mode.value === 'merge'} onChange={() => a.setMode('merge')} />
          {tr('importui.mode.merge', { kind: tr(`io.kind.${kind}`), n: current, m: NAME_MATCH_METRES })}
        </label>
        <label>
          <input type="radio" name="import-mode" data-testid="import-mode-replace" checked={s.mode.value === 'replace'} onChange={() => a.setMode('replace')} />
          {tr('importui.mode.replace', { kind: tr(`io.kind.${kind}`), n: current })}
        </label>
      </fieldset>
      {layer.notes.length > 0 && (
        <ul class="note import-notes">
          {layer.notes.map((n, i) => (
            <li key={i}>{wizardText(app.lang.value, n)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CoordsStep({ layer }: { layer: ImportLayerInfo | undefined }) {
  const { state: app } = useApp();
  const { state: s, actions: a } = useImport();
  const tr = useT();
  const chosen = crsChoiceOf(s.crs.value);
  const [choice, setChoice] = useState(chosen.choice);
  const [custom, setCustom] = useState(chosen.choice === 'custom' ? s.crs.value : '');
  const shift = layer?.shift;
  const coords = s.coords.value;
  const err = s.error.value;
  // GCJ-02 / BD-09 are offered up front only with evidence: the points fit the map better that
  // way, or the file's or a column's name says so; otherwise they wait behind a fold
  const named = layer?.notes.find((n) => n.key === 'io.note.webCoordsNamed');
  const evidence = coords !== 'wgs84' || (shift && shift.best !== 'wgs84') || !!named;
  const coordChoices = COORDS.map((c) => (
    <label key={c}>
      <input type="radio" name="import-coords" data-testid={`import-coords-${c}`} checked={coords === c} onChange={() => void a.setCoords(c)} />
      {tr(`importui.coords.${c}`)}
    </label>
  ));
  return (
    <div class="import-step">
      {layer && <p data-testid="import-crs-detected">{tr('importui.crs.detected', { code: layer.crs.code, source: tr(`io.report.crsSource.${layer.crs.source}`) })}</p>}
      <label class="row">
        {tr('importui.crs')}
        <select
          data-testid="import-crs"
          value={choice}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setChoice(v);
            const preset = CRS_PRESETS.find((p) => p.choice === v);
            if (preset && preset.code !== undefined) void a.setCrs(preset.code);
          }}
        >
          {CRS_PRESETS.map((p) => (
            <option key={p.choice} value={p.choice}>
              {tr(p.label)}
            </option>
          ))}
        </select>
      </label>
      {choice === 'gk' && (
        <label class="row">
          EPSG
          <select data-testid="import-crs-zone" value={chosen.choice === 'gk' ? s.crs.value : ''} onChange={(e) => void a.setCrs(e.currentTarget.value)}>
            <option value="" disabled>
              —
            </option>
            {GK_ZONES.map((z) => (
              <option key={z.code} value={z.code}>
                {tr('importui.crs.zoneName', {
                  zone: z.zone,
                  cm: z.cm,
                  code: z.code,
                  prefix: z.prefixed ? tr('importui.crs.withPrefix', { zone: z.zone }) : tr('importui.crs.withoutPrefix'),
                })}
              </option>
            ))}
          </select>
        </label>
      )}
      {choice === 'custom' && (
        <div class="row">
          <input
            type="text"
            data-testid="import-crs-custom"
            placeholder="+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m"
            value={custom}
            onInput={(e) => setCustom(e.currentTarget.value)}
          />
          <button type="button" data-testid="import-crs-apply" disabled={!custom.trim()} onClick={() => void a.setCrs(custom)}>
            {tr('importui.crs.apply')}
          </button>
        </div>
      )}
      {err && (
        <div class="import-error" role="alert" data-testid="import-error">
          <p>{typeof err === 'string' ? err : wizardText(app.lang.value, err)}</p>
          {typeof err !== 'string' && err.key === 'io.err.swappedColumns' && (
            <button type="button" class="primary" data-testid="import-swap" onClick={() => void a.swapColumns(String(err.args?.y), String(err.args?.x))}>
              {tr('importui.swap', { x: String(err.args?.x), y: String(err.args?.y) })}
            </button>
          )}
        </div>
      )}
      {evidence ? (
        <fieldset>
          <legend>{tr('importui.coords')}</legend>
          {named && <p class="note">{tr('importui.coords.evidenceName', { note: wizardText(app.lang.value, named) })}</p>}
          {coordChoices}
          <p class="note">{tr('importui.coords.note')}</p>
        </fieldset>
      ) : (
        <details class="import-coords-other" data-testid="import-coords-other">
          <summary>{tr('importui.coords.other')}</summary>
          {shift && <p class="note">{tr('importui.coords.evidenceNone', { m: Math.round(shift.medianMetres.wgs84) })}</p>}
          {coordChoices}
          <p class="note">{tr('importui.coords.note')}</p>
        </details>
      )}
      {shift && evidence && (
        <div class="import-shift" data-testid="import-shift" data-best={shift.best}>
          <p class="note">
            {tr('importui.shift.measured', { wgs84: Math.round(shift.medianMetres.wgs84), gcj02: Math.round(shift.medianMetres.gcj02), bd09: Math.round(shift.medianMetres.bd09) })}
          </p>
          {shift.best !== 'wgs84' && coords === 'wgs84' && (
            <p class="import-hint">
              {tr('importui.shift.looksShifted', { m: Math.round(shift.medianMetres.wgs84), best: tr(`importui.coords.${shift.best}`) })}{' '}
              <button type="button" data-testid="import-shift-use" onClick={() => void a.setCoords(shift.best)}>
                {tr('importui.shift.use', { best: shift.best === 'bd09' ? 'BD-09' : 'GCJ-02' })}
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function MappingStep({ layer }: { layer: ImportLayerInfo }) {
  const { state: app } = useApp();
  const { state: s, actions: a } = useImport();
  const tr = useT();
  const lang = app.lang.value;
  const mapping = s.mapping.value;
  const first = layer.sample[0]?.properties ?? {};
  const used = new Set(Object.values(mapping));
  const unmapped = layer.columns.filter((c) => !used.has(c));
  const busy = s.step.value === 'checking';
  // a few model fields have no name in the importers' catalogue yet
  const label = (f: string) => (tr(`importui.field.${f}`) !== `importui.field.${f}` ? tr(`importui.field.${f}`) : fieldName(f, lang));
  return (
    <div class="import-step">
      <p class="note" data-testid="import-mapping-source" data-remembered={String(s.remembered.value)}>
        {s.remembered.value ? tr('importui.mapping.remembered') : tr('importui.mapping.guessed')}
      </p>
      <table class="import-mapping" data-testid="import-mapping">
        <thead>
          <tr>
            <th>{tr('importui.mapping.field')}</th>
            <th>{tr('importui.mapping.column')}</th>
            <th>{tr('importui.mapping.sample')}</th>
          </tr>
        </thead>
        <tbody>
          {mappableFields(s.kind.value).map((f) => (
            <tr key={f} data-field={f}>
              <td>{label(f)}</td>
              <td>
                <select data-testid={`map-${f}`} disabled={busy} value={mapping[f] ?? ''} onChange={(e) => a.setField(f, e.currentTarget.value)}>
                  <option value="">{tr('importui.mapping.none')}</option>
                  {layer.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </td>
              {mapping[f] !== undefined ? (
                <td class="sample">{String(first[mapping[f]] ?? '')}</td>
              ) : (
                <td>
                  <Constant field={f} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {unmapped.length > 0 && <p class="note">{tr('importui.mapping.unmapped', { columns: unmapped.join('、') })}</p>}
      <p class="note">{tr('importui.constant.note')}</p>
    </div>
  );
}

/** one value for every row of a field the file has no column for ("all rows are 托育机构") */
function Constant({ field }: { field: string }) {
  const { state: app } = useApp();
  const { state: s, actions: a } = useImport();
  const tr = useT();
  const choices = valueChoices(s.kind.value, field, app.lang.value);
  if (!choices) return null;
  return (
    <label class="import-constant">
      {tr('importui.constant')}{' '}
      <select
        data-testid={`constant-${field}`}
        value={s.defaults.value[field] ?? ''}
        disabled={s.step.value === 'checking'}
        onChange={(e) => a.setDefault(field, e.currentTarget.value)}
      >
        <option value="">{tr('importui.constant.none')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function problemText(p: Problem, lang: 'zh' | 'en', kind: LayerKind): string {
  const args = { ...(p.msg.args ?? {}) };
  // accepted values by name (养老机构、托育机构 …), not the model's codes
  const names = p.field ? valueNames(kind, p.field, lang) : null;
  if (names && 'expected' in args) args.expected = names;
  if (typeof args.field === 'string') args.field = fieldName(args.field, lang);
  return wizardText(lang, { key: p.msg.key, args });
}

function ReportStep() {
  const { state: app } = useApp();
  const { state: s } = useImport();
  const tr = useT();
  const lang = app.lang.value;
  const r = s.report.value;
  if (!r) return null;
  const shown = r.problems.slice(0, MAX_PROBLEMS);
  return (
    <div class="import-step" data-testid="import-report" data-total={r.total} data-good={r.good} data-errors={r.withErrors}>
      <p class="import-counts">{tr('importui.report.counts', { total: r.total, good: r.good, errors: r.withErrors, warnings: r.withWarnings })}</p>
      <p class="note">
        {tr('importui.report.crs', {
          crs: r.crs.code,
          source: tr(`io.report.crsSource.${r.crs.source}`),
          coords: tr(`importui.coords.${r.coords}`),
          encoding: r.encoding?.name ?? '—',
        })}
      </p>
      {(r.notes ?? []).map((n, i) => (
        <p class="note" key={i}>
          {wizardText(lang, n)}
        </p>
      ))}
      <PlanBox />
      {r.problems.length === 0 ? (
        <p>{tr('importui.report.none')}</p>
      ) : (
        <div class="import-problems">
          <table data-testid="import-problems">
            <thead>
              <tr>
                <th>{tr('importui.report.where')}</th>
                <th>{tr('importui.report.id')}</th>
                <th>{tr('importui.report.column')}</th>
                <th>{tr('importui.report.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p, i) => (
                <tr key={i} class={p.severity} data-number={p.number} data-code={p.code} data-id={p.id ?? ''}>
                  <td class="num">{problemLocation(p, lang)}</td>
                  <td>{p.id ?? ''}</td>
                  <td>{p.column ?? ''}</td>
                  <td>
                    <span class={`sev ${p.severity}`}>{tr(p.severity === 'error' ? 'io.report.error' : 'io.report.warning')}</span> {problemText(p, lang, s.kind.value)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.problems.length > shown.length && <p class="note">{tr('importui.report.more', { n: r.problems.length - shown.length })}</p>}
        </div>
      )}
      {r.withErrors > 0 && r.good > 0 && <p class="note">{tr('importui.report.errorRowsSkipped', { n: r.withErrors })}</p>}
    </div>
  );
}

const MAX_REMOVED = 200;

/** what accepting changes, before the user accepts: counts, and every record it would remove */
function PlanBox() {
  const { state: s } = useImport();
  const tr = useT();
  const plan = s.plan.value;
  const r = s.report.value;
  if (!plan || !r || r.good === 0) return null;
  const kind = tr(`io.kind.${s.kind.value}`);
  const removed = plan.removed;
  return (
    <div
      class={`import-plan${removed.length ? ' removes' : ''}`}
      data-testid="import-plan"
      data-added={plan.added}
      data-updated={plan.updated}
      data-unchanged={plan.unchanged}
      data-removed={removed.length}
    >
      <h3>{tr('importui.plan.title')}</h3>
      <p>
        <strong>
          {tr('importui.plan.counts', {
            kind,
            added: plan.added,
            updated: plan.updated,
            unchanged: plan.unchanged,
            removed: removed.length,
            before: plan.before,
            after: plan.after,
          })}
        </strong>
      </p>
      {plan.matchedByName > 0 && <p class="note">{tr('importui.plan.byName', { n: plan.matchedByName })}</p>}
      {removed.length === 0 ? (
        <p class="note">{tr('importui.plan.keepAll')}</p>
      ) : (
        <details open={removed.length <= 20} data-testid="import-plan-removed">
          <summary>{tr('importui.plan.removedList', { n: removed.length })}</summary>
          <ul>
            {removed.slice(0, MAX_REMOVED).map((x) => (
              <li key={x.id} data-id={x.id}>
                {x.name ? `${x.name}（${x.id}）` : x.id}
              </li>
            ))}
          </ul>
          {removed.length > MAX_REMOVED && <p class="note">{tr('importui.plan.removedMore', { n: removed.length - MAX_REMOVED })}</p>}
        </details>
      )}
      <p class="note">{tr('importui.plan.undo')}</p>
    </div>
  );
}

function DoneStep() {
  const { state: s } = useImport();
  const tr = useT();
  const d = s.done.value;
  if (!d) return null;
  return (
    <div data-testid="import-done">
      <p>{tr('importui.doneMerge', { kind: tr(`io.kind.${d.kind}`), added: d.plan.added, updated: d.plan.updated, removed: d.plan.removed.length })}</p>
      <RestoreButton />
    </div>
  );
}
