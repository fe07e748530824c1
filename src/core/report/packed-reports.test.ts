import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Position } from 'geojson';
import { buildContext } from './context';
import { assessBlocks, type BlockInput, type BlockReport } from './evaluate-blocks';
import { packReports, plainReport, reportBuffers, unpackReports } from './packed-reports';
import { embeddedLayers } from '../../cli/load';
import places from '../../../data/reference/places.json';
import { groupCentre, squareBlock } from './test-squares';
import type { IndicatorId } from '../rules/evaluation';

const centre = groupCentre;
const square = (id: string, c: Position, halfDeg = 0.003) => squareBlock(id, c, halfDeg, `区块 ${id}`);

// Reports of every sort: inside and outside sub-parks, across Yizhuang, evaluated and not, in transition.
const ctx = buildContext(embeddedLayers());
const ids = places.groups.map((g) => g.id);
const blocks: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    ...ids.map((id) => square(id, centre(id))),
    square('far-away', [115.5, 40.9]),
    square('big', centre('yizhuang-park'), 0.03),
  ],
};
const indicators = (k: number): Partial<Record<IndicatorId, number>> => ({
  newRevenue: k,
  outputPerLand: 10 + k,
  rdIntensity: 0.01 * k,
});
const inputs = new Map<string, BlockInput>(
  ids.map((id, k) => [id, k % 3 === 2 ? { transitionYears: 3 } : { indicators: indicators(k) }]),
);
const reports = assessBlocks(blocks, ctx, { inputs });

/** What the page gets: the pack through a structured clone, its buffers moved. */
function received(p: NonNullable<ReturnType<typeof packReports>>) {
  return structuredClone(p, { transfer: reportBuffers(p) });
}

describe('packed reports', () => {
  it('cover the kinds of report the assessment makes', () => {
    expect(reports.some((r) => r.evaluation !== null)).toBe(true);
    expect(reports.some((r) => r.status === 'transition')).toBe(true);
    expect(reports.some((r) => r.subparkId === null)).toBe(true);
    expect(reports.some((r) => Object.keys(r.yizhuangKm2).length > 0)).toBe(true);
    expect(reports.some((r) => r.subparkOverlaps.length > 1 || r.districts.length > 1)).toBe(true);
  });

  it('read back field for field as what was packed, after crossing to another thread', () => {
    const back = unpackReports(received(packReports(reports)!));
    expect(back).toHaveLength(reports.length);
    back.forEach((r, i) => expect(plainReport(r)).toEqual(reports[i]));
    // Nulls stay nulls, not NaN or -1.
    const outside = back.find((r) => r.id === 'far-away')!;
    expect(outside).toMatchObject({ subparkId: null, shareOfSubpark: null, mode: null, subparkOverlaps: [] });
  });

  it('serialise to JSON as the reports do, and clone as plain objects once made plain', () => {
    const back = unpackReports(received(packReports(reports)!));
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(reports)));
    expect(structuredClone(plainReport(back[0]!))).toEqual(reports[0]);
  });

  it('move their numbers and references without copying', () => {
    const p = packReports(reports)!;
    const buffers = reportBuffers(p);
    expect(buffers).toHaveLength(6);
    structuredClone(p, { transfer: buffers });
    expect(p.numbers.byteLength).toBe(0);
  });

  it('keep each distinct string once, and repeated lists once, frozen', () => {
    const p = packReports(reports)!;
    expect(new Set(p.strings).size).toBe(p.strings.length);
    const back = unpackReports(received(p));
    const alike = back.filter((r) => r.warnings.join() === back[0]!.warnings.join());
    expect(alike.length).toBeGreaterThan(1);
    expect(alike[0]!.warnings).toBe(alike[1]!.warnings);
    expect(Object.isFrozen(alike[0]!.warnings)).toBe(true);
    expect(() => (alike[0]!.warnings as string[]).push('share-above-one')).toThrow();
  });

  it('are one object each: the fields are the prototype getters', () => {
    const [r] = unpackReports(packReports(reports)!);
    expect(Object.keys(r!)).toEqual([]);
    expect(r!.areaKm2).toBe(reports[0]!.areaKm2);
  });

  it('decline what a field cannot carry, so the caller sends those reports as they are', () => {
    const odd = (patch: Partial<Record<keyof BlockReport, unknown>>) => [
      reports[0]!,
      { ...reports[1]!, ...patch } as BlockReport,
    ];
    expect(packReports(odd({ areaKm2: NaN }))).toBeNull();
    expect(packReports(odd({ areaKm2: '0.5' }))).toBeNull();
    expect(packReports(odd({ subpark: 7 }))).toBeNull();
    expect(packReports(odd({ districts: [{ id: 'x', name: 'y' }] }))).toBeNull();
    expect(packReports(odd({ districts: [{ id: 'x', name: 'y', km2: 1, extra: true }] }))).toBeNull();
    expect(packReports(odd({ evaluation: undefined }))).toBeNull();
    expect(packReports([])).toMatchObject({ count: 0 });
  });
});
