// The map as a PNG for print: the map drawn at 2–3× pixel ratio (MapView.capture), with a title
// band above, the scale bar and attribution on the map, and the legend below, composed on one
// canvas at the same ratio so text stays as sharp as the map.
const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export interface LegendItem {
  label: string;
  colour: string;
  shape: 'fill' | 'outline' | 'dot';
  /** a character on the dot (facility kinds) */
  glyph?: string;
}

export interface PngSheet {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: LegendItem[];
  /** the on-screen scale bar's width as a share of the map width, and its label ("500 m") */
  scale: { share: number; label: string } | null;
  attribution: string;
  footer: string;
}

const HEAD = 64;
const PAD = 16;
const ROW = 24;

/** lays legend items left to right, wrapping at `width`; returns each item's x and row */
function flow(ctx: CanvasRenderingContext2D, items: LegendItem[], width: number): { x: number; row: number }[] {
  let x = PAD;
  let row = 0;
  return items.map((it) => {
    const w = 20 + ctx.measureText(it.label).width + 18;
    if (x + w > width - PAD && x > PAD) {
      x = PAD;
      row++;
    }
    const at = { x, row };
    x += w;
    return at;
  });
}

export function composeMapPng(map: HTMLCanvasElement, ratio: number, sheet: PngSheet): HTMLCanvasElement {
  const mapW = map.width / ratio;
  const mapH = map.height / ratio;
  const probe = document.createElement('canvas').getContext('2d');
  if (!probe) throw new Error('no 2D canvas');
  probe.font = `14px ${FONT}`;
  const places = flow(probe, sheet.legend, mapW);
  const rows = (places.at(-1)?.row ?? -1) + 1;
  const legendH = PAD + 22 + rows * ROW + 26;

  const out = document.createElement('canvas');
  out.width = Math.round(mapW * ratio);
  out.height = Math.round((HEAD + mapH + legendH) * ratio);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, mapW, HEAD + mapH + legendH);

  // title band
  ctx.fillStyle = '#1a1a1a';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `bold 22px ${FONT}`;
  ctx.fillText(sheet.title, PAD, 30, mapW - 2 * PAD);
  ctx.font = `14px ${FONT}`;
  ctx.fillStyle = '#444';
  ctx.fillText(sheet.subtitle, PAD, 52, mapW - 2 * PAD);

  // the map, pixel for pixel
  ctx.drawImage(map, 0, HEAD, mapW, mapH);
  ctx.strokeStyle = '#888';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, HEAD + 0.5, mapW - 1, mapH - 1);

  // scale bar, bottom left on the map
  if (sheet.scale && sheet.scale.share > 0) {
    const w = sheet.scale.share * mapW;
    const x = 12;
    const y = HEAD + mapH - 14;
    ctx.font = `12px ${FONT}`;
    const lw = ctx.measureText(sheet.scale.label).width;
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(x - 4, y - 20, Math.max(w, lw) + 8, 26);
    ctx.strokeStyle = '#222';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, y - 6);
    ctx.lineTo(x, y);
    ctx.lineTo(x + w, y);
    ctx.lineTo(x + w, y - 6);
    ctx.stroke();
    ctx.fillStyle = '#222';
    ctx.fillText(sheet.scale.label, x + 2, y - 7);
  }

  // attribution, bottom right on the map
  if (sheet.attribution) {
    ctx.font = `11px ${FONT}`;
    const text = sheet.attribution;
    const tw = Math.min(ctx.measureText(text).width, mapW * 0.6);
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(mapW - tw - 12, HEAD + mapH - 20, tw + 10, 18);
    ctx.fillStyle = '#333';
    ctx.fillText(text, mapW - tw - 7, HEAD + mapH - 7, tw);
  }

  // legend band
  let y = HEAD + mapH + PAD + 14;
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `bold 15px ${FONT}`;
  ctx.fillText(sheet.legendTitle, PAD, y);
  y += 8;
  ctx.font = `14px ${FONT}`;
  sheet.legend.forEach((it, i) => {
    const { x, row } = places[i];
    const top = y + row * ROW + 4;
    if (it.shape === 'fill') {
      ctx.fillStyle = it.colour;
      ctx.fillRect(x, top, 14, 14);
      ctx.strokeStyle = 'rgba(0,0,0,0.3)';
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, top + 0.5, 13, 13);
    } else if (it.shape === 'outline') {
      ctx.strokeStyle = it.colour;
      ctx.lineWidth = 3;
      ctx.setLineDash([4, 2]);
      ctx.strokeRect(x + 1.5, top + 1.5, 11, 11);
      ctx.setLineDash([]);
    } else {
      ctx.fillStyle = it.colour;
      ctx.beginPath();
      ctx.arc(x + 7, top + 7, 8, 0, 2 * Math.PI);
      ctx.fill();
      if (it.glyph) {
        ctx.fillStyle = '#fff';
        ctx.font = `bold 10px ${FONT}`;
        ctx.textAlign = 'center';
        ctx.fillText(it.glyph, x + 7, top + 11);
        ctx.textAlign = 'start';
        ctx.font = `14px ${FONT}`;
      }
    }
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(it.label, x + 20, top + 12);
  });
  ctx.fillStyle = '#666';
  ctx.font = `12px ${FONT}`;
  ctx.fillText(sheet.footer, PAD, HEAD + mapH + legendH - 10, mapW - 2 * PAD);
  return out;
}

export function canvasToPng(c: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'));
}
