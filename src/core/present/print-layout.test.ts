import { describe, expect, it } from 'vitest';
import { pageLayout, scaleBar } from './print-layout';
import { haversineM } from '../geo/haversine';

describe('print page layout', () => {
  it('A4 landscape at 300 dpi is 3508 × 2480 px (297 × 210 mm), A3 at 150 dpi 2480 × 1754', () => {
    expect(pageLayout('a4-landscape', 300)).toMatchObject({ width: 3508, height: 2480 });
    expect(pageLayout('a3-landscape', 150)).toMatchObject({ width: 2480, height: 1754 });
    expect(pageLayout('a4-portrait', 300)).toMatchObject({ width: 2480, height: 3508 });
  });

  it('keeps title, map, legend and notes inside the margins and apart', () => {
    for (const paper of ['a4-landscape', 'a3-landscape', 'a4-portrait'] as const) {
      const l = pageLayout(paper, 300);
      const rects = [l.title, l.map, l.legend, l.footer];
      for (const r of rects) {
        expect(r.x).toBeGreaterThanOrEqual(118); // 10 mm at 300 dpi
        expect(r.x + r.w).toBeLessThanOrEqual(l.width - 118);
        expect(r.y + r.h).toBeLessThanOrEqual(l.height - 118);
        expect(r.w).toBeGreaterThan(0);
        expect(r.h).toBeGreaterThan(0);
      }
      for (let i = 0; i < rects.length; i++)
        for (let j = i + 1; j < rects.length; j++) {
          const a = rects[i]!;
          const b = rects[j]!;
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          expect(apart, `${paper} ${i} ${j}`).toBe(true);
        }
    }
  });
});

describe('scale bar', () => {
  it('is the longest 1-2-5 length that fits', () => {
    // 25 m per pixel, at most 300 px = 7.5 km: 5 km, 200 px.
    expect(scaleBar(25, 300)).toEqual({ metres: 5000, px: 200, label: '5 km' });
    expect(scaleBar(1, 300)).toEqual({ metres: 200, px: 200, label: '200 m' });
    expect(scaleBar(0.5, 300).label).toBe('100 m');
  });

  it('measures ground distance: one degree of longitude at 40° N is 85.18 km on the mean sphere (111.195 km × cos 40°)', () => {
    expect(haversineM([116, 40], [117, 40]) / 1000).toBeCloseTo(85.18, 1);
  });
});
