import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToShow } from './fixed-rows';

describe('rowWindow', () => {
  it('renders the rows in view plus the overscan, and pads the rest', () => {
    // 30 px rows, a 300 px viewport scrolled to 3000 px: rows 100–109 are in view.
    expect(rowWindow(3000, 300, 100_000, 30, 12)).toEqual({
      first: 88,
      end: 122,
      padTop: 88 * 30,
      padBottom: (100_000 - 122) * 30,
    });
  });

  it('includes a row cut by either edge of the viewport', () => {
    // 3015 px: row 100 is half hidden at the top; 3315 px: row 110 half shown at the bottom.
    const w = rowWindow(3015, 300, 1000, 30, 0);
    expect([w.first, w.end]).toEqual([100, 111]);
  });

  it('stays within the list at both ends, and for short and empty lists', () => {
    expect(rowWindow(0, 300, 100_000, 30, 12)).toMatchObject({ first: 0, end: 22, padTop: 0 });
    expect(rowWindow(30 * 99_990, 300, 100_000, 30, 12)).toMatchObject({ end: 100_000, padBottom: 0 });
    expect(rowWindow(0, 300, 5, 30, 12)).toEqual({ first: 0, end: 5, padTop: 0, padBottom: 0 });
    expect(rowWindow(0, 300, 0, 30, 12)).toEqual({ first: 0, end: 0, padTop: 0, padBottom: 0 });
    // Scrolled past the end (the list just got shorter): nothing left to render, no negative pads.
    expect(rowWindow(30_000, 300, 10, 30, 12)).toEqual({ first: 10, end: 10, padTop: 300, padBottom: 0 });
  });

  it('renders the overscan alone before the viewport has a height', () => {
    expect(rowWindow(0, 0, 1000, 30, 12)).toMatchObject({ first: 0, end: 12 });
  });
});

describe('scrollToShow', () => {
  it('leaves a row in view where it is', () => {
    expect(scrollToShow(3000, 300, 105, 30)).toBe(3000);
  });
  it('scrolls up to put a row above the view at the top', () => {
    expect(scrollToShow(3000, 300, 50, 30)).toBe(1500);
  });
  it('scrolls down to put a row below the view at the bottom', () => {
    expect(scrollToShow(3000, 300, 200, 30)).toBe(200 * 30 + 30 - 300);
  });
});
