// A schematic site map for the report (SVG, prints sharply): the outline, the 15-minute circle
// around its representative point, and the existing facilities it reaches, in metres around the
// site. Drawn from the check's own numbers, so it shows exactly what was judged.
import '../../i18n/site'; // its strings: loaded with this code, not with the page
import { localProjector, representativePoint } from '../../core/geo';
import type { Facility } from '../../core/model';
import type { ReachFinding, SiteArea } from '../../core/site';
import { useT } from '../context';

const SIZE = 360;

export function SiteMap({ geometry, reach, facilities }: { geometry: SiteArea; reach: ReachFinding[]; facilities: readonly Facility[] }) {
  const tr = useT();
  const centre = representativePoint(geometry);
  const proj = localProjector(centre);
  const limit = Math.max(...reach.map((f) => f.limit), 100);
  const byId = new Map(facilities.map((f) => [f.id, f]));
  const dots = reach.flatMap((f) =>
    [...f.within, ...(f.nearestBeyond ? [f.nearestBeyond] : [])].flatMap((x) => {
      const fac = byId.get(x.id);
      if (!fac) return [];
      const [lon, lat] = representativePoint(fac.geometry);
      const [mx, my] = proj.toXY([lon, lat]);
      return [{ id: x.id, name: x.name, circle: f.circle, x: mx, y: my, within: x.distance <= f.limit }];
    }),
  );
  const extent = Math.max(limit * 1.15, ...dots.map((d) => Math.hypot(d.x, d.y) * 1.1));
  const k = SIZE / 2 / extent;
  const sx = (x: number) => SIZE / 2 + x * k;
  const sy = (y: number) => SIZE / 2 - y * k;
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((p) => p[0]);
  const path = rings
    .map(
      (r) =>
        `M${r
          .map((p) => proj.toXY([p[0], p[1]]))
          .map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`)
          .join('L')}Z`,
    )
    .join(' ');
  const bar = limit >= 800 ? 500 : 200;
  return (
    <svg class="site-map" viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} role="img" aria-label={tr('site.ui.mapLabel')} data-testid="site-map">
      <rect x="0" y="0" width={SIZE} height={SIZE} fill="#f7f7f4" stroke="#c9c9c9" />
      <circle cx={sx(0)} cy={sy(0)} r={limit * k} fill="none" stroke="#2b6cb0" stroke-dasharray="6 4" />
      <path d={path} fill="rgba(123,44,191,0.25)" stroke="#7b2cbf" stroke-width="2" />
      {dots.map((d) => (
        <g key={`${d.circle}:${d.id}`}>
          <circle cx={sx(d.x)} cy={sy(d.y)} r="5" fill={d.circle === 'elderly' ? '#c05621' : '#2f855a'} stroke="#fff" opacity={d.within ? 1 : 0.5} />
          <text x={sx(d.x) + 7} y={sy(d.y) + 4} font-size="11" fill="#222">
            {d.name}
          </text>
        </g>
      ))}
      <line x1="12" y1={SIZE - 14} x2={12 + bar * k} y2={SIZE - 14} stroke="#222" stroke-width="2" />
      <text x="12" y={SIZE - 20} font-size="11" fill="#222">
        {bar} m
      </text>
      <text x={SIZE - 8} y="16" font-size="11" fill="#222" text-anchor="end">
        {tr('site.ui.mapLegend', { metres: Math.round(limit) })}
      </text>
    </svg>
  );
}
