import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import geodesic from 'geographiclib-geodesic';
import { applyRepair, checkBlockSet, repairBlock, type BlockProblem } from './block-checks';
import { geometryAreaM2 } from '../geo/area';
import { signedRingArea } from '../geo/rings';

// Blocks near 中关村, drawn on a grid of 0.001° (≈ 85 m east, 111 m north).
const O = [116.3, 39.98];
const at = (x: number, y: number): Position => [O[0]! + x * 0.001, O[1]! + y * 0.001];
const ring = (...xy: [number, number][]) => xy.map(([x, y]) => at(x, y));
const poly = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const rect = (x0: number, y0: number, x1: number, y1: number) =>
  ring([x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]);

// Independent oracle for areas: GeographicLib on WGS84.
const geod = geodesic.Geodesic.WGS84;
function oracleM2(r: Position[]): number {
  const p = geod.Polygon(false);
  for (const [lon, lat] of r.slice(0, -1)) p.AddPoint(lat!, lon!);
  return Math.abs(p.Compute(false, true).area!);
}

const codes = (ps: BlockProblem[]) => ps.map((p) => `${p.blockId}:${p.code}`);

describe('checkBlockSet', () => {
  it('finds nothing wrong with clean, separate or edge-sharing blocks', () => {
    const blocks = [
      { id: 'a', geometry: poly(rect(0, 0, 10, 10)) },
      { id: 'b', geometry: poly(rect(10, 0, 20, 10)) }, // shares an edge with a
      { id: 'c', geometry: poly(rect(30, 0, 40, 10), rect(32, 2, 34, 4).reverse()) }, // a proper hole
    ];
    expect(checkBlockSet(blocks)).toEqual([]);
  });

  it('reports a bowtie where it crosses, and make-valid turns it into its two lobes', () => {
    const bowtie = poly(ring([0, 0], [2, 2], [2, 0], [0, 2], [0, 0]));
    const [p] = checkBlockSet([{ id: 'x', geometry: bowtie }]);
    expect(p).toMatchObject({ code: 'self-intersection', params: { count: 1 } });
    expect(p!.severity).toBe('error');
    expect(p!.bbox[0]).toBeCloseTo(at(1, 1)[0]!, 9);
    expect(p!.bbox[1]).toBeCloseTo(at(1, 1)[1]!, 9);
    const fixed = applyRepair(bowtie, p!.repair!) as MultiPolygon;
    expect(fixed.type).toBe('MultiPolygon');
    // Lobes: triangles (0,0)(1,1)(0,2) and (1,1)(2,2)(2,0).
    const expected =
      oracleM2(ring([0, 0], [1, 1], [0, 2], [0, 0])) + oracleM2(ring([1, 1], [2, 2], [2, 0], [1, 1]));
    expect(geometryAreaM2(fixed)).toBeCloseTo(expected, 0);
    expect(checkBlockSet([{ id: 'x', geometry: fixed }])).toEqual([]);
  });

  it('counts repeated vertices and removes them without changing the area', () => {
    const r = rect(0, 0, 10, 10);
    const g = poly([r[0]!, r[1]!, r[1]!, r[2]!, r[3]!, r[3]!, r[4]!]);
    const [p] = checkBlockSet([{ id: 'd', geometry: g }]);
    expect(p).toMatchObject({ code: 'duplicate-vertex', params: { count: 2 } });
    const fixed = applyRepair(g, p!.repair!) as Polygon;
    expect(fixed.coordinates[0]).toEqual(r);
  });

  it('refuses to remove duplicates when too few vertices would remain', () => {
    const a = at(0, 0);
    const b = at(1, 0);
    const g = poly([a, b, b, a]);
    expect(applyRepair(g, { kind: 'remove-duplicates' })).toBeNull();
  });

  it('reports clockwise exteriors and rewinds them', () => {
    const g = poly(rect(0, 0, 10, 10).reverse());
    const [p] = checkBlockSet([{ id: 'w', geometry: g }]);
    expect(p!.code).toBe('winding');
    const fixed = applyRepair(g, p!.repair!) as Polygon;
    expect(signedRingArea(fixed.coordinates[0]!)).toBeGreaterThan(0);
  });

  it('finds a hole 0.2 m wide as a sliver and drops it on request', () => {
    // 0.2 m ≈ 1.8e-6° of latitude; 100 m ≈ 0.00117° of longitude at 40°N.
    const dy = 0.2 / 110_574 / 0.001;
    const hole = rect(3, 5, 3 + 1.17, 5 + dy).reverse();
    const g = poly(rect(0, 0, 10, 10), hole);
    const [p] = checkBlockSet([{ id: 's', geometry: g }]);
    expect(p!.code).toBe('sliver-hole');
    expect(p!.params.widthM).toBeCloseTo((2 * 100 * 0.2) / (2 * 100.2), 1);
    const fixed = applyRepair(g, p!.repair!) as Polygon;
    expect(fixed.coordinates).toEqual([rect(0, 0, 10, 10)]);
  });

  it('a sliver part of a multipolygon can be dropped; a block that is all sliver has no one-click mend', () => {
    const thin = rect(20, 0, 30, 0.000001);
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[rect(0, 0, 10, 10)], [thin]] };
    const [p] = checkBlockSet([{ id: 'm', geometry: multi }]);
    expect(p).toMatchObject({ code: 'sliver-part', repair: { kind: 'drop-ring', polygon: 1, ring: 0 } });
    expect(applyRepair(multi, p!.repair!)).toEqual({ type: 'Polygon', coordinates: [rect(0, 0, 10, 10)] });
    const [q] = checkBlockSet([{ id: 'n', geometry: poly(thin) }]);
    expect(q).toMatchObject({ code: 'sliver-block', repair: null });
  });

  it('reports an overlap once, on the later block, with its area, and cuts it out on request', () => {
    const a = poly(rect(0, 0, 10, 10));
    const b = poly(rect(5, 0, 15, 10));
    const problems = checkBlockSet([
      { id: 'a', geometry: a },
      { id: 'b', geometry: b },
    ]);
    expect(codes(problems)).toEqual(['b:overlap']);
    const p = problems[0]!;
    expect(p.params.other).toBe('a');
    expect(p.params.areaM2 as number).toBeCloseTo(oracleM2(rect(5, 0, 10, 10)), 0);
    expect(p.bbox[0]).toBeCloseTo(at(5, 0)[0]!, 9);
    expect(p.bbox[2]).toBeCloseTo(at(10, 0)[0]!, 9);
    const cut = applyRepair(b, p.repair!, new Map([['a', a]]))!;
    expect(geometryAreaM2(cut)).toBeCloseTo(oracleM2(rect(10, 0, 15, 10)), 0);
    expect(
      checkBlockSet([
        { id: 'a', geometry: a },
        { id: 'b', geometry: cut },
      ]),
    ).toEqual([]);
  });

  it('a block wholly inside another overlaps it by its whole area', () => {
    const problems = checkBlockSet([
      { id: 'big', geometry: poly(rect(0, 0, 10, 10)) },
      { id: 'small', geometry: poly(rect(2, 2, 4, 4)) },
    ]);
    expect(codes(problems)).toEqual(['small:overlap']);
    expect(problems[0]!.params.areaM2 as number).toBeCloseTo(oracleM2(rect(2, 2, 4, 4)), 0);
    // Cutting the big block out of the small one leaves nothing: the repair says so with null.
    expect(
      applyRepair(poly(rect(2, 2, 4, 4)), problems[0]!.repair!, new Map([['big', poly(rect(0, 0, 10, 10))]])),
    ).toBeNull();
  });

  it('lists the analysis warnings about sub-parks with the block to zoom to', () => {
    const problems = checkBlockSet([{ id: 'o', geometry: poly(rect(0, 0, 10, 10)) }], {
      warnings: new Map([['o', ['outside-subparks']]]),
    });
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'outside-subparks',
        bbox: [at(0, 0)[0], at(0, 0)[1], at(10, 10)[0], at(10, 10)[1]],
        repair: null,
      }),
    ]);
  });
});

