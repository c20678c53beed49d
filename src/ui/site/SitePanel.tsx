// "建设项目审查 / Site check": bring the site (draw it on the map or open its boundary file, pick
// the outline when a file holds several, choose the coordinate system when it is missing or
// wrong), enter the plan's figures, pick a profile or all five side by side, and check it in the
// worker. The verdicts show here; the report page (SiteReport) prints them. Names render as text.
import '../../i18n/site'; // its strings: loaded with this code, not with the page
import type { TargetedEvent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { SHAANXI_PPH, type FigureField } from '../../core/site/figures';
import type { SiteArea } from '../../core/site/geometry';
import { tm } from '../../i18n';
import { useApp, useT } from '../context';
import { FileInput } from '../FileInput';
import { fmt } from '../format';
import type { Site } from '../../state/site';
import { VerdictTable } from './VerdictTable';
import { SaveAsReview } from '../workspace/WorkspacePanel';
import './site.css';

/** coordinate systems a bureau's site files come in (docs/import-export.md) */
export const SITE_CRS = [
  { code: '', key: 'site.ui.crs.file' },
  { code: 'EPSG:4545', key: 'site.ui.crs.4545' },
  { code: 'EPSG:4524', key: 'site.ui.crs.4524' },
  { code: 'EPSG:4544', key: 'site.ui.crs.4544' },
  { code: 'EPSG:4546', key: 'site.ui.crs.4546' },
  { code: 'EPSG:4490', key: 'site.ui.crs.4490' },
  { code: 'EPSG:4326', key: 'site.ui.crs.4326' },
  { code: 'EPSG:3857', key: 'site.ui.crs.3857' },
] as const;

// 60+ and 0–3 residents are optional: left empty they take the area's shares (said in the report)
const INPUT_FIELDS: FigureField[] = [
  'households',
  'population',
  'personsPerHousehold',
  'year',
  'elderlyFloorArea',
  'elderlyLand',
  'childcarePlaces',
  'childcareFloorArea',
  'elderlyBeds',
  'elderly',
  'infants',
];

/** corners of the outline (the closing point not counted twice) */
function corners(g: SiteArea): number {
  return g.type === 'Polygon' ? g.coordinates[0].length - 1 : g.coordinates.reduce((n, p) => n + p[0].length - 1, 0);
}

function Boundary() {
  const { state, site, map } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const drawing = map.drawing.value;
  const drawingNow = drawing?.active.value === 'polygon';
  const cands = site.candidates.value;
  const draw = async () => {
    const ring = await drawing?.drawPolygon();
    if (ring) site.setDrawn(ring);
  };
  const pick = async (e: TargetedEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    await site.openFile(file.name, await file.arrayBuffer());
    input.value = '';
  };
  const g = site.geometry.value;
  return (
    <fieldset class="site-boundary">
      <legend>{tr('site.ui.boundary')}</legend>
      <div class="site-actions">
        <button type="button" data-testid="site-draw" disabled={!drawing} aria-pressed={drawingNow} onClick={() => (drawingNow ? drawing?.stop() : void draw())}>
          {drawingNow ? tr('site.ui.drawStop') : tr('site.ui.draw')}
        </button>
        <label class="site-file">
          <span>{tr('site.ui.open')}</span>
          <FileInput data-testid="site-file" accept=".geojson,.json,.zip,.kml,.kmz,.dxf,.csv,.xlsx,.xls" onChange={(e) => void pick(e)} />
        </label>
      </div>
      {drawingNow && <p class="note">{tr('site.ui.drawHint')}</p>}
      {g && (
        <p class="note" data-testid="site-outline" data-points={corners(g)}>
          {tr('site.ui.outline', { source: site.source.value === 'drawn' ? tr('site.ui.drawn') : site.source.value, points: corners(g) })}
        </p>
      )}
      {cands.length > 1 && (
        <label class="field">
          <span>{tr('site.ui.candidates', { count: cands.length })}</span>
          <select data-testid="site-candidate" value={site.chosen.value} onChange={(e) => site.chooseCandidate(Number(e.currentTarget.value))}>
            {cands.map((c, i) => (
              <option key={i} value={i}>
                {tr('site.ui.candidate', { layer: c.layer, n: c.number, area: fmt(Math.round(c.areaM2), lang), label: c.label ?? '' })}
              </option>
            ))}
          </select>
        </label>
      )}
      {(site.crsProblem.value || site.crs.value !== '') && site.file.value && (
        <label class="field">
          <span>{tr('site.ui.crs')}</span>
          <select data-testid="site-crs" value={site.crs.value} onChange={(e) => void site.rereadWithCrs(e.currentTarget.value)}>
            {SITE_CRS.map((c) => (
              <option key={c.code} value={c.code}>
                {tr(c.key)}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}

function Figures() {
  const { state, site } = useApp();
  const tr = useT();
  const f = site.figures.value;
  const set = (k: FigureField, v: string) => (site.figures.value = { ...site.figures.value, [k]: v });
  const profiles = state.profiles.value;
  const lang = state.lang.value;
  return (
    <fieldset class="site-figures">
      <legend>{tr('site.ui.figures')}</legend>
      <label class="field wide">
        <span>{tr('site.ui.name')}</span>
        <input type="text" data-testid="site-name" value={site.name.value} onInput={(e) => (site.name.value = e.currentTarget.value)} />
      </label>
      <div class="site-grid">
        {INPUT_FIELDS.map((k) => (
          <label class="field" key={k}>
            <span>{k === 'year' ? tr('site.col.year') : tr('site.ui.withUnit', { label: tr(`site.col.${k}`), unit: tr(`site.ui.unit.${k}`) })}</span>
            <input
              type="text"
              inputMode="decimal"
              data-testid={`site-${k}`}
              placeholder={k === 'personsPerHousehold' ? String(SHAANXI_PPH.value) : ''}
              value={f[k]}
              onInput={(e) => set(k, e.currentTarget.value)}
            />
          </label>
        ))}
      </div>
      {f.population.trim() === '' && (
        <p class="note" data-testid="site-pph-note">
          {tr('site.ui.pphNote', { pph: f.personsPerHousehold.trim() || SHAANXI_PPH.value, source: tr('site.pph.source') })}
        </p>
      )}
      <label class="field wide">
        <span>{tr('site.ui.profile')}</span>
        <select data-testid="site-profile" value={site.profile.value} onChange={(e) => (site.profile.value = e.currentTarget.value)}>
          <option value="">{tr('site.ui.profileCurrent', { name: state.currentProfile.value?.name[lang] ?? state.profile.value })}</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name[lang]}
            </option>
          ))}
          <option value="all">{tr('site.ui.profileAll')}</option>
        </select>
      </label>
    </fieldset>
  );
}

/** the answer in one line, first: does the site meet every requirement, and how many it misses */
function Headline({ check }: { check: NonNullable<Site['result']['value']> }) {
  const tr = useT();
  const fail = check.profiles.reduce((n, p) => n + p.counts.fail, 0);
  const na = check.profiles.reduce((n, p) => n + p.counts.na, 0);
  const pass = check.profiles.reduce((n, p) => n + p.counts.pass, 0);
  return (
    <p class={`site-headline ${fail ? 'fail' : 'pass'}`} data-testid="site-headline" data-fail={fail}>
      {fail ? tr('site.ui.headline.fail', { fail, pass, na }) : tr('site.ui.headline.pass', { pass, na })}
    </p>
  );
}

export function SitePanel() {
  const { state, site } = useApp();
  const tr = useT();
  const panel = useRef<HTMLElement>(null);
  const r = site.result.value;
  // (hooks before the early return)
  useEffect(() => {
    if (r && panel.current) panel.current.scrollTop = 0;
  }, [r]);
  if (!site.open.value) return null;
  const lang = state.lang.value;
  const err = site.error.value;
  const busy = site.status.value === 'checking' || site.status.value === 'reading';
  const check = () => void site.runCheck({ profile: state.profile.value, params: state.params.value, lang, unnamed: tr('site.ui.unnamed') });
  return (
    <aside ref={panel} class="side-panel site-panel" aria-labelledby="site-h" data-testid="site-panel" data-status={site.status.value}>
      <div class="detail-head">
        <h2 id="site-h">{tr('site.ui.title')}</h2>
        <button type="button" class="close" aria-label={tr('site.ui.close')} onClick={() => (site.open.value = false)}>
          ×
        </button>
      </div>
      {r && <Headline check={r} />}
      {r && <VerdictTable check={r} compact />}
      <details class="site-inputs" open={!r || !!err || busy} data-testid="site-inputs">
        <summary>{tr('site.ui.inputs')}</summary>
        <p class="note">{tr('site.ui.intro')}</p>
        <Boundary />
        <Figures />
      </details>
      <div class="site-actions">
        <button type="button" class="primary" data-testid="site-run" disabled={!site.geometry.value || busy || !state.project.value} onClick={check}>
          {site.status.value === 'checking' ? tr('site.ui.checking') : tr('site.ui.run')}
        </button>
        {r && (
          <button type="button" data-testid="site-report-open" onClick={() => (site.reportOpen.value = true)}>
            {tr('site.ui.report')}
          </button>
        )}
      </div>
      {err && (
        <p class="site-error" role="alert" data-testid="site-error" data-key={err.key}>
          {tm(lang, err)}
        </p>
      )}
      <SaveAsReview />
    </aside>
  );
}
