// The cumulative curve as a small hand-drawn SVG line chart (no chart library). Accessible: the
// SVG is an image with a title and a description listing every value, the axes carry their
// labels, and each point is labelled with its value as text.
import type { Lang } from '../../i18n';
import { fmt } from '../format';

export interface ChartPoint {
  x: number;
  y: number;
}

const W = 320;
const H = 170;
const M = { left: 52, right: 14, top: 14, bottom: 38 };

/** a "nice" axis end at or above v: 1, 2, 2.5 or 5 × a power of ten */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

const short = (v: number, lang: Lang): string => {
  if (Math.abs(v) >= 10000) return lang === 'zh' ? `${fmt(Math.round(v / 1000) / 10, lang)}万` : `${fmt(Math.round(v / 100) / 10, lang)}k`;
  return fmt(Math.round(v * 10) / 10, lang);
};

/** counts on the x axis (sites): the axis ends at the last count, a tick at every whole number up to 10 */
export function countTicks(n: number): number[] {
  if (n <= 10) return Array.from({ length: n + 1 }, (_, k) => k);
  return [0, Math.round(n / 2), n];
}

export function CurveChart(props: { id: string; title: string; xLabel: string; yLabel: string; points: ChartPoint[]; lang: Lang; testId?: string; counts?: boolean }) {
  const { points, lang } = props;
  const xLast = Math.max(...points.map((p) => p.x));
  const xMax = props.counts ? Math.max(1, xLast) : niceMax(xLast);
  const yMax = niceMax(Math.max(...points.map((p) => p.y)));
  const sx = (x: number) => M.left + ((W - M.left - M.right) * x) / xMax;
  const sy = (y: number) => H - M.bottom - ((H - M.top - M.bottom) * y) / yMax;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const yTicks = [0, yMax / 2, yMax];
  const xTicks = props.counts ? countTicks(xMax) : [0, xMax / 2, xMax];
  const desc = points.map((p) => `${props.xLabel} ${short(p.x, lang)} → ${props.yLabel} ${short(p.y, lang)}`).join('; ');
  return (
    <svg class="curve" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${props.id}-t ${props.id}-d`} data-testid={props.testId}>
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{desc}</desc>
      {yTicks.map((v) => (
        <g key={`y${v}`} class="tick">
          <line x1={M.left} x2={W - M.right} y1={sy(v)} y2={sy(v)} class="grid" />
          <text x={M.left - 4} y={sy(v) + 4} text-anchor="end">
            {short(v, lang)}
          </text>
        </g>
      ))}
      {xTicks.map((v) => (
        <text key={`x${v}`} class="tick" x={sx(v)} y={H - M.bottom + 14} text-anchor="middle">
          {short(v, lang)}
        </text>
      ))}
      <line class="axis" x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} />
      <line class="axis" x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
      <text class="axis-label" x={(M.left + W - M.right) / 2} y={H - 6} text-anchor="middle">
        {props.xLabel}
      </text>
      <text class="axis-label" x={12} y={(M.top + H - M.bottom) / 2} text-anchor="middle" transform={`rotate(-90 12 ${(M.top + H - M.bottom) / 2})`}>
        {props.yLabel}
      </text>
      <path class="line" d={path} />
      {points.map((p, i) => (
        <g key={i} class="pt">
          <circle cx={sx(p.x)} cy={sy(p.y)} r={3.5} />
          {i > 0 && (
            <text x={sx(p.x)} y={sy(p.y) - 7} text-anchor="middle">
              {short(p.y, lang)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
