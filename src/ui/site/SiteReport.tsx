// The report page: A4, print-friendly (@media print in site.css), with the site map, the figures
// entered and derived, every requirement with value, threshold, verdict, shortfall and citation,
// the 15-minute circles with spare capacity, the effect on the street and area, the parameters,
// the date and the data sources. Exports the same as JSON and XLSX.
import '../../i18n/site'; // its strings: loaded with this code, not with the page
import { useEffect, useState } from 'preact/hooks';
import type { SiteCheck } from '../../core/site';
import { siteCheckJson } from '../../core/site/records';
import { FIGURE_FIELDS } from '../../core/site/figures';
import { reachMetres, ruleFor } from '../../core/report';
import { formatNumber, reasonText } from '../../i18n/report-rows';
import { DEMO_FILE } from '../../state/app-state';
import { useApp, useT } from '../context';
import { download, safeFileName } from '../export/download';
import { fmt } from '../format';
import { SiteMap } from './SiteMap';
import { effectSide, thresholdWithUnit } from './figures-text';
import { VerdictTable } from './VerdictTable';

/** The map canvas as the user left it (the site they drew is in view), taken when the report opens. */
function useMapImage(open: boolean): string | null {
  const { map } = useApp();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    document.body.classList.add('site-report-open');
    let live = true;
    map.capture
      .current?.(2)
      .then((c) => live && setImage(c.toDataURL('image/png')))
      .catch(() => live && setImage(null));
    return () => {
      live = false;
      document.body.classList.remove('site-report-open');
    };
  }, [open]);
  return image;
}

