// The print layout's state: paper size, and a snapshot of the main map taken just before
// printing (the canvas as an image — the map keeps its drawing buffer — with its scale bar and
// attribution read from MapLibre's own controls, so the printed scale matches the image).
import { signal } from '@preact/signals';
import type { Compare } from '../../state/compare';

export type Paper = 'a4' | 'a3';

export interface MapSnapshot {
  image: string;
  /** the scale bar's width as a share of the map's width, and its label (e.g. "500 m") */
  scaleShare: number;
  scaleLabel: string;
  attribution: string;
  /** when the snapshot was taken (printed on the sheet) */
  at: Date;
}

export function snapshotMap(): MapSnapshot | null {
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
    at: new Date(),
  };
}

export function createPrint(compare: Compare) {
  const paper = signal<Paper>('a4');
  const snapshot = signal<MapSnapshot | null>(null);
  /** the sheet has its map image and current KPIs (tests wait on data-ready) */
  const ready = signal(false);

  /** Takes the map image and the comparison of the open scenario with the baseline. */
  async function prepare(): Promise<void> {
    ready.value = false;
    compare.followActive('print', true);
    await compare.settled();
    snapshot.value = snapshotMap();
    ready.value = true;
  }

  async function print(): Promise<void> {
    await prepare();
    // let Preact paint the sheet before the print dialog freezes the page
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    window.addEventListener('afterprint', () => compare.followActive('print', false), { once: true });
    window.print();
  }

  return { paper, snapshot, ready, prepare, print, setPaper: (p: Paper) => (paper.value = p) };
}

export type Print = ReturnType<typeof createPrint>;
