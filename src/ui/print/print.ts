// The print layout's state: paper size, and a snapshot of the main map taken just before
// printing (the canvas as an image — the map keeps its drawing buffer — with its scale bar and
// attribution read from MapLibre's own controls, so the printed scale matches the image).
import { signal } from '@preact/signals';
import type { Compare } from '../../state/compare';
import type { MapPorts } from '../../state/map-ports';

export type Paper = 'a4' | 'a3';

export interface MapSnapshot {
  image: string;
  /** the scale bar's width as a share of the map's width, and its label (e.g. "500 m") */
  scaleShare: number;
  scaleLabel: string;
  attribution: string;
  /** map rotation in degrees (0 = north up) */
  bearing: number;
  /** when the snapshot was taken (printed on the sheet) */
  at: Date;
}

export function snapshotMap(map: MapPorts, at: Date): MapSnapshot | null {
  const host = document.querySelector<HTMLElement>('[data-testid=map]');
  const canvas = host?.querySelector('canvas');
  if (!host || !(canvas instanceof HTMLCanvasElement)) return null;
  let image: string;
  try {
    image = canvas.toDataURL('image/png');
  } catch {
    return null; // a tainted canvas (an online base map without CORS) cannot be read
  }
  const scale = host.querySelector<HTMLElement>('.maplibregl-ctrl-scale');
  const width = canvas.clientWidth || 1;
  return {
    image,
    scaleShare: scale ? scale.offsetWidth / width : 0,
    scaleLabel: scale?.textContent?.trim() ?? '',
    attribution: host.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim() ?? '',
    bearing: map.main.current?.bearing() ?? 0,
    at,
  };
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

/** After a layout change: the map resizes on its next frame and says data-idle=true when drawn
 *  (at most a few seconds; a snapshot of a half-drawn map beats none). */
async function mapRedrawn(): Promise<void> {
  await frame();
  await frame();
  const host = document.querySelector<HTMLElement>('[data-testid=map]');
  for (let waited = 0; host && host.dataset.idle !== 'true' && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
}

/** `now`: the clock the sheet's time stamp reads. */
export function createPrint(compare: Compare, map: MapPorts, now: () => Date = () => new Date()) {
  const paper = signal<Paper>('a4');
  const snapshot = signal<MapSnapshot | null>(null);
  /** the sheet has its map image and current KPIs (tests wait on data-ready) */
  const ready = signal(false);

  /** Takes the map image and the comparison of the open scenario with the baseline. */
  async function prepare(): Promise<void> {
    ready.value = false;
    compare.followActive('print', true);
    const root = document.documentElement;
    root.classList.add('print-snapshot');
    try {
      await compare.settled();
      await mapRedrawn();
      snapshot.value = snapshotMap(map, now());
    } finally {
      root.classList.remove('print-snapshot');
    }
    root.classList.add('print-sheet-on');
    ready.value = true;
  }

  async function print(): Promise<void> {
    await prepare();
    // let Preact paint the sheet before the print dialog freezes the page
    await frame();
    window.addEventListener(
      'afterprint',
      () => {
        document.documentElement.classList.remove('print-sheet-on');
        compare.followActive('print', false);
      },
      { once: true },
    );
    window.print();
  }

  return { paper, snapshot, ready, prepare, print, setPaper: (p: Paper) => (paper.value = p) };
}

export type Print = ReturnType<typeof createPrint>;
