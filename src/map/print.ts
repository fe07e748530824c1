import * as maplibregl from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';
import type { Column } from '../core/present/extrusion';
import {
  bandLimits,
  pageLayout,
  scaleBar,
  type PageLayout,
  type PaperId,
  type Rect,
} from '../core/present/print-layout';
import { withDpi } from '../core/io/png-dpi';
import { haversineM } from '../core/geo/haversine';
import { FONT_STACK } from './style';

/**
 * A print-quality image of the current view: the map is drawn again, off
 * screen, at the page's resolution (MapLibre's pixelRatio = dpi / 96, so
 * labels and lines keep their size on paper), then framed with title,
 * legend, scale bar, north arrow, data-quality notes and sources.
 */

export interface LegendRow {
  readonly kind: 'heading' | 'item' | 'note';
  readonly text: string;
  readonly fill?: string;
  readonly line?: string;
  readonly dashed?: boolean;
}

export interface PrintContent {
  readonly title: string;
  readonly subtitle: string;
  readonly legend: readonly LegendRow[];
  /** Data-quality notes (schematic layers), printed first in the footer. */
  readonly notes: readonly string[];
  readonly sources: readonly string[];
  readonly north: string;
  /** Said under the scale bar when the view is tilted. */
  readonly tiltedScaleNote: string;
}

export interface PrintRequest {
  readonly paper: PaperId;
  readonly dpi: number;
  readonly content: PrintContent;
  /** The style to draw, with the blocks' data in it. */
  readonly style: StyleSpecification;
  readonly featureStates: readonly {
    source: string;
    id: string;
    state: Record<string, unknown>;
  }[];
  readonly columns: readonly Column[];
}

const font = (px: number, weight = 400) =>
  `${weight} ${Math.round(px)}px ${FONT_STACK.map((f) => (f.includes(' ') ? `"${f}"` : f)).join(', ')}`;