describe('repairBlock', () => {
  it('mends several problems of one block in a safe order', () => {
    // Clockwise, a repeated vertex, and two sliver holes: dropping hole 2 then hole 1 keeps the indices right.
    const dy = 0.2 / 110_574 / 0.001;
    const outer = rect(0, 0, 10, 10).reverse();
    const withDup = [outer[0]!, outer[0]!, ...outer.slice(1)];
    const h1 = rect(2, 2, 3, 2 + dy);
    const h2 = rect(5, 5, 6, 5 + dy);
    const g = poly(withDup, h1, h2);
    const problems = checkBlockSet([{ id: 'z', geometry: g }]);
    expect(problems.map((p) => p.code).sort()).toEqual(
      ['duplicate-vertex', 'sliver-hole', 'sliver-hole', 'winding'].sort(),
    );
    const fixed = repairBlock(
      g,
      problems.map((p) => p.repair!),
    ) as Polygon;
    expect(fixed.coordinates).toHaveLength(1);
    expect(checkBlockSet([{ id: 'z', geometry: fixed }])).toEqual([]);
    expect(geometryAreaM2(fixed)).toBeCloseTo(oracleM2(rect(0, 0, 10, 10)), 0);
  });
});

describe('consequences of a crossing wait for its mend', () => {
  it('a bow-tie is not also called a sliver or outside the sub-parks', () => {
    const bowtie = poly(ring([0, 0], [2, 2], [2, 0], [0, 2], [0, 0]));
    const problems = checkBlockSet([{ id: 'x', geometry: bowtie }], {
      warnings: new Map([['x', ['outside-subparks']]]),
    });
    expect(problems.map((p) => p.code)).toEqual(['self-intersection']);
  });
});
