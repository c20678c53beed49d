// Export menu: results tables as CSV (UTF-8 with BOM, one per level) or one XLSX, gaps as
// GeoJSON, and the map as a print-resolution PNG with its legend. Files are built in the worker
// (SheetJS stays out of the page) and downloaded through a Blob.
import { useState } from 'preact/hooks';
import type { Level } from '../../core/model';
import { KIND_STYLES, OUTSIDE_COLOUR, VERDICT_COLOURS, CIRCLE_COLOURS } from '../../map/theme';
import { useApp, useT } from '../context';
import { ruleName } from '../format';
import { useImport } from '../import/context';
import { download, safeFileName } from './download';
import type { LegendItem } from './png';
import { errorMessage } from '../../core/errors';

/** the order resultTables returns them in (src/io/export/results.ts RESULT_LEVELS) */
const LEVELS: Level[] = ['area', 'street', 'community', 'facility'];
/** print resolution: 3× the screen's CSS pixels, but no wider than 4096 px (WebGL limits) */
const MAX_WIDTH = 4096;

export function ExportMenu() {
  const { state, map: mapPorts, clock } = useApp();
  const { importer } = useImport();
  const tr = useT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const lang = state.lang.value;
  const analysis = state.shown.value;
  const area = state.project.value?.area.name ?? 'export';
  const profileName = state.currentProfile.value?.name[lang];

  async function run(what: () => Promise<string[]>): Promise<void> {
    setBusy(true);
    setMessage(null);
    try {
      const files = await what();
      setMessage({ text: tr('importui.export.done', { files: files.join('、') }), error: false });
    } catch (e) {
      setMessage({ text: tr('importui.export.failed', { detail: errorMessage(e) }), error: true });
    } finally {
      setBusy(false);
    }
  }

  const request = () => {
    if (!analysis) throw new Error(tr('importui.export.noResults'));
    const ev = analysis.evaluation;
    return { evaluation: { results: ev.results, coverage: ev.coverage, profile: ev.profile, params: ev.params }, lang, profileName };
  };

  const csv = (level: Level) =>
    run(async () => {
      const files = await importer.exportResults('csv', request());
      const f = files[LEVELS.indexOf(level)];
      const name = safeFileName(`${area}-${f.name}`);
      download(name, f.bytes as Uint8Array<ArrayBuffer>, 'text/csv;charset=utf-8');
      return [name];
    });

  const xlsx = () =>
    run(async () => {
      const [f] = await importer.exportResults('xlsx', request());
      const name = safeFileName(`${area}-${tr('importui.export.resultsFile')}.xlsx`);
      download(name, f.bytes as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return [name];
    });

  const gaps = () =>
    run(async () => {
      // the worker holds the areas shown (the page has their id, not their outlines)
      const text = await importer.exportGaps(request(), state.areas.value?.id ?? null);
      const name = safeFileName(`${area}-gaps.geojson`);
      download(name, text, 'application/geo+json');
      return [name];
    });

  const png = () =>
    run(async () => {
      const capture = mapPorts.capture.current;
      if (!capture) throw new Error('the map is not ready');
      const host = document.querySelector<HTMLElement>('[data-testid=map]');
      const cssWidth = host?.clientWidth || 1000;
      const ratio = Math.max(2, Math.min(3, MAX_WIDTH / cssWidth));
      // the scale bar and attribution as MapLibre shows them, so the printed scale matches
      const scaleEl = host?.querySelector<HTMLElement>('.maplibregl-ctrl-scale');
      const scale = scaleEl ? { share: scaleEl.offsetWidth / cssWidth, label: scaleEl.textContent?.trim() ?? '' } : null;
      // the base map's attribution and the data's own credits (OpenStreetMap's ODbL) as shown on screen
      const attribution = [host?.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim(), document.querySelector('[data-testid=data-credits]')?.textContent?.trim()]
        .filter(Boolean)
        .join(' · ');
      const map = await capture(ratio);
      const rule = state.rule.value;
      const legend: LegendItem[] = [
        { label: tr('ui.status.fail'), colour: VERDICT_COLOURS.fail, shape: 'fill' },
        { label: tr('ui.status.pass'), colour: VERDICT_COLOURS.pass, shape: 'fill' },
        { label: tr('ui.status.na'), colour: VERDICT_COLOURS.na, shape: 'fill' },
        { label: tr('ui.legend.outside'), colour: OUTSIDE_COLOUR, shape: 'outline' },
        { label: tr('ui.circle.elderly'), colour: CIRCLE_COLOURS.elderly, shape: 'fill' },
        { label: tr('ui.circle.childcare'), colour: CIRCLE_COLOURS.childcare, shape: 'fill' },
        ...Object.entries(KIND_STYLES).map(([k, st]) => ({ label: tr(`kind.${k}`), colour: st.colour, shape: 'dot' as const, glyph: st.glyph[lang] })),
      ];
      // the sheet's drawing code loads with the first PNG export
      const { canvasToPng, composeMapPng } = await import('./png');
      const sheet = composeMapPng(map, ratio, {
        title: area,
        subtitle: [
          profileName ? tr('importui.png.profile', { profile: profileName }) : '',
          rule ? tr('importui.png.rule', { rule: ruleName(state.profiles.value, rule, lang) }) : tr('importui.png.overall'),
        ]
          .filter(Boolean)
          .join(' · '),
        legendTitle: tr('importui.png.legend'),
        legend,
        scale,
        attribution,
        footer: tr('importui.png.made', { date: clock().toISOString().slice(0, 10) }),
      });
      const name = safeFileName(`${area}-map.png`);
      download(name, await canvasToPng(sheet), 'image/png');
      return [name];
    });

  const off = busy || !analysis;
  return (
    <div class="export-menu" data-testid="export-menu" data-busy={String(busy)}>
      <h3>{tr('importui.export.title')}</h3>
      <div class="export-row">
        <span>{tr('importui.export.csv')}</span>
        {LEVELS.map((l) => (
          <button type="button" key={l} data-testid={`export-csv-${l}`} disabled={off} onClick={() => void csv(l)}>
            {tr(`level.${l}`)}
          </button>
        ))}
      </div>
      <div class="export-row">
        <button type="button" data-testid="export-xlsx" disabled={off} onClick={() => void xlsx()}>
          {tr('importui.export.xlsx')}
        </button>
        <button type="button" data-testid="export-gaps" disabled={off} onClick={() => void gaps()}>
          {tr('importui.export.gaps')}
        </button>
      </div>
      <div class="export-row">
        <button type="button" data-testid="export-png" disabled={off} onClick={() => void png()}>
          {tr('importui.export.png')}
        </button>
      </div>
      {busy && <p class="note">{tr('importui.export.busy')}</p>}
      {message && (
        <p class={message.error ? 'note error' : 'note'} data-testid="export-message" role={message.error ? 'alert' : undefined}>
          {message.text}
        </p>
      )}
    </div>
  );
}
