import { describe, expect, it } from 'vitest';
import { shareValues } from './shared-values';

/** A report as it comes out of a structured clone: every string and list its own. */
function received(n: number) {
  return structuredClone({
    id: `b${n}`,
    name: `block ${n}`,
    areaKm2: 0.25 + n,
    sizeClass: 'small',
    subparkOverlaps: [],
    yizhuangKm2: {},
    districts: [{ id: 'fangshan', name: '房山区', km2: 0.25 + n }],
    warnings: ['outside-subparks', 'in-partly-ecological-district'],
    evaluation: null,
  });
}

describe('shareValues', () => {
  it('leaves the data equal to what arrived', () => {
    expect(shareValues(received(1), new Set(['id', 'name']))).toEqual(received(1));
  });

  it('makes two reports share their repeated strings, lists and empty values', () => {
    const a = shareValues(received(1), new Set(['id', 'name']));
    const b = shareValues(received(2), new Set(['id', 'name']));
    expect(b.warnings).toBe(a.warnings);
    expect(b.subparkOverlaps).toBe(a.subparkOverlaps);
    expect(b.yizhuangKm2).toBe(a.yizhuangKm2);
    // Numbers differ, so the district entries stay each report's own; their names are shared.
    expect(b.districts).not.toBe(a.districts);
    expect(b.districts[0]!.km2).toBe(2.25);
  });

  it('freezes what it shares, so a change in place cannot reach another report', () => {
    const a = shareValues(received(1));
    expect(Object.isFrozen(a.warnings)).toBe(true);
    expect(Object.isFrozen(a.subparkOverlaps)).toBe(true);
    expect(() => (a.warnings as string[]).push('x')).toThrow(TypeError);
    expect(Object.isFrozen(a)).toBe(false);
  });

  it('keeps null, numbers and booleans as they are', () => {
    expect(shareValues({ a: null, b: 0, c: false, d: NaN })).toEqual({ a: null, b: 0, c: false, d: NaN });
  });
});