/** Print, the two exports (`base`: their file name without extension) and close. */
function ReportBar({ r, base, date }: { r: SiteCheck; base: string; date: string }) {
  const { state, site } = useApp();
  const tr = useT();
  const exportXlsx = async () => {
    const bytes = await site.xlsxBytes(state.lang.value, date);
    if (bytes) download(`${base}.xlsx`, new Uint8Array(bytes), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };
  return (
    <div class="site-report-bar no-print">
      <button type="button" data-testid="site-print" onClick={() => window.print()}>
        {tr('site.ui.print')}
      </button>
      <button type="button" data-testid="site-export-json" onClick={() => download(`${base}.json`, JSON.stringify(siteCheckJson(r), null, 1), 'application/json')}>
        {tr('site.ui.exportJson')}
      </button>
      <button type="button" data-testid="site-export-xlsx" onClick={() => void exportXlsx()}>
        {tr('site.ui.exportXlsx')}
      </button>
      <button type="button" data-testid="site-report-close" onClick={() => (site.reportOpen.value = false)}>
        {tr('site.ui.close')}
      </button>
    </div>
  );
}

/** The figures entered and the population derived from them (and how). */
function FiguresTable({ r }: { r: SiteCheck }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const s = r.site;
  const derived = s.derived;
  return (
    <table class="site-table site-figures-table" data-testid="site-report-figures">
      <tbody>
        <tr>
          <th>{tr('site.col.area')}</th>
          <td>{fmt(Math.round(s.areaM2), lang)}</td>
          <th>{tr('site.col.street')}</th>
          <td>{s.street?.name ?? '—'}</td>
        </tr>
        {FIGURE_FIELDS.filter((k) => s.figures[k] !== undefined).map((k) => (
          <tr key={k}>
            <th>{tr(`site.col.${k}`)}</th>
            <td colSpan={3}>{k === 'year' ? String(s.figures[k]) : fmt(s.figures[k], lang)}</td>
          </tr>
        ))}
        <tr>
          <th>{tr('site.col.populationUsed')}</th>
          <td colSpan={3} data-testid="site-population">
            {derived.population.value === undefined ? '—' : fmt(derived.population.value, lang)}（{tr(`site.from.${derived.population.from}`)}
            {derived.population.from === 'households×pph' ? ` ${fmt(s.figures.households, lang)} × ${derived.pph}` : ''}）
          </td>
        </tr>
        {(['elderly', 'infants'] as const).map((k) => (
          <tr key={k}>
            <th>{tr(`site.col.${k}`)}</th>
            <td colSpan={3}>
              {derived[k].value === undefined ? '—' : fmt(derived[k].value, lang)}（{tr(`site.from.${derived[k].from}`)}
              {derived[k].factor !== undefined && derived[k].from === 'areaShare' ? ` ${formatNumber(derived[k].factor ?? null, 'share', lang)}` : ''}）
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The facilities within each circle (or the nearest beyond it) with their spare capacity. */
function ReachTable({ r }: { r: SiteCheck }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  return (
    <table class="site-table" data-testid="site-report-reach">
      <thead>
        <tr>
          <th>{tr('site.col.circle')}</th>
          <th>{tr('site.col.facilityName')}</th>
          <th>{tr('site.col.distance')}</th>
          <th>{tr('site.col.capacity')}</th>
          <th>{tr('site.col.catchmentNeed')}</th>
          <th>{tr('site.col.spare')}</th>
        </tr>
      </thead>
      <tbody>
        {r.reach.flatMap((f) => {
          const list = f.within.length ? f.within : f.nearestBeyond ? [f.nearestBeyond] : [];
          const head = `${tr(`site.circle.${f.circle}`)}（${fmt(Math.round(f.limit), lang)} m，${tr(`site.mode.${f.mode}`)}）`;
          if (list.length === 0)
            return [
              <tr key={f.circle}>
                <td>{head}</td>
                <td colSpan={5}>{tr('site.reach.none')}</td>
              </tr>,
            ];
          return list.map((x) => (
            <tr key={`${f.circle}:${x.id}`} data-within={x.distance <= f.limit}>
              <td>{head}</td>
              <td>
                {x.name}
                {x.distance > f.limit || x.straightLine ? `（${tr('site.reach.beyond')}）` : ''}
                {x.straightLine ? `（${tr('site.reach.straightLine')}）` : ''}
              </td>
              <td>{fmt(reachMetres(x.distance, f.limit), lang)}</td>
              <td>{x.capacity === undefined ? '—' : `${fmt(x.capacity, lang)} ${tr(`site.unit.${x.field === 'places' ? 'places' : 'm2'}`)}`}</td>
              <td>{x.catchmentNeed === undefined ? '—' : fmt(Math.round(x.catchmentNeed * 10) / 10, lang)}</td>
              <td class={x.spare !== undefined && x.spare < 0 ? 'verdict fail' : ''}>{x.spare === undefined ? '—' : fmt(Math.round(x.spare * 10) / 10, lang)}</td>
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}

/** Per profile: what the site changes for its street and the area, before and after. */
function Effects({ r }: { r: SiteCheck }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  return (
    <>
      {r.profiles.map((pr) => (
        <div key={pr.profile}>
          {r.profiles.length > 1 && <h3>{pr.name[lang]}</h3>}
          {pr.effects.length === 0 ? (
            <p class="note">{tr('site.ui.noEffects')}</p>
          ) : (
            <table class="site-table" data-testid="site-report-effects">
              <thead>
                <tr>
                  <th>{tr('site.col.rule')}</th>
                  <th>{tr('site.col.unit')}</th>
                  <th>{tr('site.col.before')}</th>
                  <th>{tr('site.col.after')}</th>
                  <th>{tr('site.col.threshold')}</th>
                </tr>
              </thead>
              <tbody>
                {pr.effects.map((e) => (
                  <tr key={`${e.rule}:${e.part ?? ''}:${e.unit.id}:${e.view ?? ''}`}>
                    <td>{ruleFor(e)?.name[lang] ?? e.rule}</td>
                    <td>{e.level === 'area' ? tr('site.ui.wholeArea') : (e.unit.name ?? e.unit.id)}</td>
                    <td>{effectSide(e.before, e.threshold, e.measure, lang)}</td>
                    <td>
                      {effectSide(e.after, e.threshold, e.measure, lang)}
                      {e.after.status === 'na' && e.after.reason && <div class="note">{reasonText(e.after.reason, lang)}</div>}
                    </td>
                    <td>{thresholdWithUnit(e.threshold, e.measure, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </>
  );
}

/** The parameters, the persons per household, the data and the method the check used. */
function ParamsSources({ r }: { r: SiteCheck }) {
  const { state } = useApp();
  const tr = useT();
  const project = state.project.value;
  const s = r.site;
  const derived = s.derived;
  const p = r.params;
  return (
    <ul>
      <li>
        {tr('site.ui.paramLine', {
          minutes: p.circleMinutes,
          speed: p.walkSpeed,
          detour: p.detourFactor,
          reach: tr(`site.mode.${r.reach[0]?.mode ?? 'straight'}`),
          year: p.year,
        })}
      </li>
      <li>{tr('site.ui.pphLine', { pph: derived.pph, note: derived.pphIsDefault ? tr('site.pph.default') : tr('site.from.given'), source: tr('site.pph.source') })}</li>
      <li>
        {tr('site.ui.dataLine', {
          area: project?.area.name ?? '',
          // the demo's file is a path inside the app's sources, not a file the reader has
          file: state.projectFile.value === DEMO_FILE ? tr('site.ui.demoFile') : (state.projectFile.value ?? ''),
          source: s.source === 'drawn' ? tr('site.ui.drawn') : (s.source ?? ''),
        })}
      </li>
      <li>{tr('site.ui.method')}</li>
    </ul>
  );
}

export function SiteReport() {
  const { state, site, clock } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const open = site.reportOpen.value;
  const r = site.result.value;
  const image = useMapImage(open);
  if (!open || !r) return null;
  const s = r.site;
  const date = r.date ?? clock().toISOString().slice(0, 10);
  const base = safeFileName(`${tr('site.x.title')}-${s.name}-${date}`);
  const project = state.project.value;
  const facilities = state.layers.value?.facilities ?? project?.facilities ?? [];
  const geometry = site.geometry.value;
  return (
    <div class="site-report" role="dialog" aria-modal="true" aria-labelledby="site-report-h" data-testid="site-report">
      <ReportBar r={r} base={base} date={date} />
      <article class="site-sheet">
        <header>
          <h1 id="site-report-h">
            {tr('site.x.title')}：{s.name}
          </h1>
          <p class="note">{tr('site.ui.reportSub', { area: project?.area.name ?? '', date, profiles: r.profiles.map((x) => x.name[lang]).join('、') })}</p>
        </header>
        <section class="site-maps">
          {image && <img src={image} alt={tr('site.ui.mapImage')} class="site-map-image" data-testid="site-map-image" />}
          {geometry && <SiteMap geometry={geometry} reach={r.reach} facilities={facilities} />}
        </section>
        <section>
          <h2>{tr('site.ui.figures')}</h2>
          <FiguresTable r={r} />
        </section>
        <section>
          <h2>{tr('site.ui.requirements')}</h2>
          <VerdictTable check={r} />
        </section>
        <section>
          <h2>{tr('site.ui.reach')}</h2>
          <ReachTable r={r} />
          <p class="note">{tr('site.spare.method')}</p>
        </section>
        <section>
          <h2>{tr('site.ui.effects')}</h2>
          <Effects r={r} />
        </section>
        <section class="site-params">
          <h2>{tr('site.ui.paramsSources')}</h2>
          <ParamsSources r={r} />
        </section>
      </article>
    </div>
  );
}
