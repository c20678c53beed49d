// 测距 on the map: a button starts measuring; each click on the map adds a point; the panel lists
// each segment and the total (米 below a kilometre, then 公里); 清除 removes the points, 结束 or
// Esc leaves. The map draws the line (src/map/measure.ts).
import { useEffect } from 'preact/hooks';
import { formatLength, lengths } from '../map/measure';
import { useApp, useT } from './context';

export function MeasureTool() {
  const { state, map } = useApp();
  const measure = map.measure;
  const tr = useT();
  const lang = state.lang.value;
  const on = measure.measuring.value;
  const points = measure.points.value;

  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') measure.stop();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [on]);

  if (!on)
    return (
      <button type="button" class="map-tool" data-testid="measure-start" disabled={!state.layers.value} onClick={measure.start}>
        {tr('ui.measure.start')}
      </button>
    );
  const { segments, total } = lengths(points);
  return (
    <section class="measure-panel" data-testid="measure-panel" aria-label={tr('ui.measure.title')}>
      <div class="measure-head">
        <strong>{tr('ui.measure.title')}</strong>
        <button type="button" data-testid="measure-clear" onClick={measure.clear} disabled={points.length === 0}>
          {tr('ui.measure.clear')}
        </button>
        <button type="button" data-testid="measure-stop" onClick={measure.stop}>
          {tr('ui.measure.stop')}
        </button>
      </div>
      {points.length < 2 ? (
        <p class="note">{tr(points.length === 0 ? 'ui.measure.hint' : 'ui.measure.next')}</p>
      ) : (
        <>
          <ol class="measure-segments" data-testid="measure-segments">
            {segments.map((m, i) => (
              <li key={i} data-metres={Math.round(m)}>
                {tr('ui.measure.segment', { n: i + 1, length: formatLength(m, lang) })}
              </li>
            ))}
          </ol>
          <p class="measure-total" data-testid="measure-total" data-metres={Math.round(total)} role="status">
            {tr('ui.measure.total', { length: formatLength(total, lang) })}
          </p>
        </>
      )}
    </section>
  );
}
