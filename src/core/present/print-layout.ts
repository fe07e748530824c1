/**
 * The page of a printed map: paper sizes at a resolution, the bands for the
 * title, map, legend and notes, and a scale bar of a round length. Pure, so
 * the geometry of the sheet is tested without a canvas.
 */

export type PaperId = 'a4-landscape' | 'a3-landscape' | 'a4-portrait';

export const PAPERS: Record<PaperId, { readonly widthMm: number; readonly heightMm: number }> = {
  'a4-landscape': { widthMm: 297, heightMm: 210 },
  'a3-landscape': { widthMm: 420, heightMm: 297 },
  'a4-portrait': { widthMm: 210, heightMm: 297 },
};

export const DPIS = [300, 150] as const;
export type Dpi = (typeof DPIS)[number];

export const mmToPx = (mm: number, dpi: number) => Math.round((mm / 25.4) * dpi);

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PageLayout {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly title: Rect;
  readonly map: Rect;
  readonly legend: Rect;
  readonly footer: Rect;
  /** Pixels per millimetre on this page, for type and line sizes. */
  readonly pxPerMm: number;
}

const MARGIN_MM = 10;
const TITLE_MM = 16;
const FOOTER_MM = 30;
const GAP_MM = 4;
/** The legend takes a column on landscape sheets and a band under the map on portrait ones. */
const LEGEND_COLUMN_MM = 62;
const LEGEND_BAND_MM = 46;

/**
 * Band sizes a page's content needs (from measuring its text): the legend's height on portrait
 * sheets or its column's width on landscape ones, and the footer's height; defaults otherwise.
 */
export interface Bands {
  readonly legendMm?: number;
  readonly footerMm?: number;
}

export function pageLayout(paper: PaperId, dpi: number, bands: Bands = {}): PageLayout {
  const { widthMm, heightMm } = PAPERS[paper];
  const px = (mm: number) => mmToPx(mm, dpi);
  const width = px(widthMm);
  const height = px(heightMm);
  const m = px(MARGIN_MM);
  const gap = px(GAP_MM);
  const title: Rect = { x: m, y: m, w: width - 2 * m, h: px(TITLE_MM) };
  const footerMm = bands.footerMm ?? FOOTER_MM;
  const footer: Rect = { x: m, y: height - m - px(footerMm), w: width - 2 * m, h: px(footerMm) };
  const top = title.y + title.h + gap;
  const bottom = footer.y - gap;
  let map: Rect;
  let legend: Rect;
  if (widthMm > heightMm) {
    const lw = px(bands.legendMm ?? LEGEND_COLUMN_MM);
    map = { x: m, y: top, w: width - 2 * m - lw - gap, h: bottom - top };
    legend = { x: map.x + map.w + gap, y: top, w: lw, h: bottom - top };
  } else {
    const lh = px(bands.legendMm ?? LEGEND_BAND_MM);
    map = { x: m, y: top, w: width - 2 * m, h: bottom - top - lh - gap };
    legend = { x: m, y: map.y + map.h + gap, w: width - 2 * m, h: lh };
  }
  return { width, height, dpi, title, map, legend, footer, pxPerMm: dpi / 25.4 };
}

/**
 * The longest round length (1, 2 or 5 × 10ⁿ metres) whose bar fits in
 * `maxPx` at `metresPerPx`, with its length in pixels and its label.
 */
export function scaleBar(metresPerPx: number, maxPx: number): { metres: number; px: number; label: string } {
  const maxM = metresPerPx * maxPx;
  let best = 1;
  for (let e = 0; e <= 7; e++)
    for (const k of [1, 2, 5]) {
      const len = k * 10 ** e;
      if (len <= maxM) best = len;
    }
  return {
    metres: best,
    px: best / metresPerPx,
    label: best >= 1000 ? `${best / 1000} km` : `${best} m`,
  };
}

/** The limits of the bands: the map keeps at least half of the sheet's height (portrait) or width (landscape). */
export function bandLimits(paper: PaperId): { legend: [number, number]; footer: [number, number] } {
  const { widthMm, heightMm } = PAPERS[paper];
  const landscape = widthMm > heightMm;
  return {
    legend: landscape ? [LEGEND_COLUMN_MM, Math.round(widthMm * 0.3)] : [30, Math.round(heightMm * 0.25)],
    footer: [16, Math.round(heightMm * 0.2)],
  };
}