function once(map: maplibregl.Map, event: 'load' | 'idle', ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the map did not finish drawing in ${ms / 1000} s`)), ms);
    map.once(event, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Draws the page and returns it as a PNG stamped with its resolution. */
export async function renderPrint(live: maplibregl.Map, req: PrintRequest): Promise<Blob> {
  const { layout: L, fits, bands } = fittedLayout(req);
  // For the tests: what the page was laid out for.
  if (window.__parkplan) window.__parkplan.print = { paper: req.paper, ...bands, fits, content: req.content };
  const ratio = req.dpi / 96;
  const frameW = L.map.w / ratio;
  const frameH = L.map.h / ratio;
  const liveBox = live.getContainer();
  // Everything the screen shows fits the frame (the frame's shape differs from the screen's).
  const fit = Math.min(frameW / liveBox.clientWidth, frameH / liveBox.clientHeight);
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  Object.assign(host.style, {
    position: 'fixed',
    left: '-20000px',
    top: '0',
    width: `${frameW}px`,
    height: `${frameH}px`,
  });
  document.body.appendChild(host);
  const map = new maplibregl.Map({
    container: host,
    style: req.style,
    center: live.getCenter(),
    zoom: live.getZoom() + Math.log2(fit),
    bearing: live.getBearing(),
    pitch: live.getPitch(),
    pixelRatio: ratio,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    maxCanvasSize: [16384, 16384],
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  try {
    await once(map, 'load', 60_000);
    for (const f of req.featureStates)
      if (map.getSource(f.source)) map.setFeatureState({ source: f.source, id: f.id }, f.state);
    if (req.columns.length) {
      const { createExtrusion } = await import('./extrusion-layer');
      createExtrusion(map).setColumns(req.columns);
    }
    map.triggerRepaint();
    await once(map, 'idle', 90_000);
    const canvas = document.createElement('canvas');
    canvas.width = L.width;
    canvas.height = L.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('the browser has no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, L.width, L.height);
    ctx.drawImage(map.getCanvas(), L.map.x, L.map.y, L.map.w, L.map.h);
    decorate(ctx, L, map, ratio, req.content);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the image is too large for this browser'))),
        'image/png',
      ),
    );
    const stamped = withDpi(new Uint8Array(await png.arrayBuffer()), req.dpi);
    return new Blob([stamped as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  } finally {
    map.remove();
    host.remove();
  }
}

/** Splits text into lines of at most `maxW` pixels: Chinese breaks between characters, Latin between words. */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxW: number): string[] {
  const tokens =
    text.match(
      /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+\s*|\s+/g,
    ) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line && ctx.measureText(line + tok).width > maxW) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Writes lines into a box from the top; what does not fit ends with an ellipsis. */
function textBlock(
  ctx: CanvasRenderingContext2D,
  paragraphs: readonly string[],
  box: Rect,
  sizePx: number,
  color: string,
  startY = box.y,
): number {
  ctx.font = font(sizePx);
  ctx.fillStyle = color;
  ctx.textBaseline = 'top';
  const lh = sizePx * 1.35;
  let y = startY;
  let last = '';
  for (const p of paragraphs)
    for (const line of wrap(ctx, p, box.w)) {
      if (y + lh > box.y + box.h + 0.5) {
        // What does not fit is marked, at the end of the last line written.
        ctx.fillText('…', box.x + Math.min(ctx.measureText(last).width, box.w - sizePx), y - lh);
        return y;
      }
      ctx.fillText(line, box.x, y);
      last = line;
      y += lh;
    }
  return y;
}

function decorate(
  ctx: CanvasRenderingContext2D,
  L: PageLayout,
  map: maplibregl.Map,
  ratio: number,
  c: PrintContent,
) {
  const mm = L.pxPerMm;
  // Title and subtitle.
  ctx.fillStyle = '#111111';
  ctx.textBaseline = 'top';
  ctx.font = font(7 * mm, 700);
  ctx.fillText(c.title, L.title.x, L.title.y, L.title.w);
  ctx.font = font(3.2 * mm);
  ctx.fillStyle = '#555555';
  ctx.fillText(c.subtitle, L.title.x, L.title.y + 9.5 * mm, L.title.w);

  // Map frame.
  ctx.strokeStyle = '#333333';
  ctx.lineWidth = 0.3 * mm;
  ctx.strokeRect(L.map.x, L.map.y, L.map.w, L.map.h);

  northArrow(ctx, L, map.getBearing(), c.north);
  scale(ctx, L, map, ratio, c);
  legend(ctx, L, c.legend);

  // Footer: data quality first, then sources.
  ctx.strokeStyle = '#999999';
  ctx.lineWidth = 0.2 * mm;
  ctx.beginPath();
  ctx.moveTo(L.footer.x, L.footer.y);
  ctx.lineTo(L.footer.x + L.footer.w, L.footer.y);
  ctx.stroke();
  // Two columns: data quality (what the shapes are) on the left, sources on the right.
  const cols = footerColumns(L);
  textBlock(ctx, c.notes, cols.notes, 2.5 * mm, '#7a4b00');
  textBlock(ctx, c.sources, cols.sources, 2.3 * mm, '#555555');
}

function northArrow(ctx: CanvasRenderingContext2D, L: PageLayout, bearing: number, label: string) {
  const mm = L.pxPerMm;
  const r = 6 * mm;
  const cx = L.map.x + L.map.w - r - 4 * mm;
  const cy = L.map.y + r + 4 * mm;
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  ctx.fill();
  ctx.translate(cx, cy);
  // A map turned by `bearing` degrees shows north turned the other way.
  ctx.rotate((-bearing * Math.PI) / 180);
  ctx.fillStyle = '#111111';
  ctx.beginPath();
  ctx.moveTo(0, -r * 0.8);
  ctx.lineTo(r * 0.32, r * 0.45);
  ctx.lineTo(0, r * 0.2);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#888888';
  ctx.beginPath();
  ctx.moveTo(0, -r * 0.8);
  ctx.lineTo(-r * 0.32, r * 0.45);
  ctx.lineTo(0, r * 0.2);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
  ctx.fillStyle = '#111111';
  ctx.font = font(3 * mm, 700);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(label, cx, cy + r + 0.8 * mm);
  ctx.textAlign = 'left';
}

function scale(
  ctx: CanvasRenderingContext2D,
  L: PageLayout,
  map: maplibregl.Map,
  ratio: number,
  c: PrintContent,
) {
  const mm = L.pxPerMm;
  // Ground length across 100 CSS px at the bottom middle of the frame, where the bar stands.
  const box = map.getContainer();
  const y = box.clientHeight - 20;
  const a = map.unproject([box.clientWidth / 2 - 50, y]);
  const b = map.unproject([box.clientWidth / 2 + 50, y]);
  const metresPerPx = haversineM([a.lng, a.lat], [b.lng, b.lat]) / (100 * ratio);
  if (!(metresPerPx > 0)) return;
  const bar = scaleBar(metresPerPx, 35 * mm);
  const x0 = L.map.x + 5 * mm;
  const y0 = L.map.y + L.map.h - 9 * mm;
  const h = 1.6 * mm;
  const tilted = map.getPitch() > 1;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x0 - 2 * mm, y0 - 5 * mm, bar.px + 4 * mm + (tilted ? 40 * mm : 0), 12 * mm);
  for (let i = 0; i < 4; i++) {
    ctx.fillStyle = i % 2 ? '#ffffff' : '#111111';
    ctx.fillRect(x0 + (i * bar.px) / 4, y0, bar.px / 4, h);
  }
  ctx.strokeStyle = '#111111';
  ctx.lineWidth = 0.2 * mm;
  ctx.strokeRect(x0, y0, bar.px, h);
  ctx.fillStyle = '#111111';
  ctx.font = font(2.8 * mm);
  ctx.textBaseline = 'bottom';
  ctx.fillText('0', x0, y0 - 0.5 * mm);
  ctx.textAlign = 'right';
  ctx.fillText(bar.label, x0 + bar.px, y0 - 0.5 * mm);
  ctx.textAlign = 'left';
  if (tilted) {
    ctx.textBaseline = 'top';
    ctx.font = font(2.4 * mm);
    ctx.fillText(c.tiltedScaleNote, x0, y0 + h + 0.8 * mm);
  }
}

/** Columns of the legend box: a wide, low band (portrait sheets) takes two or three. */
const legendColumns = (box: Rect, mm: number) => (box.w > 170 * mm ? 3 : box.w > 120 * mm ? 2 : 1);

/**
 * Lays the legend's rows out in `box`, column after column, drawing them when `draw`; whether
 * all of them fit (the caller sizes the box so they do: nothing is cut).
 */
function placeLegend(
  ctx: CanvasRenderingContext2D,
  box: Rect,
  mm: number,
  rows: readonly LegendRow[],
  draw: boolean,
) {
  const pad = 3 * mm;
  const x = box.x + pad;
  const w = box.w - 2 * pad;
  const bottom = box.y + box.h - pad;
  const sw = { w: 6 * mm, h: 3.6 * mm };
  const columns = legendColumns(box, mm);
  const colW = (w - (columns - 1) * 4 * mm) / columns;
  let col = 0;
  let y = box.y + pad;
  const colX = () => x + col * (colW + 4 * mm);
  for (const row of rows) {
    const size = row.kind === 'heading' ? 3.2 * mm : row.kind === 'note' ? 2.5 * mm : 2.9 * mm;
    ctx.font = font(size, row.kind === 'heading' ? 700 : 400);
    const indent = row.kind === 'item' ? sw.w + 2 * mm : 0;
    const lines = wrap(ctx, row.text, colW - indent);
    const lh = size * 1.35;
    const need =
      Math.max(lines.length * lh, row.kind === 'item' ? sw.h : 0) +
      (row.kind === 'heading' ? 1 * mm : 1.4 * mm);
    if (y + need > bottom) {
      if (col + 1 >= columns) return false;
      // The next column, from the top: where the row is drawn is worked out after the move.
      col++;
      y = box.y + pad;
      if (y + need > bottom) return false;
    }
    if (draw) {
      if (row.kind === 'item') {
        ctx.fillStyle = row.fill ?? '#ffffff';
        if (row.fill) ctx.fillRect(colX(), y, sw.w, sw.h);
        ctx.strokeStyle = row.line ?? row.fill ?? '#999999';
        ctx.lineWidth = 0.35 * mm;
        ctx.setLineDash(row.dashed ? [1.2 * mm, 0.8 * mm] : []);
        ctx.strokeRect(colX(), y, sw.w, sw.h);
        ctx.setLineDash([]);
      }
      ctx.fillStyle = row.kind === 'note' ? '#666666' : '#111111';
      ctx.textBaseline = 'top';
      lines.forEach((line, k) => ctx.fillText(line, colX() + indent, y + k * lh));
    }
    y += need;
  }
  return true;
}

function legend(ctx: CanvasRenderingContext2D, L: PageLayout, rows: readonly LegendRow[]) {
  const mm = L.pxPerMm;
  const box = L.legend;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(box.x, box.y, box.w, box.h);
  ctx.strokeStyle = '#bbbbbb';
  ctx.lineWidth = 0.2 * mm;
  ctx.strokeRect(box.x, box.y, box.w, box.h);
  placeLegend(ctx, box, mm, rows, true);
}

/** The footer's two columns: data quality on the left, the sources on the right. */
function footerColumns(L: PageLayout) {
  const mm = L.pxPerMm;
  const gap = 5 * mm;
  const top = L.footer.y + 1.5 * mm;
  const h = L.footer.h - 1.5 * mm;
  const notesW = Math.round((L.footer.w - gap) * 0.46);
  return {
    notes: { x: L.footer.x, y: top, w: notesW, h },
    sources: { x: L.footer.x + notesW + gap, y: top, w: L.footer.w - notesW - gap, h },
  };
}

/** Height, in pixels, that paragraphs take wrapped to `width` at `sizePx`. */
function textHeight(
  ctx: CanvasRenderingContext2D,
  paragraphs: readonly string[],
  width: number,
  sizePx: number,
) {
  ctx.font = font(sizePx);
  return paragraphs.reduce((h, p) => h + wrap(ctx, p, width).length, 0) * sizePx * 1.35;
}

/**
 * The page laid out for its content: the legend band (portrait) or column (landscape) and the
 * footer as large as their text needs, within limits that leave the map most of the sheet, so
 * no heading overlaps another and nothing is cut short.
 */
function fittedLayout(req: PrintRequest): {
  layout: PageLayout;
  fits: boolean;
  bands: { legendMm: number; footerMm: number };
} {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx)
    return { layout: pageLayout(req.paper, req.dpi), fits: false, bands: { legendMm: 0, footerMm: 0 } };
  const limits = bandLimits(req.paper);
  const { content } = req;
  const footerFits = (footerMm: number) => {
    const L = pageLayout(req.paper, req.dpi, { footerMm });
    const c = footerColumns(L);
    const mm = L.pxPerMm;
    return (
      textHeight(ctx, content.notes, c.notes.w, 2.5 * mm) <= c.notes.h &&
      textHeight(ctx, content.sources, c.sources.w, 2.3 * mm) <= c.sources.h
    );
  };
  let footerMm = limits.footer[0];
  while (footerMm < limits.footer[1] && !footerFits(footerMm)) footerMm += 2;
  const legendFits = (legendMm: number) => {
    const L = pageLayout(req.paper, req.dpi, { footerMm, legendMm });
    return placeLegend(ctx, L.legend, L.pxPerMm, content.legend, false);
  };
  let legendMm = limits.legend[0];
  while (legendMm < limits.legend[1] && !legendFits(legendMm)) legendMm += 2;
  return {
    layout: pageLayout(req.paper, req.dpi, { footerMm, legendMm }),
    fits: footerFits(footerMm) && legendFits(legendMm),
    bands: { legendMm, footerMm },
  };
}
